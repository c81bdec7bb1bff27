package org.rxledger.app.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The layout every work-queue screen shares (Exceptions, Reject follow-up): a title with one help line
 * (what the queue holds and its keys) on top, the list of categories on the left, and the work in the
 * centre — filters, the table that takes the spare height, the selected item's detail and the actions.
 */
public final class WorkQueueLayout {

    private WorkQueueLayout() {
    }

    /**
     * Lays out {@code view}.
     *
     * @param grows  the centre child that takes the spare height (the queue's table); must be one of {@code center}
     * @param center the centre children, top to bottom
     */
    public static void apply(BorderPane view, String title, String help, Region categories, Node grows,
                             Node... center) {
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add(Styles.TITLE_4);
        Label helpLabel = new Label(help);
        helpLabel.getStyleClass().add(Styles.TEXT_MUTED);
        VBox top = new VBox(2, titleLabel, helpLabel);
        top.setPadding(new Insets(8, 12, 8, 12));
        VBox middle = new VBox(6, center);
        VBox.setVgrow(grows, Priority.ALWAYS);
        middle.setPadding(new Insets(0, 12, 8, 8));
        VBox left = new VBox(categories);
        VBox.setVgrow(categories, Priority.ALWAYS);
        left.setPadding(new Insets(0, 0, 8, 12));
        view.setTop(top);
        view.setLeft(left);
        view.setCenter(middle);
    }
}
