package org.rxledger.app.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.TableView;

/** Table behaviour the screens share. */
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
}
