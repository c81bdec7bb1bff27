package org.rxledger.app.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;

/**
 * Shows the whole text of a table cell or label the layout had to cut with an ellipsis, as a tooltip when the pointer
 * rests on it (issue 19: a payer name, a drug or a CARC wording cut at 1366 px must still be readable without
 * widening the column). One scene-wide mouse filter, so every table of every area gets it without its own code; a
 * control that brings its own tooltip keeps it.
 */
public final class TruncatedText {

    /** Marks the tooltips this class made, so it replaces them but never a screen's own. */
    private static final String OWN = "rxledger-truncated-text";

    private TruncatedText() {
    }

    /** Installs the hover check on {@code scene}. */
    public static void install(Scene scene) {
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            if (e.getPickResult() != null) {
                update(labeledAt(e.getPickResult().getIntersectedNode()));
            }
        });
    }

    /** Sets, refreshes or removes the full-text tooltip of {@code labeled} by whether its text shows cut now. */
    static void update(Labeled labeled) {
        if (labeled == null) {
            return;
        }
        Tooltip current = labeled.getTooltip();
        boolean ours = current != null && OWN.equals(current.getId());
        if (current != null && !ours) {
            return;
        }
        String full = labeled.getText();
        if (full != null && !full.isBlank() && isCut(labeled)) {
            if (ours) {
                current.setText(full);
            } else {
                Tooltip tip = new Tooltip(full);
                tip.setId(OWN);
                tip.setWrapText(true);
                tip.setMaxWidth(600);
                labeled.setTooltip(tip);
            }
        } else if (ours) {
            labeled.setTooltip(null);
        }
    }

    /** True when what the skin shows differs from the text (an ellipsis, or a clipped line). */
    static boolean isCut(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && shown.isVisible()) {
                return !labeled.getText().equals(shown.getText());
            }
        }
        return false;
    }

    private static Labeled labeledAt(Node node) {
        Node n = node;
        for (int depth = 0; n != null && depth < 4; depth++, n = n.getParent()) {
            if (n instanceof Labeled l) {
                return l;
            }
        }
        return null;
    }
}
