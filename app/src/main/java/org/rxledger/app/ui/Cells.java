package org.rxledger.app.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.util.Callback;
import org.rxledger.core.claim.ClaimStatus;
import org.rxledger.core.money.Money;

/** Table cells shared by every screen: money, status labels, formatted text. */
public final class Cells {

    public static final PseudoClass NEGATIVE = PseudoClass.getPseudoClass("negative");

    private Cells() {
    }

    public static <S, T> Callback<TableColumn.CellDataFeatures<S, T>, ObservableValue<T>> value(Function<S, T> getter) {
        return c -> new ReadOnlyObjectWrapper<>(getter.apply(c.getValue()));
    }

    /** Right-aligned, tabular digits, two decimals; negatives get a minus sign and the :negative colour. */
    public static <S> TableCell<S, Money> money() {
        TableCell<S, Money> cell = new TableCell<>() {
            @Override
            protected void updateItem(Money item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Formats.money(item));
                pseudoClassStateChanged(NEGATIVE, !empty && item != null && item.isNegative());
            }
        };
        cell.getStyleClass().add("money-cell");
        return cell;
    }

    /** Formats any value with {@code format}; alignment comes from the style class. */
    public static <S, T> TableCell<S, T> formatted(Function<T, String> format, String styleClass) {
        TableCell<S, T> cell = new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
        cell.getStyleClass().add(styleClass);
        return cell;
    }

    /** A small coloured label with the status text (never colour alone, UI.md §3). */
    public static <S> TableCell<S, ClaimStatus> status() {
        return new TableCell<>() {
            private final Label label = new Label();

            @Override
            protected void updateItem(ClaimStatus item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : StatusLabels.update(label, item));
            }
        };
    }
}
