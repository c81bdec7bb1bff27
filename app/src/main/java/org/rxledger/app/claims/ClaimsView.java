package org.rxledger.app.claims;

import atlantafx.base.theme.Styles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.rxledger.app.ui.Cells;
import org.rxledger.app.ui.Formats;
import org.rxledger.core.claim.ClaimStatus;
import org.rxledger.core.claim.ClaimSummary;
import org.rxledger.core.money.Money;

/** The claims browser: quick filters over a virtualised table, detail pane on the right. Binds only. */
public final class ClaimsView extends BorderPane {

    private final ClaimsViewModel vm;
    private final TextField filterField = new TextField();
    private final TableView<ClaimSummary> table = new TableView<>();
    private final ClaimDetailView detailView;
    private final SplitPane split = new SplitPane();

    public ClaimsView(ClaimsViewModel vm) {
        this.vm = vm;
        this.detailView = new ClaimDetailView(vm.detail(), vm::closeDetail);
        getStyleClass().add("claims-view");
        setTop(filterBar());
        buildTable();
        split.setOrientation(Orientation.VERTICAL);
        split.getItems().add(table);
        setCenter(split);
        vm.detailOpenProperty().addListener((o, was, open) -> showDetail(open));
        showDetail(vm.detailOpenProperty().get());
        // the open claim's shortcuts work from the list too, where the focus usually is
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (vm.detailOpenProperty().get() && detailView.shortcut(e)) {
                e.consume();
            }
        });
    }

    private HBox filterBar() {
        filterField.setId("claimsFilter");
        filterField.setPromptText("Rx # or patient name");
        filterField.setPrefColumnCount(20);
        filterField.textProperty().bindBidirectional(vm.textProperty());
        filterField.setTooltip(new Tooltip("Filter by Rx number (prefix) or patient name — Ctrl+F; Esc clears"));
        filterField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.textProperty().set("");
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                focusTable();
                e.consume();
            }
        });

        ComboBox<ClaimStatus> status = new ComboBox<>(vm.statuses());
        status.setId("claimsStatusFilter");
        status.setConverter(converter(ClaimStatus::label, "All statuses"));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setTooltip(new Tooltip("Status"));

        ComboBox<String> payer = new ComboBox<>(vm.payers());
        payer.setId("claimsPayerFilter");
        payer.setConverter(converter(Function.identity(), "All payers"));
        payer.valueProperty().bindBidirectional(vm.payerProperty());
        payer.setTooltip(new Tooltip("Payer"));
        payer.setPrefWidth(190);

        DatePicker from = datePicker("From date of service", vm.fromProperty().get());
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = datePicker("To date of service", vm.toProperty().get());
        to.valueProperty().bindBidirectional(vm.toProperty());

        Button clear = new Button("Clear filters");
        clear.setId("claimsClearFilters");
        clear.setTooltip(new Tooltip("Clear all filters (Ctrl+Shift+X)"));
        clear.setOnAction(e -> vm.clearFilters());
        clear.disableProperty().bind(vm.filtersActive().not());
        clear.getStyleClass().add(Styles.FLAT);

        Label count = new Label();
        count.setId("claimsCount");
        count.getStyleClass().add("count-label");
        count.textProperty().bind(vm.countTextProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label dash = new Label("–");
        HBox bar = new HBox(6, filterField, status, payer, from, dash, to, clear, spacer, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private static DatePicker datePicker(String prompt, LocalDate initial) {
        DatePicker picker = new DatePicker(initial);
        picker.setPromptText(prompt.startsWith("From") ? "From DOS" : "To DOS");
        picker.setTooltip(new Tooltip(prompt + " (yyyy-mm-dd)"));
        picker.setPrefWidth(132);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return Formats.date(d);
            }

            @Override
            public LocalDate fromString(String s) {
                try {
                    return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
                } catch (java.time.format.DateTimeParseException e) {
                    return null;
                }
            }
        });
        return picker;
    }

    private static <T> StringConverter<T> converter(Function<T, String> label, String all) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? all : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("choice boxes are not editable");
            }
        };
    }

    private void buildTable() {
        table.setId("claimsTable");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, "claims-table");
        table.setTableMenuButtonVisible(true);
        table.getColumns().setAll(List.of(
                fixed(text("rx", "Rx", 64, ClaimSummary::rxNumber)),
                fixed(column("fill", "Fill", 34, ClaimSummary::fillNumber, () -> Cells.formatted(n -> String.format("%02d", n), "number-cell"))),
                fixed(column("dos", "DOS", 84, ClaimSummary::dateOfService, () -> Cells.formatted(Formats::date, "date-cell"))),
                text("patient", "Patient", 140, ClaimSummary::patientName),
                fixed(text("dob", "DOB", 84, ClaimSummary::dateOfBirth)),
                fixed(text("cardholder", "Cardholder", 92, ClaimSummary::cardholderId)),
                text("payer", "Payer", 128, ClaimSummary::payerName),
                text("plan", "Plan", 120, ClaimSummary::planName),
                text("drug", "Drug", 150, ClaimSummary::drugName),
                fixed(column("ndc", "NDC", 106, ClaimSummary::ndc, () -> Cells.formatted(Formats::ndc, "code-cell"))),
                fixed(column("qty", "Qty", 40, ClaimSummary::quantity, () -> Cells.<ClaimSummary, BigDecimal>formatted(Formats::quantity, "number-cell"))),
                fixed(column("days", "Days", 46, ClaimSummary::daysSupply, () -> Cells.formatted(String::valueOf, "number-cell"))),
                fixed(statusColumn()),
                fixed(column("rejects", "Rejects", 66, ClaimSummary::rejectCodes, () -> Cells.formatted(r -> r.replace(",", ", "), "code-cell"))),
                fixed(money("gross", "Gross", ClaimSummary::grossAmountDue)),
                fixed(money("planPaid", "Plan paid", ClaimSummary::planPaid)),
                fixed(money("patientPay", "Pt pay", ClaimSummary::patientPay)),
                fixed(text("auth", "Auth #", 112, ClaimSummary::authorizationNumber))));
        // the authorization number is in the claim's detail; in the list it is one click away (the table menu ⋮),
        // so that the masked identifiers keep their last four characters and the names stay readable at 1440 px
        table.getColumns().stream().filter(c -> "auth".equals(c.getId())).forEach(c -> c.setVisible(false));
        // fit the window: text columns give way, numbers and money never truncate (their min = pref)
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setItems(vm.rows());
        vm.rows().comparatorProperty().bind(table.comparatorProperty());

        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.emptyTextProperty());
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);

        restoreSortOrder();
        table.getSortOrder().addListener((ListChangeListener<TableColumn<ClaimSummary, ?>>) c -> saveSortOrder());

        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedProperty().set(now));
        vm.selectedProperty().addListener((o, was, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
                table.scrollTo(now);
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.openDetail();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.closeDetail();
                e.consume();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.openDetail();
            }
        });
    }

    private void restoreSortOrder() {
        List<TableColumn<ClaimSummary, ?>> order = new ArrayList<>();
        for (String part : vm.sortOrderProperty().get().split(",")) {
            String[] idAndType = part.split(":");
            table.getColumns().stream().filter(c -> idAndType.length == 2 && c.getId().equals(idAndType[0]))
                    .findFirst().ifPresent(c -> {
                        c.setSortType(TableColumn.SortType.valueOf(idAndType[1]));
                        order.add(c);
                    });
        }
        table.getSortOrder().setAll(order);
    }

    private void saveSortOrder() {
        vm.sortOrderProperty().set(String.join(",", table.getSortOrder().stream()
                .map(c -> c.getId() + ":" + c.getSortType().name()).toList()));
    }

    private static <T> TableColumn<ClaimSummary, T> column(String id, String title, double width,
                                                           Function<ClaimSummary, T> getter,
                                                           Supplier<TableCell<ClaimSummary, T>> cells) {
        TableColumn<ClaimSummary, T> col = new TableColumn<>(title);
        col.setId(id);
        col.setPrefWidth(width);
        col.setCellValueFactory(Cells.value(getter));
        col.setCellFactory(c -> cells.get());
        return col;
    }

    private static <T> TableColumn<ClaimSummary, T> fixed(TableColumn<ClaimSummary, T> col) {
        col.setMinWidth(col.getPrefWidth());
        return col;
    }

    private static TableColumn<ClaimSummary, String> text(String id, String title, double width,
                                                          Function<ClaimSummary, String> getter) {
        TableColumn<ClaimSummary, String> col = new TableColumn<>(title);
        col.setId(id);
        col.setPrefWidth(width);
        col.setMinWidth(70);
        col.setCellValueFactory(Cells.value(getter));
        return col;
    }

    private static TableColumn<ClaimSummary, Money> money(String id, String title, Function<ClaimSummary, Money> getter) {
        TableColumn<ClaimSummary, Money> col = new TableColumn<>(title);
        col.setId(id);
        col.setPrefWidth(76);
        col.getStyleClass().add("money-column");
        col.setCellValueFactory(Cells.value(getter));
        col.setCellFactory(c -> Cells.money());
        return col;
    }

    private static TableColumn<ClaimSummary, ClaimStatus> statusColumn() {
        TableColumn<ClaimSummary, ClaimStatus> col = new TableColumn<>("Status");
        col.setId("status");
        col.setPrefWidth(88);
        col.setCellValueFactory(Cells.value(ClaimSummary::status));
        col.setCellFactory(c -> Cells.status());
        return col;
    }

    private void showDetail(boolean open) {
        if (open && !split.getItems().contains(detailView)) {
            split.getItems().add(detailView);
            // after the next layout pass, or the split ignores the position
            javafx.application.Platform.runLater(() -> split.setDividerPositions(0.45));
        } else if (!open) {
            split.getItems().remove(detailView);
            table.requestFocus();
        }
    }

    public void focusFilter() {
        filterField.requestFocus();
        filterField.selectAll();
    }

    /** Moves focus to the table, selecting the first row when nothing is selected. */
    public void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
        }
        table.getFocusModel().focus(table.getSelectionModel().getSelectedIndex());
    }

}
