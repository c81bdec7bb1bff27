package org.rxledger.app.ui;

import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.rxledger.core.money.Money;

/** Table behaviour and the plain column builders the screens share, so that every screen's columns look alike. */
public final class Tables {

    private Tables() {
    }

    /**
     * Keeps a table's selection and its view model's selected item the same, both ways. The clerk's choice in
     * the table becomes the view model's; when the view model moves on (the next open item after a resolve, the
     * item kept after a reload) the table selects it and scrolls so that a few rows above it stay in sight. A
     * table that loses its selection while its rows are replaced does not clear the view model's.
     *
     * @return stops the view model from moving the table (for a dialog whose view model outlives it)
     */
    public static <T> Runnable followSelection(TableView<T> table, ObjectProperty<T> selected) {
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                selected.set(now);
            }
        });
        ChangeListener<T> follow = (o, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
                revealSelection(table);
            }
        };
        selected.addListener(follow);
        return () -> selected.removeListener(follow);
    }

    /** Scrolls so that the selected row is in sight with a few rows above it (after a selection the clerk did not make). */
    public static void revealSelection(TableView<?> table) {
        int index = table.getSelectionModel().getSelectedIndex();
        if (index >= 0) {
            table.scrollTo(Math.max(0, index - 3));
        }
    }

    /** A column showing {@code value} as text (the default cell), {@code width} pixels wide to begin with. */
    public static <S, T> TableColumn<S, T> column(String title, double width, Function<S, T> value) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(Cells.value(value));
        return c;
    }

    /** A money column: right-aligned two decimals, negatives marked ({@link Cells#money()}). */
    public static <S> TableColumn<S, Money> money(String title, double width, Function<S, Money> value) {
        TableColumn<S, Money> c = column(title, width, value);
        c.setCellFactory(col -> Cells.money());
        return c;
    }

    /** A column whose values are written by {@code format} in cells of {@code styleClass} (e.g. text-cell, number-cell). */
    public static <S, T> TableColumn<S, T> formatted(String title, double width, Function<S, T> value,
                                                     Function<T, String> format, String styleClass) {
        TableColumn<S, T> c = column(title, width, value);
        c.setCellFactory(col -> Cells.formatted(format, styleClass));
        return c;
    }
}
