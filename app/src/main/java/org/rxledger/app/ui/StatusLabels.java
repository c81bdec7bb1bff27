package org.rxledger.app.ui;

import java.util.Locale;
import javafx.scene.control.Label;
import org.rxledger.core.claim.ClaimStatus;

/** Status chips: text plus a colour-blind-safe tint chosen in rxledger.css by status name. */
public final class StatusLabels {

    private StatusLabels() {
    }

    public static Label of(ClaimStatus status) {
        return update(new Label(), status);
    }

    public static Label update(Label label, ClaimStatus status) {
        label.setText(status.label());
        label.getStyleClass().setAll("label", "status-chip", styleClass(status));
        return label;
    }

    public static String styleClass(ClaimStatus status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT);
    }
}
