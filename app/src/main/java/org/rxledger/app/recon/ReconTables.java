package org.rxledger.app.recon;

import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import atlantafx.base.theme.Styles;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Tables;
import org.rxledger.core.money.Money;

/** Column and section builders shared by the reconciliation tabs (dense tables, money right-aligned). */
final class ReconTables {

    private ReconTables() {
    }

    static <S, T> TableColumn<S, T> column(String title, Function<S, T> getter, Function<T, String> format, double width) {
        return Tables.formatted(title, width, getter, format, "text-cell");
    }

    static <S> TableColumn<S, Integer> count(String title, Function<S, Integer> getter) {
        return Tables.formatted(title, 60, getter, n -> Formats.count(n), "number-cell");
    }

    static <S> TableColumn<S, Money> money(String title, Function<S, Money> getter) {
        return Tables.money(title, 95, getter);
    }

    /** ISO dates in the picker too (UI.md: one date format everywhere). */
    static void isoDates(javafx.scene.control.DatePicker picker) {
        picker.setConverter(new javafx.util.converter.LocalDateStringConverter(
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        picker.setPromptText("YYYY-MM-DD");
    }

    static VBox titled(String title, Region content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(4, label, content);
        box.setPadding(new Insets(4, 8, 4, 8));
        return box;
    }

    static VBox titled(Label label, Region content) {
        label.getStyleClass().add(Styles.TEXT_BOLD);
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(4, label, content);
        box.setPadding(new Insets(4, 8, 4, 8));
        return box;
    }
}
