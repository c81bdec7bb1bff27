package org.rxledger.app.shell;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.rxledger.app.ui.Tables;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reporting.DisclosureAccounting;

/**
 * Session › Accounting of disclosures… (issue 16 item 6): every disclosure of patient data that left the office —
 * who, when, what, to whom, which patients (by name here: it is the patient's accounting) — filtered by patient and
 * dates, and exported as CSV for a patient's request.
 */
final class DisclosuresDialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final double PREFERRED_WIDTH = 1300;
    private static final double PREFERRED_HEIGHT = 520;
    private static final double MIN_WIDTH = 760;
    private static final double MIN_HEIGHT = 240;

    private DisclosuresDialog() {
    }

    static Dialog<Void> show(Window owner, DisclosureAccounting accounting, TaskRunner runner) {
        TableView<DisclosureAccounting.Row> table = new TableView<>();
        table.setId("disclosuresTable");
        table.getColumns().add(Tables.column("When", 135, r -> WHEN.format(r.disclosure().disclosedAt()
                .atZone(java.time.ZoneId.systemDefault()))));
        table.getColumns().add(Tables.column("By", 120, r -> r.disclosure().user()));
        table.getColumns().add(Tables.column("What", 100, r -> switch (r.disclosure().kind()) {
            case AUDIT_PACKET -> "Audit packet";
            case EOB -> "EOB";
            case REPORT -> "Report";
        }));
        table.getColumns().add(Tables.column("To", 220, r -> r.disclosure().recipient()));
        table.getColumns().add(Tables.column("Reference", 330, r -> r.disclosure().reference()));
        table.getColumns().add(Tables.column("Patients", 380, r -> String.join("; ", r.patients())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No disclosure matches."));
        // as wide as the columns need (about 1,300 px), never wider than the window it opens over; resizable beyond
        boolean sized = owner != null && owner.getWidth() > 0;
        double height = sized ? Math.min(PREFERRED_HEIGHT, owner.getHeight() - 260) : PREFERRED_HEIGHT;
        table.setPrefSize(tableWidthFor(sized ? owner.getWidth() : Double.MAX_VALUE), Math.max(MIN_HEIGHT, height));
        table.setMinSize(MIN_WIDTH, MIN_HEIGHT);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);

        ComboBox<Patient> patient = new ComboBox<>();
        patient.setId("disclosuresPatient");
        patient.setPromptText("All patients");
        patient.setConverter(new StringConverter<>() {
            @Override
            public String toString(Patient p) {
                return p == null ? "All patients" : p.displayName() + " (" + p.dateOfBirth() + ")";
            }

            @Override
            public Patient fromString(String s) {
                return null;
            }
        });
        DatePicker from = new DatePicker();
        from.setId("disclosuresFrom");
        from.setPromptText("From");
        DatePicker to = new DatePicker();
        to.setId("disclosuresTo");
        to.setPromptText("To");
        Label count = new Label();
        count.setId("disclosuresCount");

        Runnable reload = () -> runner.run("Reading the disclosure log", p -> accounting.list(
                patient.getValue() == null ? null : patient.getValue().id(), from.getValue(), to.getValue()), rows -> {
                    table.getItems().setAll(rows);
                    count.setText(rows.size() == 1 ? "1 disclosure" : rows.size() + " disclosures");
                }, failure -> new Alert(Alert.AlertType.ERROR, failure.getMessage()).show());
        runner.run("Reading the patients", p -> accounting.patients(), patients -> {
            List<Patient> choices = new java.util.ArrayList<>();
            choices.add(null);
            choices.addAll(patients);
            patient.setItems(FXCollections.observableArrayList(choices));
        }, failure -> new Alert(Alert.AlertType.ERROR, failure.getMessage()).show());
        patient.valueProperty().addListener((o, a, b) -> reload.run());
        from.valueProperty().addListener((o, a, b) -> reload.run());
        to.valueProperty().addListener((o, a, b) -> reload.run());
        reload.run();

        Button export = new Button("Export CSV…");
        export.setId("disclosuresExport");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("disclosures.csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            java.io.File file = chooser.showSaveDialog(owner);
            if (file != null) {
                exportTo(accounting, runner, List.copyOf(table.getItems()), file.toPath());
            }
        });

        HBox filters = new HBox(8, fixed(new Label("Patient")), patient, fixed(new Label("From")), from,
                fixed(new Label("To")), to, fixed(count));
        filters.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(8, filters, table, export);
        content.setPadding(new Insets(4));
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Accounting of disclosures");
        dialog.setHeaderText("Patient data that left the office: who, when, what, to whom, which patients");
        dialog.getDialogPane().setContent(content);
        // the theme caps every dialog pane at 600 px (AtlantaFX's -fx-max-width): this one needs its table's width
        // (an inline style: the theme's rule wins over setMaxWidth)
        dialog.getDialogPane().setStyle("-fx-max-width: 10000px;");
        dialog.getDialogPane().setPrefWidth(table.getPrefWidth() + 40);
        dialog.getDialogPane().setMinWidth(MIN_WIDTH + 40);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("disclosuresDialog");
        dialog.setResizable(true);
        dialog.show();
        // the window does not always follow the pane's preferred width (seen under Xvfb): size and centre it here
        double available = owner != null && owner.getWidth() > 0 ? owner.getWidth()
                : javafx.stage.Screen.getPrimary().getVisualBounds().getWidth();
        dialog.setWidth(Math.min(tableWidthFor(available) + 60, available));
        if (owner != null && owner.getWidth() > 0) {
            dialog.setX(owner.getX() + (owner.getWidth() - dialog.getWidth()) / 2);
        }
        return dialog;
    }

    private static Label fixed(Label label) {
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** The table's width over a window {@code ownerWidth} wide: every column at its width when the window allows. */
    static double tableWidthFor(double ownerWidth) {
        return Math.max(MIN_WIDTH, Math.min(PREFERRED_WIDTH, ownerWidth - 80));
    }

    static void exportTo(DisclosureAccounting accounting, TaskRunner runner, List<DisclosureAccounting.Row> rows, Path file) {
        runner.run("Exporting the disclosures", p -> {
            accounting.exportCsv(rows, file);
            return file;
        }, done -> { }, failure -> new Alert(Alert.AlertType.ERROR, failure.getMessage()).show());
    }

}
