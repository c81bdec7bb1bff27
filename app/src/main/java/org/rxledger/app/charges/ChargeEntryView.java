package org.rxledger.app.charges;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.rxledger.app.charges.ChargeEntryViewModel.Lookup;
import org.rxledger.core.claim.ClaimField;
import org.rxledger.core.reference.Patient;

/**
 * The charge entry form: three columns in reading order (patient and plan · prescription · pricing and
 * response), so Tab walks the form the way a clerk reads a label and a payer response. Each field shows
 * its problem under it in plain words, and ControlsFX marks the field. Enter or Ctrl+S saves, Ctrl+Enter
 * saves and starts the patient's next prescription, Esc cancels; Ctrl+Shift+P / R / G add a patient,
 * prescriber or drug. Binds only: every decision is in {@link ChargeEntryViewModel}.
 */
public final class ChargeEntryView extends VBox {

    static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SAVE_AND_NEXT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination NEW_PATIENT = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination NEW_PRESCRIBER = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination NEW_DRUG = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    /** The suggestion lists' colours in both themes (see the stylesheet for why it sits on the list). */
    static final String SUGGESTIONS_CSS = ChargeEntryView.class.getResource("/org/rxledger/app/suggestions.css").toExternalForm();
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final Set<ClaimField> MONEY = Set.of(ClaimField.INGREDIENT_COST_SUBMITTED, ClaimField.DISPENSING_FEE_SUBMITTED,
            ClaimField.USUAL_AND_CUSTOMARY, ClaimField.GROSS_AMOUNT_DUE, ClaimField.INGREDIENT_COST_PAID,
            ClaimField.DISPENSING_FEE_PAID, ClaimField.PLAN_PAID_AMOUNT, ClaimField.PATIENT_PAY_AMOUNT);

    private final ChargeEntryViewModel vm;
    private final ValidationSupport validation = new ValidationSupport();
    private final List<Runnable> validators = new ArrayList<>();
    /** The focusable fields in Tab order, so picking a suggestion can move on like Tab does. */
    private final List<Control> order = new ArrayList<>();
    /** Each field and lookup's control, to move the focus to the first problem after a refused save. */
    private final Map<Object, Control> controls = new HashMap<>();
    private TextField patientField;
    private boolean nextAfterSave;

    public ChargeEntryView(ChargeEntryViewModel vm) {
        this.vm = vm;
        setId("chargeEntry");
        getStyleClass().add("charge-entry");
        validation.setValidationDecorator(new GraphicValidationDecoration());

        Label title = new Label();
        title.setId("chargeTitle");
        title.getStyleClass().add("form-title");
        title.textProperty().bind(vm.titleProperty());
        Label keys = new Label("Tab moves · Enter or Ctrl+S saves · Ctrl+Enter saves and keeps the patient and plan · Esc cancels"
                + " · Ctrl+Shift+P/R/G new patient/prescriber/drug");
        keys.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(2, title, keys);

        patientField = lookup(Lookup.PATIENT, "Patient", "Last name, first name");
        GridPane coverage = grid();
        int r = 0;
        row(coverage, r++, "Patient", patientField, Lookup.PATIENT);
        row(coverage, r++, "Plan", lookup(Lookup.PLAN, "plan", "Plan name or BIN"), Lookup.PLAN);
        r = rows(coverage, r, ClaimField.BIN, ClaimField.PCN, ClaimField.GROUP_ID, ClaimField.CARDHOLDER_ID,
                ClaimField.PERSON_CODE, ClaimField.RELATIONSHIP_CODE, ClaimField.OTHER_COVERAGE_CODE);

        GridPane rx = grid();
        r = rows(rx, 0, ClaimField.RX_NUMBER, ClaimField.FILL_NUMBER, ClaimField.DATE_OF_SERVICE, ClaimField.DATE_WRITTEN);
        row(rx, r++, "Prescriber", lookup(Lookup.PRESCRIBER, "prescriber", "Name or NPI"), Lookup.PRESCRIBER);
        row(rx, r++, "Drug / NDC", lookup(Lookup.DRUG, "drug", "Name, or NDC in any layout"), Lookup.DRUG);
        r = rows(rx, r, ClaimField.QUANTITY, ClaimField.DAYS_SUPPLY);
        textRow(rx, r++, ClaimField.DAW, vm.dawMeaningProperty());
        rows(rx, r, ClaimField.SCC_CODES);

        GridPane pricing = grid();
        r = rows(pricing, 0, ClaimField.INGREDIENT_COST_SUBMITTED, ClaimField.DISPENSING_FEE_SUBMITTED,
                ClaimField.USUAL_AND_CUSTOMARY, ClaimField.GROSS_AMOUNT_DUE, ClaimField.RESPONSE_STATUS);
        textRow(pricing, r++, ClaimField.REJECT_CODES, vm.rejectMeaningProperty());
        r = rows(pricing, r, ClaimField.AUTHORIZATION_NUMBER, ClaimField.INGREDIENT_COST_PAID, ClaimField.DISPENSING_FEE_PAID,
                ClaimField.PLAN_PAID_AMOUNT, ClaimField.PATIENT_PAY_AMOUNT, ClaimField.PATIENT_PAID_AT_POS,
                ClaimField.CHARGE_ACCOUNT);
        CheckBox collected = new CheckBox("Collected at the counter");
        collected.setId("collected");
        collected.selectedProperty().bindBidirectional(vm.collectedProperty());
        collected.setTooltip(new Tooltip("The patient paid the patient-pay amount at pick-up: it goes to counter cash, not the patient's account"));
        CheckBox paper = new CheckBox("Paper claim (UCF)");
        paper.setId("paper");
        paper.selectedProperty().bindBidirectional(vm.paperProperty());
        paper.setTooltip(new Tooltip("Billed on the NCPDP Universal Claim Form: no authorization number; it still enters A/R"));
        pricing.add(collected, 1, r++);
        pricing.add(paper, 1, r);

        HBox columns = new HBox(28, titled("Patient & plan", coverage), titled("Prescription", rx),
                titled("Pricing & response", pricing));
        columns.setPadding(new Insets(4, 0, 4, 0));

        Label message = new Label();
        message.setId("chargeMessage");
        message.getStyleClass().add("form-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.messageIsErrorProperty().addListener((o, was, now) -> message.pseudoClassStateChanged(ERROR, now));
        Button save = new Button("Save");
        save.setId("saveCharge");
        save.getStyleClass().add(Styles.ACCENT);
        save.setTooltip(new Tooltip("Save this charge (Enter or Ctrl+S)"));
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.busyProperty());
        Button next = new Button("Save and next");
        next.setId("saveAndNext");
        next.setTooltip(new Tooltip("Save, then start the same patient's next prescription with the same plan (Ctrl+Enter)"));
        next.setOnAction(e -> {
            nextAfterSave = true;
            vm.saveAndNext();
            focusFirstRxField();
        });
        next.disableProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelCharge");
        cancel.setTooltip(new Tooltip("Empty the form without saving (Esc)"));
        cancel.setOnAction(e -> {
            vm.cancel();
            focusPatient();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(message, Priority.ALWAYS);
        for (Button b : List.of(cancel, next, save)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // a long message wraps; the buttons keep their words
        }
        HBox actions = new HBox(8, message, spacer, cancel, next, save);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox body = new VBox(10, header, columns, actions);
        body.setPadding(new Insets(10, 14, 10, 14));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        // ControlsFX puts its field markers on the nearest DecorationPane above the field; without one it
        // re-roots the whole scene on the first error, which throws the keyboard focus away
        impl.org.controlsfx.skin.DecorationPane decorations = new impl.org.controlsfx.skin.DecorationPane();
        decorations.setRoot(scroll);
        VBox.setVgrow(decorations, Priority.ALWAYS);
        getChildren().add(decorations);

        vm.revisionProperty().addListener((o, was, now) -> validators.forEach(Runnable::run));
        // after a save the next charge starts at the top (save and next: at the Rx number, see the button)
        vm.lastSavedProperty().addListener((o, was, now) -> {
            if (now != null && !nextAfterSave) {
                focusPatient();
            }
            nextAfterSave = false;
        });
        // a refused save puts the clerk on the first field to fix, not on the last one typed in
        vm.fixFirstProperty().addListener((o, was, now) -> {
            Control c = now == null ? null : controls.get(now);
            if (c != null) {
                c.requestFocus();
                if (c instanceof TextField tf) {
                    tf.selectAll();
                }
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    private void keys(KeyEvent e) {
        if (SAVE.match(e)) {
            vm.save();
        } else if (SAVE_AND_NEXT.match(e)) {
            nextAfterSave = true;
            vm.saveAndNext();
            focusFirstRxField();
        } else if (NEW_PATIENT.match(e)) {
            newPatient();
        } else if (NEW_PRESCRIBER.match(e)) {
            newPrescriber();
        } else if (NEW_DRUG.match(e)) {
            newDrug();
        } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isShiftDown() && !choosingInLookup()) {
            vm.save();
        } else if (e.getCode() == KeyCode.ESCAPE && !choosingInLookup()) {
            vm.cancel();
            focusPatient();
        } else {
            return;
        }
        e.consume();
    }

    /** Enter/Esc in a lookup with several matches belong to its suggestion list, not to the form. */
    private boolean choosingInLookup() {
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        if (focus instanceof TextField tf && tf.getUserData() instanceof Lookup l) {
            return vm.hintProperty(l).get().contains("match");
        }
        return false;
    }

    public void focusPatient() {
        patientField.requestFocus();
        patientField.selectAll();
    }

    private void focusFirstRxField() {
        lookupNode("#field-" + ClaimField.RX_NUMBER.column()).ifPresent(Node::requestFocus);
    }

    private java.util.Optional<Node> lookupNode(String selector) {
        return java.util.Optional.ofNullable(lookup(selector));
    }

    // ------------------------------------------------------------------------------ building blocks

    private TextField lookup(Lookup l, String name, String prompt) {
        TextField field = new TextField();
        field.setId("lookup-" + l.name().toLowerCase());
        field.setUserData(l);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(vm.query(l));
        // suggestions only for what the clerk types, not for text the form fills in (a rebill, a chosen record)
        boolean[] typed = {false};
        field.addEventFilter(KeyEvent.KEY_TYPED, e -> typed[0] = true);
        AutoCompletionBinding<Object> binding = TextFields.bindAutoCompletion(field,
                request -> typed[0] ? new ArrayList<Object>(vm.suggestions(l, request.getUserText())) : new ArrayList<Object>(),
                new StringConverter<Object>() {
                    @Override
                    public String toString(Object o) {
                        return o == null ? "" : ChargeEntryViewModel.describe(l, o);
                    }

                    @Override
                    public Object fromString(String s) {
                        return null;
                    }
                });
        binding.setVisibleRowCount(8);
        binding.setPrefWidth(460);
        binding.getAutoCompletionPopup().skinProperty().addListener((o, was, skin) -> {
            if (skin != null && skin.getNode() instanceof javafx.scene.Parent list) {
                list.getStylesheets().add(SUGGESTIONS_CSS);
            }
        });
        // the list shows enough to tell records apart (drug names with their NDC, a patient's birth date);
        // the field keeps what is billed
        binding.getAutoCompletionPopup().setConverter(new StringConverter<Object>() {
            @Override
            public String toString(Object o) {
                return o == null ? "" : ChargeEntryViewModel.suggestion(l, o);
            }

            @Override
            public Object fromString(String s) {
                return null;
            }
        });
        // the suggestion list gets the keys while it shows; Tab there picks (when still ambiguous) and moves on
        // suggestions are looked up in the background: a list that arrives after the clerk tabbed away must not
        // show (it would take the keys typed into the next field)
        var popup = binding.getAutoCompletionPopup();
        popup.showingProperty().addListener((o, was, showing) -> {
            if (showing && !field.isFocused()) {
                popup.hide();
            }
        });
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                popup.hide();
                typed[0] = false;
            }
        });
        binding.getAutoCompletionPopup().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB) {
                binding.getAutoCompletionPopup().hide();
                if (!field.isFocused()) {
                    return;
                }
                if (vm.hintProperty(l).get().contains("match") && !binding.getAutoCompletionPopup().getSuggestions().isEmpty()) {
                    vm.choose(l, binding.getAutoCompletionPopup().getSuggestions().get(0));
                }
                int i = order.indexOf(field) + (e.isShiftDown() ? -1 : 1);
                if (i >= 0 && i < order.size()) {
                    order.get(i).requestFocus();
                }
                e.consume();
            }
        });
        // picking a suggestion (Tab or Enter in the list) chooses it and moves on, as Tab would have
        binding.setOnAutoCompleted(e -> {
            vm.choose(l, e.getCompletion());
            int i = order.indexOf(field);
            if (i >= 0 && i + 1 < order.size()) {
                javafx.application.Platform.runLater(order.get(i + 1)::requestFocus);
            }
        });
        order.add(field);
        controls.put(l, field);
        register(field, () -> vm.problem(l));
        field.setTooltip(new Tooltip(prompt + " — " + name + " suggestions appear as you type; ↓ and Enter pick one"));
        return field;
    }

    private int rows(GridPane grid, int start, ClaimField... fields) {
        int r = start;
        for (ClaimField f : fields) {
            textRow(grid, r++, f, null);
        }
        return r;
    }

    private void textRow(GridPane grid, int row, ClaimField f, javafx.beans.value.ObservableStringValue hint) {
        TextField field = new TextField();
        field.setId("field-" + f.column());
        field.textProperty().bindBidirectional(vm.field(f));
        field.setPromptText(prompt(f));
        if (MONEY.contains(f)) {
            field.getStyleClass().add("money-field");
        }
        if (f == ClaimField.GROSS_AMOUNT_DUE) {
            field.setEditable(false);
            field.setFocusTraversable(false);
            field.getStyleClass().add("computed");
            field.setTooltip(new Tooltip("Computed: ingredient cost + dispensing fee (430-DU)"));
        }
        register(field, () -> vm.problem(f));
        controls.put(f, field);
        if (field.isFocusTraversable()) {
            order.add(field);
        }
        Label problem = new Label();
        problem.setId("problem-" + f.column());
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty(f));
        Label hintLabel = new Label();
        hintLabel.getStyleClass().add("field-hint");
        hintLabel.setWrapText(true);
        if (hint != null) {
            hintLabel.textProperty().bind(hint);
        }
        grid.addRow(row, label(f.label()), stack(field, problem, hintLabel));
    }

    private void row(GridPane grid, int row, String text, TextField field, Lookup l) {
        Label problem = new Label();
        problem.setId("problem-lookup-" + l.name().toLowerCase());
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty(l));
        Label hint = new Label();
        hint.setId("hint-lookup-" + l.name().toLowerCase());
        hint.getStyleClass().add("field-hint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.hintProperty(l));
        grid.addRow(row, label(text), stack(field, problem, hint));
    }

    private static VBox stack(Control field, Label problem, Label hint) {
        for (Label l : List.of(problem, hint)) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
            l.setMaxWidth(230);
        }
        VBox box = new VBox(1, field, problem, hint);
        return box;
    }

    private void register(Control control, java.util.function.Supplier<String> problem) {
        validation.registerValidator(control, false, (Control c, Object value) -> {
            String p = problem.get();
            return ValidationResult.fromErrorIf(c, p, p != null && !p.isEmpty());
        });
        validators.add(validation::revalidate);
        // one revalidate per change is enough for all fields
        if (validators.size() > 1) {
            validators.remove(validators.size() - 1);
        }
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setPrefWidth(215);
        fields.setMinWidth(150);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        return grid;
    }

    private static VBox titled(String text, Node content) {
        Label heading = new Label(text);
        heading.getStyleClass().add("section-title");
        VBox box = new VBox(6, heading, content);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static String prompt(ClaimField f) {
        return switch (f) {
            case BIN -> "6 digits";
            case DATE_OF_SERVICE, DATE_WRITTEN -> "YYYY-MM-DD";
            case DAW -> "0–9";
            case RELATIONSHIP_CODE -> "0–4 (1 = cardholder)";
            case OTHER_COVERAGE_CODE -> "0–8";
            case SCC_CODES -> "up to 3, e.g. 03";
            case RESPONSE_STATUS -> "P paid · R rejected · C captured";
            case REJECT_CODES -> "e.g. 75, 79";
            case INGREDIENT_COST_PAID, DISPENSING_FEE_PAID -> "optional";
            case PATIENT_PAID_AT_POS -> "blank: the box below; less: rest to the account";
            case CHARGE_ACCOUNT -> "optional, e.g. MAPLE-LTC";
            default -> MONEY.contains(f) ? "0.00" : "";
        };
    }

    // ------------------------------------------------------------------------------ new records

    private void newPatient() {
        TextField last = new TextField();
        TextField first = new TextField();
        TextField dob = new TextField();
        dob.setPromptText("YYYY-MM-DD");
        ChoiceBox<Patient.Gender> gender = new ChoiceBox<>();
        gender.getItems().setAll(Patient.Gender.values());
        gender.setValue(Patient.Gender.UNSPECIFIED);
        Label problem = problemLabel();
        Dialog<ButtonType> dialog = dialog("New patient", problem, new String[] {"Last name", "First name", "Date of birth", "Gender"},
                last, first, dob, gender);
        Runnable check = () -> problem.setText(last.getText().isBlank() || first.getText().isBlank() ? "Last and first name are required"
                : parseDate(dob.getText()) == null ? "Date of birth must be YYYY-MM-DD" : "");
        List.of(last, first, dob).forEach(t -> t.textProperty().addListener((o, w, n) -> check.run()));
        check.run();
        okDisabledWhile(dialog, problem);
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.createPatient(first.getText(), last.getText(),
                parseDate(dob.getText()), gender.getValue(), this::showCreateProblem));
    }

    private void newPrescriber() {
        TextField npi = new TextField();
        TextField dea = new TextField();
        TextField last = new TextField();
        TextField first = new TextField();
        Label problem = problemLabel();
        Dialog<ButtonType> dialog = dialog("New prescriber", problem, new String[] {"NPI", "DEA (optional)", "Last name", "First name"},
                npi, dea, last, first);
        Runnable check = () -> {
            String p = ChargeEntryViewModel.identifierProblem("NPI", npi.getText());
            if (p.isEmpty()) {
                p = ChargeEntryViewModel.identifierProblem("DEA", dea.getText());
            }
            problem.setText(!p.isEmpty() ? p : last.getText().isBlank() ? "Last name is required" : "");
        };
        List.of(npi, dea, last).forEach(t -> t.textProperty().addListener((o, w, n) -> check.run()));
        check.run();
        okDisabledWhile(dialog, problem);
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.createPrescriber(npi.getText(), dea.getText(),
                last.getText(), first.getText(), this::showCreateProblem));
    }

    private void newDrug() {
        TextField ndc = new TextField();
        ndc.setPromptText("e.g. 0002-7597-01 or 00002759701");
        TextField name = new TextField();
        TextField strength = new TextField();
        TextField form = new TextField();
        ChoiceBox<String> unit = new ChoiceBox<>();
        unit.getItems().setAll("EA", "GM", "ML");
        unit.setValue("EA");
        CheckBox brand = new CheckBox("Brand");
        Label problem = problemLabel();
        Dialog<ButtonType> dialog = dialog("New drug", problem, new String[] {"NDC", "Name", "Strength", "Form", "Unit", ""},
                ndc, name, strength, form, unit, brand);
        Runnable check = () -> {
            String p = ChargeEntryViewModel.identifierProblem("NDC", ndc.getText());
            problem.setText(!p.isEmpty() ? p : name.getText().isBlank() ? "Drug name is required" : "");
        };
        List.of(ndc, name).forEach(t -> t.textProperty().addListener((o, w, n) -> check.run()));
        check.run();
        okDisabledWhile(dialog, problem);
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.createDrug(ndc.getText(), name.getText(),
                strength.getText(), form.getText(), unit.getValue(), brand.isSelected(), this::showCreateProblem));
    }

    private void showCreateProblem(String problem) {
        if (!problem.isEmpty()) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING, problem, ButtonType.OK).show();
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Label problemLabel() {
        Label problem = new Label();
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(360);
        return problem;
    }

    private Dialog<ButtonType> dialog(String title, Label problem, String[] labels, Control... controls) {
        GridPane grid = grid();
        for (int i = 0; i < controls.length; i++) {
            grid.addRow(i, label(labels[i]), controls[i]);
        }
        grid.add(problem, 1, controls.length);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.setOnShown(e -> controls[0].requestFocus());
        return dialog;
    }

    private static void okDisabledWhile(Dialog<ButtonType> dialog, Label problem) {
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(problem.textProperty().isNotEmpty());
    }
}
