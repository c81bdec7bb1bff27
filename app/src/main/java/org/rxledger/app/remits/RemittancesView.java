package org.rxledger.app.remits;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.rxledger.app.remits.RemittanceRows.AdjustmentRow;
import org.rxledger.app.remits.RemittanceRows.ClaimRow;
import org.rxledger.app.remits.RemittanceRows.LineRow;
import org.rxledger.app.remits.RemittanceRows.ProviderAdjustmentRow;
import org.rxledger.app.remits.RemittanceRows.RemarkRow;
import org.rxledger.app.ui.Cells;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Tables;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.RejectedImport;
import org.rxledger.core.remit.RejectionLog;
import org.rxledger.core.remit.RemittanceListRow;

/**
 * The remittances area: payments list on top; below it the selected payment's claims (with filters)
 * and provider-level adjustments, and the selected claim's adjustments, remarks, service lines and
 * raw segments; a second tab lists rejected files. Keyboard: ↑↓ in each table, Enter moves to the
 * next table to the right/below, Esc back; Ctrl+O imports; Ctrl+Shift+A attributes the selected PLB item to a
 * claim. Binds only.
 */
public final class RemittancesView extends BorderPane {

    /** Chooses files to import; replaceable so UI tests can drive the real import action. */
    @FunctionalInterface
    public interface FilePicker {
        List<File> pick(Window owner);
    }

    private final RemittancesViewModel vm;
    private final TabPane tabs = new TabPane();
    private final TableView<RemittanceListRow> payments = new TableView<>();
    private final TableView<ClaimRow> claims = new TableView<>();
    private final TabPane claimTabs = new TabPane();
    private final TabPane detailTabs = new TabPane();
    private final TableView<AdjustmentRow> adjustments = new TableView<>();
    private final TableView<RemarkRow> remarks = new TableView<>();
    private final TableView<LineRow> lines = new TableView<>();
    private final TextArea raw = new TextArea();
    private final TableView<ProviderAdjustmentRow> plb = new TableView<>();
    private final TableView<RejectedImport> rejected = new TableView<>();
    private final TextArea rejectedProblems = new TextArea();
    private final TextField adjustedOver = new TextField();
    private FilePicker picker = RemittancesView::chooseFiles;
    private final TableView<org.rxledger.core.posting.PostingRepository.PostingRecord> postings = new TableView<>();
    private MatchPane matchPane;
    private Tab matchTab;
    private Tab plbTab;

    // matching and posting (issue 5); area-local, handled in this view's key filter
    static final KeyCombination MATCH_TO = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination UNMATCH = new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination POST = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination UNPOST = new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination REPOST = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination PAYER_SETTINGS = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    /** Re-run matching over every waiting claim payment (area-local). */
    static final KeyCombination REMATCH_WAITING = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    /** Attribute the selected PLB item to a claim (area-local; Ctrl+Shift+A assigns in the queue areas). */
    static final KeyCombination ATTRIBUTE_PLB = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    public RemittancesView(RemittancesViewModel vm, Path inbox) {
        this.vm = vm;
        setId("remittancesView");
        getStyleClass().add("remittances-view");
        setTop(toolbar(inbox));
        Tab paymentsTab = new Tab("Payments", paymentsPane());
        paymentsTab.setId("remitPaymentsTab");
        Tab rejectedTab = new Tab("Rejected files", rejectedPane());
        rejectedTab.setId("remitRejectedTab");
        tabs.getTabs().setAll(paymentsTab, rejectedTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("remitTabs");
        setCenter(tabs);
        // another area asked for a payment's claim payment or PLB item (Exceptions → Open in Remittances)
        vm.shownProperty().addListener((o, was, now) -> {
            if (now == null) {
                return;
            }
            tabs.getSelectionModel().select(paymentsTab);
            TableView<?> target;
            if (now.plbItemId() != null) {
                claimTabs.getSelectionModel().select(plbTab);
                target = plb;
            } else {
                claimTabs.getSelectionModel().select(0);
                if (now.remitClaimId() != null) {
                    detailTabs.getSelectionModel().select(matchTab);
                }
                target = claims;
            }
            // after the pulse in which the area becomes visible (a hidden table cannot take focus); the row
            // itself is selected once the payment is loaded
            javafx.application.Platform.runLater(target::requestFocus);
        });
        // Alt+D / Alt+R toggle the claim filters from anywhere in the area (a filter, so it runs
        // before the focused table or the menu bar can take the keys)
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            Runnable action = REMATCH_WAITING.match(e) ? vm::rematchWaiting
                    : MATCH_TO.match(e) ? this::matchTo : UNMATCH.match(e) ? this::unmatch
                    : POST.match(e) ? this::post : UNPOST.match(e) ? this::unpost : REPOST.match(e) ? this::repost
                    : PAYER_SETTINGS.match(e) ? this::payerSettings : ATTRIBUTE_PLB.match(e) ? this::attributePlb : null;
            if (action != null) {
                e.consume();
                action.run();
                return;
            }
            if (e.isAltDown() && !e.isControlDown() && !e.isShiftDown()) {
                if (e.getCode() == KeyCode.D) {
                    vm.deniedOnlyProperty().set(!vm.deniedOnlyProperty().get());
                    e.consume();
                } else if (e.getCode() == KeyCode.R) {
                    vm.reversedOnlyProperty().set(!vm.reversedOnlyProperty().get());
                    e.consume();
                } else if (e.getCode() == KeyCode.M) {
                    detailTabs.getSelectionModel().select(matchTab);
                    e.consume();
                }
            }
        });
    }

    private HBox toolbar(Path inbox) {
        Button importButton = new Button("Import 835 files…");
        importButton.setId("remitImport");
        importButton.setTooltip(new Tooltip("Choose one or more 835 (ERA) files to import (Ctrl+O). You can also drop files on the window."));
        importButton.setOnAction(e -> importFromChooser());
        importButton.disableProperty().bind(vm.importingProperty());
        importButton.getStyleClass().add(Styles.ACCENT);
        importButton.setMinWidth(Region.USE_PREF_SIZE);
        Button cancel = new Button("Cancel import");
        cancel.setId("remitCancelImport");
        cancel.setTooltip(new Tooltip("Stop this import; nothing of the file is stored"));
        cancel.setOnAction(e -> vm.cancelImport());
        cancel.visibleProperty().bind(vm.importingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.getStyleClass().add(Styles.DANGER);
        Label hint = new Label(inbox == null ? "Drop 835 files on the window to import them."
                : "Drop 835 files on the window, or save them in the inbox: " + inbox);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setMinWidth(0);
        Label outcome = new Label();
        outcome.setId("remitLastOutcome");
        outcome.textProperty().bind(vm.lastOutcomeProperty());
        outcome.setMinWidth(0);
        outcome.setMaxWidth(480);
        outcome.setTooltip(new Tooltip());
        outcome.getTooltip().textProperty().bind(vm.lastOutcomeProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button post = actionButton("remitPost", "Post…", "Preview the selected payment's ledger batch, then post it (Ctrl+P)", this::post);
        post.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !MatchingViewModel.postable(vm.selectedPaymentProperty().get()), vm.selectedPaymentProperty()));
        Button unpost = actionButton("remitUnpost", "Unpost…", "Reverse the selected payment's postings with a reversing batch; reason required (Ctrl+Shift+U)", this::unpost);
        unpost.disableProperty().bind(post.disableProperty().not().or(vm.selectedPaymentProperty().isNull()));
        Button repost = actionButton("remitRepost", "Re-post…", "Unpost and post again under the current matches; reason required (Ctrl+Shift+P)", this::repost);
        repost.disableProperty().bind(unpost.disableProperty());
        Button settings = actionButton("remitPayerSettings", "Payer settings…", "Posting mode (automatic / review first) and CLP01 patterns per payer (Ctrl+Shift+T)", this::payerSettings);
        Button rematch = actionButton("remitRematchWaiting", "Re-match waiting items",
                "Match again every claim payment that waits for review or matched nothing, e.g. after importing claims;"
                        + " automatic matches and your decisions stay (Ctrl+Shift+M)", vm::rematchWaiting);
        HBox bar = new HBox(10, importButton, cancel, post, unpost, repost, settings, rematch, hint, spacer, outcome);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    // ---- payments tab ----

    private Node paymentsPane() {
        payments.setId("remitPayments");
        payments.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        payments.getColumns().setAll(List.of(
                text("Payer", 220, RemittanceListRow::payerName),
                text("Trace", 130, RemittanceListRow::traceNumber),
                text("Method", 70, RemittanceListRow::method),
                date("Paid on", RemittanceListRow::paymentDate),
                wide(money("Amount", RemittanceListRow::amount), 110),
                number("Claims", RemittanceListRow::claimCount, 80),
                number("Matched", RemittanceListRow::matchedCount, 82),
                number("Waiting", (RemittanceListRow r) -> r.matches().waiting(), 80),
                number("Unmatched", (RemittanceListRow r) -> r.matches().unmatched(), 106),
                balancedColumn(),
                text("Posting", 90, r -> r.postingHeld() ? "held"
                        : r.status() == org.rxledger.core.remit.PaymentStatus.IMPORTED ? "not posted"
                        : r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')),
                text("File", 150, RemittanceListRow::fileName),
                timestamp("Imported", RemittanceListRow::importedAt)));
        payments.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        payments.setItems(vm.payments());
        payments.setPlaceholder(new Label("No remittances yet. Import 835 files with Ctrl+O, drop them here, or save them in the inbox."));
        payments.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedPaymentProperty().set(now));
        vm.selectedPaymentProperty().addListener((o, was, now) -> {
            if (now != payments.getSelectionModel().getSelectedItem()) {
                payments.getSelectionModel().select(now);
                revealLater(payments);
            }
        });
        payments.setContextMenu(new ContextMenu(
                menuItem("Post…", POST, this::post), menuItem("Unpost…", UNPOST, this::unpost),
                menuItem("Re-post…", REPOST, this::repost), menuItem("Payer settings…", PAYER_SETTINGS, this::payerSettings),
                menuItem("Re-match waiting items", REMATCH_WAITING, vm::rematchWaiting)));
        payments.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                focus(claims);
                e.consume();
            }
        });

        // three bands, each full width so money and descriptions never truncate: payments, claims, claim detail
        SplitPane split = new SplitPane(payments, claimsPane(), detailPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.24, 0.6);
        return split;
    }

    private Node claimsPane() {
        CheckBox denied = new CheckBox("Denied");
        denied.setId("remitFilterDenied");
        denied.selectedProperty().bindBidirectional(vm.deniedOnlyProperty());
        denied.setTooltip(new Tooltip("Only denied claims: status 4, or processed with nothing paid (Alt+D)"));
        CheckBox reversed = new CheckBox("Reversals");
        reversed.setId("remitFilterReversed");
        reversed.selectedProperty().bindBidirectional(vm.reversedOnlyProperty());
        reversed.setTooltip(new Tooltip("Only reversals (CLP02 = 22) (Alt+R)"));
        Label overLabel = new Label("Adjusted >");
        adjustedOver.setId("remitFilterAdjusted");
        adjustedOver.setPrefColumnCount(6);
        adjustedOver.setPromptText("amount");
        adjustedOver.textProperty().bindBidirectional(vm.adjustedOverProperty());
        adjustedOver.setTooltip(new Tooltip("Only claims whose charge minus paid is more than this amount (either sign)"));
        adjustedOver.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.clearFilters();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                focus(claims);
                e.consume();
            }
        });
        Label count = new Label();
        count.setId("remitClaimCount");
        count.getStyleClass().add("count-label");
        count.textProperty().bind(vm.claimCountTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox filters = new HBox(8, denied, reversed, overLabel, adjustedOver, spacer, count);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(4, 6, 4, 6));

        claims.setId("remitClaims");
        claims.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        claims.getColumns().setAll(List.of(
                text("Rx / fill (from CLP01)", 230, ClaimRow::rxFill),
                text("CLP01", 120, ClaimRow::clp01),
                text("Status (CLP02)", 230, ClaimRow::status),
                money("Charge", ClaimRow::charge),
                money("Paid", ClaimRow::paid),
                money("Pt resp", ClaimRow::patientResponsibility),
                money("Adjusted", ClaimRow::adjusted),
                text("Payer claim # (CLP07)", 150, ClaimRow::payerClaimNumber),
                date("Service", ClaimRow::serviceDate),
                text("Match", 90, c -> c.matchStatus().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))));
        claims.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        claims.setItems(vm.claims());
        claims.setPlaceholder(new Label("Select a payment to see its claims."));
        claims.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedClaimProperty().set(now));
        vm.selectedClaimProperty().addListener((o, was, now) -> {
            if (now != null && now != claims.getSelectionModel().getSelectedItem()) {
                claims.getSelectionModel().select(now);
                revealLater(claims);
            }
        });
        claims.setContextMenu(new ContextMenu(menuItem("Match to… / Re-match…", MATCH_TO, this::matchTo),
                menuItem("Unmatch…", UNMATCH, this::unmatch)));
        claims.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                focus(adjustments);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                payments.requestFocus();
                e.consume();
            }
        });
        VBox.setVgrow(claims, Priority.ALWAYS);
        VBox claimsBox = new VBox(filters, claims);

        plb.setId("remitPlb");
        plb.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        plb.getColumns().setAll(List.of(
                text("Code", 50, ProviderAdjustmentRow::reason),
                text("Meaning", 220, ProviderAdjustmentRow::reasonText),
                text("Reference", 150, ProviderAdjustmentRow::reference),
                money("Amount", ProviderAdjustmentRow::amount),
                text("Attributed to", 110, ProviderAdjustmentRow::attributedText),
                text("Provider", 100, ProviderAdjustmentRow::providerId),
                date("Fiscal period", ProviderAdjustmentRow::fiscalPeriodDate)));
        plb.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        plb.setItems(vm.providerAdjustments());
        plb.setPlaceholder(new Label("No provider-level adjustments (PLB) in this payment."));
        plb.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedProviderAdjustmentProperty().set(now));
        vm.selectedProviderAdjustmentProperty().addListener((o, was, now) -> {
            if (now != null && now != plb.getSelectionModel().getSelectedItem()) {
                plb.getSelectionModel().select(now);
                revealLater(plb);
            }
        });
        plb.setContextMenu(new ContextMenu(menuItem("Attribute to claim…", ATTRIBUTE_PLB, this::attributePlb)));
        Button attribute = actionButton("remitPlbAttribute", "Attribute to claim…",
                "Tie the selected PLB item (e.g. a WO recoupment) to the claim it takes back; reason required (Ctrl+Shift+A)",
                this::attributePlb);
        attribute.disableProperty().bind(vm.selectedProviderAdjustmentProperty().isNull());
        Label plbNote = new Label("Positive amounts reduce the payment; negative amounts add to it (BPR02 = Σ claims paid − Σ PLB). "
                + "Attributed to: the claim an item is tied to on the ledger (— = none).");
        plbNote.getStyleClass().add(Styles.TEXT_MUTED);
        plbNote.setWrapText(true);
        plbNote.setMinWidth(0);
        HBox.setHgrow(plbNote, Priority.ALWAYS);
        HBox plbBar = new HBox(10, attribute, plbNote);
        plbBar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(plb, Priority.ALWAYS);
        VBox plbBox = new VBox(4, plbBar, plb);
        plbBox.setPadding(new Insets(0, 0, 4, 4));

        Tab claimsTab = new Tab("Claims", claimsBox);
        claimsTab.setId("remitClaimsTab");
        plbTab = new Tab("Provider adjustments (PLB)", plbBox);
        plbTab.setId("remitPlbTab");
        Tab postingsTab = new Tab("Postings", postingsPane());
        postingsTab.setId("remitPostingsTab");
        claimTabs.getTabs().setAll(claimsTab, plbTab, postingsTab);
        claimTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return claimTabs;
    }

    private Node detailPane() {
        adjustments.setId("remitAdjustments");
        adjustments.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        adjustments.getColumns().setAll(List.of(
                text("Level", 70, AdjustmentRow::where),
                text("Group", 60, AdjustmentRow::group),
                text("Group meaning", 170, AdjustmentRow::groupText),
                text("CARC", 55, AdjustmentRow::reason),
                text("Reason (CARC description)", 380, AdjustmentRow::reasonText),
                money("Amount", AdjustmentRow::amount)));
        adjustments.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        adjustments.setPlaceholder(new Label("No adjustments."));
        adjustments.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                focus(claims);
                e.consume();
            }
        });

        remarks.setId("remitRemarks");
        remarks.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        remarks.getColumns().setAll(List.of(
                text("Level", 60, RemarkRow::where),
                text("Kind", 100, RemarkRow::kind),
                text("Code", 50, RemarkRow::code),
                text("Meaning", 300, RemarkRow::text)));
        remarks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        remarks.setPlaceholder(new Label("No remarks (LQ) on this claim."));
        remarks.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                focus(claims);
                e.consume();
            }
        });
        Label adjustmentsTitle = new Label("Adjustments (CAS): group and reason");
        adjustmentsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Label remarksTitle = new Label("Remarks (LQ): RARC and NCPDP reject codes");
        remarksTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox.setVgrow(adjustments, Priority.ALWAYS);
        VBox.setVgrow(remarks, Priority.ALWAYS);
        VBox adjustmentsOnly = new VBox(2, adjustmentsTitle, adjustments);
        VBox remarksOnly = new VBox(2, remarksTitle, remarks);
        SplitPane adjustmentsBox = new SplitPane(adjustmentsOnly, remarksOnly);
        adjustmentsBox.setDividerPositions(0.62);

        lines.setId("remitLines");
        lines.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        lines.getColumns().setAll(List.of(
                number("#", LineRow::seq),
                text("Product", 140, LineRow::product),
                money("Charge", LineRow::charge),
                money("Paid", LineRow::paid),
                money("Adjusted", LineRow::adjusted),
                column("Units", 50, LineRow::units, () -> Cells.<LineRow, BigDecimal>formatted(Formats::quantity, "number-cell")),
                date("Service", LineRow::serviceDate)));
        lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        lines.setPlaceholder(new Label("No service lines: this claim is reported at claim level only."));

        raw.setId("remitRaw");
        raw.setEditable(false);
        raw.getStyleClass().add("raw-segments");

        vm.detailProperty().addListener((o, was, d) -> {
            adjustments.getItems().setAll(d.adjustments());
            remarks.getItems().setAll(d.remarks());
            lines.getItems().setAll(d.lines());
            raw.setText(d.rawSegments());
        });

        Tab adjustmentsTab = new Tab("Adjustments & remarks", adjustmentsBox);
        adjustmentsTab.setId("remitAdjustmentsTab");
        Tab linesTab = new Tab("Service lines", lines);
        linesTab.setId("remitLinesTab");
        Tab rawTab = new Tab("Raw segments", raw);
        rawTab.setId("remitRawTab");
        matchPane = new MatchPane(vm.matching());
        matchPane.matchTo.setOnAction(e -> matchTo());
        matchPane.unmatch.setOnAction(e -> unmatch());
        matchTab = new Tab("Match", matchPane);
        matchTab.setId("remitMatchTab");
        detailTabs.getTabs().setAll(adjustmentsTab, linesTab, rawTab, matchTab);
        detailTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        detailTabs.setId("remitDetailTabs");
        return detailTabs;
    }

    private Node postingsPane() {
        postings.setId("remitPostings");
        postings.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        postings.getColumns().setAll(List.of(
                timestamp("When", org.rxledger.core.posting.PostingRepository.PostingRecord::postedAt),
                text("Who", 80, org.rxledger.core.posting.PostingRepository.PostingRecord::postedBy),
                text("Kind", 70, r -> r.kind().name()),
                money("Cash", org.rxledger.core.posting.PostingRepository.PostingRecord::cash),
                text("Reason", 260, r -> r.reason() == null ? "" : r.reason()),
                text("Batch", 280, r -> r.batchId().toString())));
        postings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        postings.setItems(vm.matching().postings());
        postings.setPlaceholder(new Label("Not posted yet: Post… (Ctrl+P) previews the batch, then posts it."));
        Label mode = new Label();
        mode.setId("remitPayerMode");
        mode.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                "This payer's remittances are posted: " + (vm.matching().payerModeProperty().get()
                        == org.rxledger.core.ledger.PostingMode.REVIEW_FIRST ? "review first (preview, then Post…)"
                        : "automatically on import") + ".  Payer settings… (Ctrl+Shift+T) changes it.",
                vm.matching().payerModeProperty()));
        mode.getStyleClass().add(Styles.TEXT_MUTED);
        Label held = new Label();
        held.setId("remitPostingHeld");
        held.setWrapText(true);
        held.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap to as many lines as the reason needs
        held.getStyleClass().add(Styles.WARNING);
        held.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            RemittanceListRow p = vm.selectedPaymentProperty().get();
            return p != null && p.postingHeld() ? p.postingHeldReason() : "";
        }, vm.selectedPaymentProperty()));
        held.visibleProperty().bind(held.textProperty().isNotEmpty());
        held.managedProperty().bind(held.visibleProperty());
        VBox.setVgrow(postings, Priority.ALWAYS);
        VBox box = new VBox(4, mode, held, postings);
        box.setPadding(new Insets(4, 0, 0, 4));
        return box;
    }

    // ---- matching and posting actions (issue 5) ----

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Match to… (or re-match) the selected claim payment: candidates or a claim found by Rx/fill; reason required. */
    public void matchTo() {
        if (!matchShown()) {
            return;
        }
        detailTabs.getSelectionModel().select(matchTab);
        RemitDialogs.matchTo(window(), vm.matching()).show();
    }

    public void unmatch() {
        MatchingViewModel.MatchInfo m = vm.matching().matchProperty().get();
        if (!matchShown() || !m.matched()) {
            return;
        }
        detailTabs.getSelectionModel().select(matchTab);
        RemitDialogs.reason(window(), "unmatchDialog", "Unmatch", "CLP01 " + m.clp01() + ": unmatch from " + m.claimText(),
                "The claim payment is no longer tied to the claim. If the payment is posted, its money moves to unapplied "
                        + "cash (the ledger follows in the same transaction).", "Unmatch", vm.matching()::unmatch).show();
    }

    /** Whether the Match tab shows the selected claim payment (not the previous one while it loads). */
    private boolean matchShown() {
        ClaimRow selected = vm.selectedClaimProperty().get();
        return selected != null && vm.matching().matchProperty().get().remitClaimId() == selected.id();
    }

    /** Post: preview of the batch first, then Post or Cancel. */
    public void post() {
        if (!MatchingViewModel.postable(vm.selectedPaymentProperty().get())) {
            return;
        }
        vm.matching().preview(p -> RemitDialogs.preview(window(), vm.matching(), p).show());
    }

    public void unpost() {
        RemittanceListRow p = vm.selectedPaymentProperty().get();
        if (p == null || MatchingViewModel.postable(p)) {
            return;
        }
        RemitDialogs.reason(window(), "unpostDialog", "Unpost", "Unpost payment " + p.traceNumber() + " (" + p.payerName() + ")",
                "A reversing batch negates everything this payment put on the ledger. Nothing is deleted; the payment can "
                        + "be posted again after the matches are fixed.", "Unpost", vm.matching()::unpost).show();
    }

    public void repost() {
        RemittanceListRow p = vm.selectedPaymentProperty().get();
        if (p == null || MatchingViewModel.postable(p)) {
            return;
        }
        RemitDialogs.reason(window(), "repostDialog", "Re-post", "Re-post payment " + p.traceNumber() + " (" + p.payerName() + ")",
                "Unposts the payment and posts it again under the current matches, in one transaction.", "Re-post",
                vm.matching()::repost).show();
    }

    /** Attribute the selected PLB item to a claim: find it by Rx and fill, reason required. */
    public void attributePlb() {
        ProviderAdjustmentRow item = vm.selectedProviderAdjustmentProperty().get();
        claimTabs.getSelectionModel().select(plbTab);
        if (item == null) {
            plb.requestFocus();
            return;
        }
        vm.plbAttribution().open(item);
        RemitDialogs.attributePlb(window(), vm.plbAttribution()).show();
    }

    public void payerSettings() {
        RemittanceListRow p = vm.selectedPaymentProperty().get();
        vm.matching().loadSettings(List.copyOf(vm.payments()), rows ->
                RemitDialogs.payerSettings(window(), vm.matching(), rows, p == null ? null : p.payerName()).show());
    }

    private static Button actionButton(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static MenuItem menuItem(String text, KeyCombination key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(key);
        item.setOnAction(e -> action.run());
        return item;
    }

    // ---- rejected files tab ----

    private Node rejectedPane() {
        rejected.setId("remitRejected");
        rejected.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        rejected.getColumns().setAll(List.of(
                timestamp("When", RejectedImport::attemptedAt),
                text("File", 220, RejectedImport::fileName),
                text("From", 70, r -> r.source().toLowerCase(java.util.Locale.ROOT)),
                text("By", 80, RejectedImport::attemptedBy),
                number("Problems", RejectedImport::problemCount, 80),
                text("First problem", 500, r -> r.problems().lines().findFirst().orElse("")),
                text("SHA-256", 160, r -> r.sha256() == null ? "(unreadable)" : r.sha256())));
        rejected.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rejected.setItems(vm.rejections());
        rejected.setPlaceholder(new Label("No rejected files."));
        rejectedProblems.setId("remitRejectedProblems");
        rejectedProblems.setEditable(false);
        rejectedProblems.setWrapText(true);
        rejectedProblems.getStyleClass().add("raw-segments");
        rejected.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                rejectedProblems.setText(now == null ? "" : now.fileName() + " was rejected; nothing was stored.\n"
                        + "Problems (pass these to the payer or clearinghouse):\n\n" + now.problems()));
        SplitPane split = new SplitPane(rejected, rejectedProblems);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        return split;
    }

    // ---- actions ----

    public void importFromChooser() {
        List<File> files = picker.pick(getScene() == null ? null : getScene().getWindow());
        if (files != null && !files.isEmpty()) {
            vm.importFiles(files.stream().map(File::toPath).toList(), RejectionLog.Source.CHOOSER);
        }
    }

    /** Test hook: replaces the file chooser. */
    public void setFilePicker(FilePicker picker) {
        this.picker = picker;
    }

    /** Focus on the payments list (Ctrl+2), after the area is on screen. */
    public void focusPayments() {
        // now (so the scene never moves focus elsewhere when the previous area leaves) and once more
        // after the pulse that lays the area out
        focus(payments);
        javafx.application.Platform.runLater(() -> focus(payments));
    }

    public void showRejected() {
        tabs.getSelectionModel().select(1);
        focus(rejected);
    }

    private static List<File> chooseFiles(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import 835 remittance files");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("835 / ERA files", "*.835", "*.edi", "*.era", "*.txt", "*.x12"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return chooser.showOpenMultipleDialog(owner);
    }

    /**
     * Scrolls the selection into sight once the table is laid out: the rows were just replaced, and the area may
     * have just become visible (Exceptions → Open in Remittances), so the table has not measured either yet.
     */
    private static void revealLater(TableView<?> table) {
        javafx.application.Platform.runLater(() -> {
            if (table.getScene() != null) {
                table.getScene().getRoot().applyCss();
                table.getScene().getRoot().layout();
            }
            Tables.revealSelection(table);
        });
    }

    private static <S> void focus(TableView<S> table) {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
        }
        table.getFocusModel().focus(table.getSelectionModel().getSelectedIndex());
    }

    // ---- columns ----

    private static <S, T> TableColumn<S, T> column(String title, double width, Function<S, T> getter,
                                                   java.util.function.Supplier<TableCell<S, T>> cells) {
        TableColumn<S, T> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setCellValueFactory(Cells.value(getter));
        col.setCellFactory(c -> cells.get());
        return col;
    }

    private static <S> TableColumn<S, String> text(String title, double width, Function<S, String> getter) {
        TableColumn<S, String> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        // codes and short labels never truncate; long text gives way
        col.setMinWidth(width <= 100 ? width : 80);
        col.setCellValueFactory(Cells.value(getter));
        return col;
    }

    private static <S> TableColumn<S, Money> money(String title, Function<S, Money> getter) {
        TableColumn<S, Money> col = column(title, 84, getter, Cells::money);
        col.setMinWidth(70);
        col.getStyleClass().add("money-column");
        return col;
    }

    private static <S, T> TableColumn<S, T> wide(TableColumn<S, T> col, double width) {
        col.setPrefWidth(width);
        col.setMinWidth(width);
        return col;
    }

    private static <S> TableColumn<S, Integer> number(String title, Function<S, Integer> getter) {
        return number(title, getter, 60);
    }

    private static <S> TableColumn<S, Integer> number(String title, Function<S, Integer> getter, double width) {
        TableColumn<S, Integer> col = column(title, width, getter, () -> Cells.formatted(n -> Formats.count(n), "number-cell"));
        col.setMinWidth(width);
        return col;
    }

    private static <S> TableColumn<S, LocalDate> date(String title, Function<S, LocalDate> getter) {
        TableColumn<S, LocalDate> col = column(title, 86, getter, () -> Cells.formatted(Formats::date, "date-cell"));
        col.setMinWidth(80);
        return col;
    }

    private static <S> TableColumn<S, Instant> timestamp(String title, Function<S, Instant> getter) {
        TableColumn<S, Instant> col = column(title, 130, getter, () -> Cells.formatted(Formats::timestamp, "date-cell"));
        col.setMinWidth(130);
        return col;
    }

    private static TableColumn<RemittanceListRow, RemittanceListRow> balancedColumn() {
        TableColumn<RemittanceListRow, RemittanceListRow> col = new TableColumn<>("Balanced");
        col.setPrefWidth(80);
        col.setMinWidth(80);
        col.setCellValueFactory(Cells.value(Function.identity()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(RemittanceListRow item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(item.balanced() ? "✓ yes" : "✗ NO");
                // explain the number (UI.md §4): where the balance comes from
                setTooltip(new Tooltip("Claims paid " + Formats.money(item.claimsPaid()) + " − provider adjustments "
                        + Formats.money(item.providerAdjustments()) + " = "
                        + Formats.money(item.claimsPaid().minus(item.providerAdjustments()))
                        + "; payment (BPR02) " + Formats.money(item.amount())));
            }
        });
        return col;
    }
}
