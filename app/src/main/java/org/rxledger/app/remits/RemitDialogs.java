package org.rxledger.app.remits;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.rxledger.app.ui.Cells;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Tables;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerEntry;
import org.rxledger.core.ledger.PostingMode;
import org.rxledger.core.matching.MatchRecord.CandidateSummary;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.PostingPreview;

/**
 * The dialogs of matching and posting. Each runs its action through the view model and stays open
 * until the core accepted it: a refusal (no reason, a payment already posted, a bad pattern) is shown
 * in the dialog in plain words, never lost. Enter confirms (from the reason field too), Esc cancels.
 */
final class RemitDialogs {

    /** Runs the dialog's action: report a refusal with the first callback, success with the second. */
    @FunctionalInterface
    interface Action {
        void run(Consumer<String> onError, Runnable onDone);
    }

    private RemitDialogs() {
    }

    /** A dialog whose action button runs {@code action} and closes only when it succeeded. */
    static Dialog<ButtonType> actionDialog(Window owner, String id, String title, String header, String actionText,
                                           Node content, Label problem, Action action) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setResizable(true);
        ButtonType ok = new ButtonType(actionText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().setId(id);
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMaxWidth(640);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        problem.setId(id + "Problem");
        dialog.getDialogPane().setContent(content);
        Button button = (Button) dialog.getDialogPane().lookupButton(ok);
        button.setId(id + "Ok");
        button.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            problem.setText("");
            button.setDisable(true);
            action.run(message -> {
                button.setDisable(false);
                problem.setText(message);
            }, () -> {
                dialog.setResult(ok);
                dialog.close();
            });
        });
        return dialog;
    }

    private static TextField reasonField(String id, Label problem) {
        TextField reason = new TextField();
        reason.setId(id);
        reason.setPromptText("required: why (kept in the history)");
        reason.setPrefColumnCount(40);
        reason.textProperty().addListener(o -> problem.setText(""));
        return reason;
    }

    // ---- reason only: Unmatch, Unpost, Re-post ----

    /** An action that needs the clerk's reason. */
    @FunctionalInterface
    interface ReasonAction {
        void run(String reason, Consumer<String> onError, Runnable onDone);
    }

    static Dialog<ButtonType> reason(Window owner, String id, String title, String header, String explanation,
                                     String actionText, ReasonAction run) {
        Label problem = new Label();
        TextField reason = reasonField(id + "Reason", problem);
        Label text = new Label(explanation);
        text.setWrapText(true);
        text.setMaxWidth(560);
        VBox box = new VBox(8, text, new Label("Reason"), reason, problem);
        box.setPadding(new Insets(4));
        box.setPrefWidth(580);
        Dialog<ButtonType> dialog = actionDialog(owner, id, title, header, actionText, box, problem,
                (onError, onDone) -> run.run(reason.getText(), onError, onDone));
        dialog.setOnShown(e -> reason.requestFocus());
        return dialog;
    }

    // ---- Match to… ----

    static Dialog<ButtonType> matchTo(Window owner, MatchingViewModel vm) {
        MatchingViewModel.MatchInfo info = vm.matchProperty().get();
        Label problem = new Label();
        TableView<CandidateSummary> candidates = new TableView<>();
        candidates.setId("matchCandidates");
        candidates.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        candidates.getColumns().setAll(List.of(
                column("Now", 56, c -> info.chosen(c) ? "✓" : ""),
                column("Rx", 90, CandidateSummary::rx),
                column("Fill", 40, c -> String.valueOf(c.fill())),
                column("Service", 90, CandidateSummary::dateOfService),
                column("Score", 50, c -> String.valueOf(c.score())),
                column("Keys", 520, CandidateSummary::explanation)));
        candidates.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        candidates.setPrefHeight(170);
        candidates.setPlaceholder(new Label("No candidates: find a claim by its Rx number (and fill) above."));
        // the claim it is matched to stays in the list (✓): choosing it confirms the match as a person's decision
        candidates.getItems().setAll(info.candidates());
        candidates.getItems().stream().filter(c -> !info.chosen(c)).findFirst()
                .or(() -> candidates.getItems().stream().findFirst())
                .ifPresent(c -> candidates.getSelectionModel().select(c));
        TextField rx = new TextField();
        rx.setId("matchFindRx");
        rx.setPromptText("Rx number");
        rx.setPrefColumnCount(10);
        TextField fill = new TextField();
        fill.setId("matchFindFill");
        fill.setPromptText("fill");
        fill.setPrefColumnCount(3);
        Button find = new Button("Find");
        find.setId("matchFind");
        find.setTooltip(new Tooltip("List the stored claims with this Rx number (and fill), scored against this claim payment"));
        Runnable doFind = () -> {
            problem.setText("");
            vm.findClaims(rx.getText(), fill.getText(), found -> {
                candidates.getItems().setAll(found);
                if (!found.isEmpty()) {
                    candidates.getSelectionModel().select(0);
                }
            }, problem::setText);
        };
        find.setOnAction(e -> doFind.run());
        rx.setOnAction(e -> doFind.run());
        fill.setOnAction(e -> doFind.run());
        TextField reason = reasonField("matchReason", problem);
        HBox findRow = new HBox(6, new Label("Find a claim: Rx"), rx, new Label("fill"), fill, find);
        findRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label current = new Label(info.matched() ? "Now matched to " + info.claimText()
                + " (✓). Choosing another claim re-matches it (the posting follows); choosing ✓ confirms the match,"
                + " so that automatic matching leaves it alone." : "Not matched to any claim.");
        current.setWrapText(true);
        VBox box = new VBox(8, current, findRow, new Label("Candidates (choose one with ↑↓)"), candidates,
                new Label("Reason"), reason, problem);
        box.setPadding(new Insets(4));
        box.setPrefWidth(840);
        Dialog<ButtonType> dialog = actionDialog(owner, "matchDialog", info.matched() ? "Re-match" : "Match to a claim",
                "CLP01 " + info.clp01() + ": match to a claim", "Match", box, problem, (onError, onDone) -> {
                    CandidateSummary chosen = candidates.getSelectionModel().getSelectedItem();
                    if (chosen == null) {
                        onError.accept("Choose a claim in the list (find it by Rx number first if it is not listed).");
                        return;
                    }
                    vm.matchTo(chosen.claimId(), reason.getText(), onError, onDone);
                });
        dialog.setOnShown(e -> (candidates.getItems().isEmpty() ? rx : candidates).requestFocus());
        return dialog;
    }

    // ---- Attribute a PLB item to a claim ----

    static Dialog<ButtonType> attributePlb(Window owner, PlbAttributionViewModel vm) {
        RemittanceRows.ProviderAdjustmentRow item = vm.itemProperty().get();
        Label problem = new Label();
        TextField rx = new TextField();
        rx.setId("plbFindRx");
        rx.setPromptText("Rx number");
        rx.setPrefColumnCount(10);
        rx.textProperty().bindBidirectional(vm.rxProperty());
        TextField fill = new TextField();
        fill.setId("plbFindFill");
        fill.setPromptText("fill");
        fill.setPrefColumnCount(3);
        fill.textProperty().bindBidirectional(vm.fillProperty());
        Button find = new Button("Find");
        find.setId("plbFind");
        find.setTooltip(new Tooltip("List the stored claims with this Rx number and fill (Enter in either field)"));
        TableView<PlbAttributionViewModel.ClaimChoice> found = new TableView<>(vm.found());
        found.setId("plbClaims");
        found.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        found.getColumns().setAll(List.of(
                column("Rx", 90, PlbAttributionViewModel.ClaimChoice::rx),
                column("Fill", 40, c -> String.valueOf(c.fill())),
                column("Service", 90, c -> Formats.date(c.dateOfService())),
                column("Drug", 280, PlbAttributionViewModel.ClaimChoice::drug),
                money("Plan paid", PlbAttributionViewModel.ClaimChoice::planPaid)));
        found.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        found.setPrefHeight(120);
        found.setPlaceholder(new Label("Find the claim by its Rx number and fill above."));
        Runnable unfollow = Tables.followSelection(found, vm.chosenProperty());
        Label chosen = new Label();
        chosen.setId("plbChosen");
        chosen.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.chosenProperty().get() == null ? "No claim chosen yet." : "Attribute to: " + vm.chosenProperty().get().summary(),
                vm.chosenProperty()));
        chosen.getStyleClass().add(Styles.TEXT_BOLD);
        chosen.setWrapText(true);
        chosen.setMaxWidth(740);
        chosen.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Runnable doFind = () -> {
            problem.setText("");
            vm.find(found::requestFocus, message -> {
                problem.setText(message);
                rx.requestFocus();
            });
        };
        find.setOnAction(e -> doFind.run());
        // Enter in a find field finds (consumed, so it does not also press Attribute)
        rx.setOnAction(e -> {
            e.consume();
            doFind.run();
        });
        fill.setOnAction(e -> {
            e.consume();
            doFind.run();
        });
        rx.textProperty().addListener(o -> problem.setText(""));
        fill.textProperty().addListener(o -> problem.setText(""));
        TextField reason = reasonField("plbReason", problem);
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        HBox findRow = new HBox(6, new Label("Find the claim: Rx"), rx, new Label("fill"), fill, find);
        findRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label current = new Label(item.attributedTo() == null
                ? "Not attributed to any claim: the takeback is on the payer's provider-level account only."
                : "Now attributed to Rx " + item.attributedTo() + ". Choosing another claim moves it there.");
        current.setWrapText(true);
        Label explanation = new Label("One adjusting batch moves the amount onto the claim (payer cash unchanged, so the "
                + "BPR02 check still holds). The decision is kept: unposting and posting the payment again keeps it.");
        explanation.setWrapText(true);
        explanation.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(8, current, findRow, found, chosen, new Label("Reason"), reason, explanation, problem);
        box.setPadding(new Insets(4));
        box.setPrefWidth(760);
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Dialog<ButtonType> dialog = actionDialog(owner, "plbAttributeDialog", "Attribute to claim",
                item.label() + ": attribute to a claim", "Attribute", box, problem, vm::attribute);
        dialog.setOnShown(e -> rx.requestFocus());
        // the fields stay bound to the view model only while the dialog is open
        dialog.setOnHidden(e -> {
            unfollow.run();
            chosen.textProperty().unbind();
            rx.textProperty().unbindBidirectional(vm.rxProperty());
            fill.textProperty().unbindBidirectional(vm.fillProperty());
            reason.textProperty().unbindBidirectional(vm.reasonProperty());
        });
        return dialog;
    }

    // ---- posting preview ----

    /** A row of the preview: an account's total, or one entry of the batch. */
    record EntryRow(String source, String claim, String account, Money debit, Money credit, String memo) {
        static EntryRow of(LedgerEntry e) {
            Money amount = e.amount();
            return new EntryRow(("REMIT_PLB".equals(e.sourceType()) ? "PLB #" : "CLP #") + e.sourceId(),
                    e.claimId() == null ? "" : String.valueOf(e.claimId()), e.account().label(),
                    amount.signum() > 0 ? amount : null, amount.signum() < 0 ? amount.negate() : null,
                    e.memo() == null ? "" : e.memo());
        }
    }

    static Dialog<ButtonType> preview(Window owner, MatchingViewModel vm, PostingPreview p) {
        Label problem = new Label();
        boolean cashOk = p.cash().equals(p.amount());
        Label summary = new Label(p.payerName() + " · trace " + p.traceNumber() + " · " + p.claimCount() + " claim payments ("
                + p.matchedClaims() + " matched, " + p.unappliedClaims() + " unapplied " + Formats.money(p.unapplied())
                + ") · " + p.plbItems() + " PLB item(s)" + (p.unattributedPlb() > 0 ? " (" + p.unattributedPlb() + " not tied to a claim)" : ""));
        summary.setWrapText(true);
        Label check = new Label((cashOk ? "✓ BPR02 check: payer cash " : "✗ BPR02 check FAILS: payer cash ")
                + Formats.money(p.cash()) + (cashOk ? " = " : " ≠ ") + "payment amount (BPR02) " + Formats.money(p.amount()));
        check.setId("previewCheck");
        check.getStyleClass().add(cashOk ? Styles.SUCCESS : Styles.DANGER);

        TableView<EntryRow> totals = entryTable("previewTotals", false);
        Money debit = Money.ZERO;
        Money credit = Money.ZERO;
        for (Map.Entry<LedgerAccount, Money> t : p.totals().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            Money a = t.getValue();
            if (a.isZero()) {
                continue;
            }
            totals.getItems().add(new EntryRow("", "", t.getKey().label(), a.signum() > 0 ? a : null,
                    a.signum() < 0 ? a.negate() : null, ""));
            debit = a.signum() > 0 ? debit.plus(a) : debit;
            credit = a.signum() < 0 ? credit.plus(a.negate()) : credit;
        }
        totals.getItems().add(new EntryRow("", "", "Total", debit, credit, ""));
        totals.setPrefHeight(36 + 28 * totals.getItems().size());
        totals.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        TableView<EntryRow> entries = entryTable("previewEntries", true);
        entries.getItems().setAll(p.entries().stream()
                .sorted(Comparator.comparing((LedgerEntry e) -> e.sourceType()).thenComparing(e -> e.sourceId()))
                .map(EntryRow::of).toList());
        entries.setPrefHeight(260);
        Label totalsTitle = new Label("Per account (debit / credit)");
        totalsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Label entriesTitle = new Label("Entries per claim payment and PLB item (" + p.entries().size() + ")");
        entriesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(6, summary, check, totalsTitle, totals, entriesTitle, entries, problem);
        VBox.setVgrow(entries, Priority.ALWAYS);
        box.setPadding(new Insets(4));
        box.setPrefWidth(1000);
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Dialog<ButtonType> dialog = actionDialog(owner, "previewDialog", "Post payment " + p.traceNumber(),
                "Review the batch, then Post (Enter) or Cancel (Esc). Nothing is written until you post.", "Post",
                box, problem, (onError, onDone) -> vm.post(onError, onDone));
        dialog.setOnShown(e -> dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0)).requestFocus());
        return dialog;
    }

    private static TableView<EntryRow> entryTable(String id, boolean detail) {
        TableView<EntryRow> t = new TableView<>();
        t.setId(id);
        t.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        List<TableColumn<EntryRow, ?>> cols = new java.util.ArrayList<>();
        if (detail) {
            cols.add(column("Source", 90, EntryRow::source));
            cols.add(column("Claim id", 70, EntryRow::claim));
        }
        cols.add(column("Account", 230, EntryRow::account));
        cols.add(money("Debit", EntryRow::debit));
        cols.add(money("Credit", EntryRow::credit));
        if (detail) {
            cols.add(column("Memo", 300, EntryRow::memo));
        }
        t.getColumns().setAll(cols);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    // ---- payer settings ----

    static Dialog<ButtonType> payerSettings(Window owner, MatchingViewModel vm, List<MatchingViewModel.PayerRow> payers,
                                            String selectPayer) {
        Label problem = new Label();
        ComboBox<MatchingViewModel.PayerRow> payer = new ComboBox<>();
        payer.setId("settingsPayer");
        payer.getItems().setAll(payers);
        payer.setEditable(false);
        payer.setPrefWidth(320);
        ComboBox<PostingMode> mode = new ComboBox<>();
        mode.setId("settingsMode");
        mode.getItems().setAll(PostingMode.values());
        mode.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PostingMode m) {
                return m == null ? "" : m == PostingMode.AUTOMATIC ? "Automatic (post on import)" : "Review first (preview, then post)";
            }

            @Override
            public PostingMode fromString(String s) {
                return null;
            }
        });
        TextArea patterns = new TextArea();
        patterns.setId("settingsPatterns");
        patterns.setPrefRowCount(4);
        patterns.setPromptText("empty = the defaults only; e.g. RX(?<rx>\\d+)F(?<fill>\\d{2})");
        patterns.getStyleClass().add("raw-segments");
        patterns.textProperty().addListener(o -> problem.setText(""));
        payer.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                mode.setValue(now.mode());
                patterns.setText(String.join("\n", now.patterns()));
                problem.setText("");
            }
        });
        payers.stream().filter(r -> r.payerName().equalsIgnoreCase(selectPayer == null ? "" : selectPayer.strip()))
                .findFirst().or(() -> payers.stream().findFirst()).ifPresent(payer::setValue);
        TextArea defaults = new TextArea(MatchingViewModel.defaultPatternsText());
        defaults.setId("settingsDefaults");
        defaults.setEditable(false);
        defaults.setFocusTraversable(false);
        defaults.setPrefRowCount(6);
        defaults.getStyleClass().add("raw-segments");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Payer (N1*PR)"), payer);
        grid.addRow(1, new Label("Posting"), mode);
        Label help = new Label("CLP01 patterns, one regular expression per line, matched against the whole CLP01, with named "
                + "groups rx (required), fill and dos (CCYYMMDD). They are tried before the defaults below.");
        help.setWrapText(true);
        help.setMaxWidth(680);
        help.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(8, grid, help, patterns, new Label("Defaults (always tried, need no set-up):"), defaults, problem);
        box.setPadding(new Insets(4));
        box.setPrefWidth(700);
        Dialog<ButtonType> dialog = actionDialog(owner, "settingsDialog", "Payer settings",
                "Posting mode and CLP01 patterns per payer", "Save", box, problem, (onError, onDone) -> {
                    MatchingViewModel.PayerRow row = payer.getValue();
                    vm.saveSettings(row == null ? null : row.payerName(), mode.getValue(), patterns.getText(), onError, onDone);
                });
        // Tab leaves the pattern list (a tab inside a regex is never wanted): on to Save, Shift+Tab back
        Node save = dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0));
        patterns.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB) {
                e.consume();
                (e.isShiftDown() ? mode : save).requestFocus();
            }
        });
        dialog.setOnShown(e -> payer.requestFocus());
        return dialog;
    }

    // ---- columns ----

    static <S> TableColumn<S, String> column(String title, double width, Function<S, String> getter) {
        TableColumn<S, String> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        // codes and short values never truncate; long text gives way
        col.setMinWidth(Math.min(width, 100));
        col.setCellValueFactory(Cells.value(getter));
        return col;
    }

    static <S> TableColumn<S, Money> money(String title, Function<S, Money> getter) {
        TableColumn<S, Money> col = new TableColumn<>(title);
        col.setPrefWidth(96);
        col.setMinWidth(80);
        col.setCellValueFactory(Cells.value(getter));
        col.setCellFactory(c -> Cells.money());
        col.getStyleClass().add("money-column");
        return col;
    }

    static <S> TableColumn<S, Instant> timestamp(String title, Function<S, Instant> getter) {
        TableColumn<S, Instant> col = new TableColumn<>(title);
        col.setPrefWidth(130);
        col.setMinWidth(130);
        col.setCellValueFactory(Cells.value(getter));
        col.setCellFactory(c -> Cells.formatted(Formats::timestamp, "date-cell"));
        return col;
    }
}
