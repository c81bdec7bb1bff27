package org.rxledger.app.testdata;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;

/**
 * What UI tests do with a robot beyond TestFX's own calls: act in whichever window shows a node (a dialog is a
 * window of its own), read a label, ask whether a dialog's node is on screen, press a shortcut.
 */
public final class FxRobots {

    private FxRobots() {
    }

    /** Clicks the node {@code query} finds, in whichever window shows it. */
    public static FxRobotInterface click(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.targetWindow(node.getScene().getWindow());
        return robot.clickOn(node);
    }

    /** The text of the label {@code query} finds, or "" while there is none. */
    public static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    /** Whether the node {@code query} finds is visible in a window that is showing (a dialog still open). */
    public static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(n -> n.isVisible() && n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).isPresent();
    }

    /** Presses the keys in order and releases them in reverse (Ctrl+Shift+A). */
    public static void shortcut(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }
}
