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
                table.scrollTo(Math.max(0, table.getSelectionModel().getSelectedIndex() - 3));
            }
        };
        selected.addListener(follow);
        return () -> selected.removeListener(follow);
    }
}
