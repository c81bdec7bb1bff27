package org.rxledger.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import org.rxledger.app.settings.Settings;

/**
 * Split panes that remember where the clerk left their dividers (issue 19), for every split pane of an area without
 * a line in its view: the panes are found by walking the area's nodes (tabs not shown yet included) in a fixed
 * order, so the n-th pane of an area is the same pane in the next session. Positions are kept in the workstation
 * settings as {@code layout.AREA.splitN} = "0.310,0.720".
 */
public final class SplitPanes {

    private SplitPanes() {
    }

    /** Restores the dividers of every split pane under {@code root} and saves them whenever the clerk moves one. */
    public static void remember(String scope, Node root, Settings settings) {
        List<SplitPane> panes = new ArrayList<>();
        collect(root, panes);
        for (int i = 0; i < panes.size(); i++) {
            remember(panes.get(i), "layout." + scope + ".split" + i, settings);
        }
    }

    private static void remember(SplitPane pane, String key, Settings settings) {
        Runnable save = () -> settings.put(key, String.join(",", pane.getDividers().stream()
                .map(d -> String.format(Locale.ROOT, "%.3f", d.getPosition())).toList()));
        Runnable restoreAndListen = () -> {
            double[] stored = parse(settings.get(key, ""));
            if (stored.length > 0 && stored.length == pane.getDividers().size()) {
                pane.setDividerPositions(stored);
            }
            pane.getDividers().forEach(d -> d.positionProperty().addListener((o, was, now) -> save.run()));
        };
        restoreAndListen.run();
        // a pane that gains or loses a part (a detail opened) gets its remembered dividers for that many parts
        pane.getDividers().addListener((ListChangeListener<SplitPane.Divider>) c -> restoreAndListen.run());
    }

    private static double[] parse(String text) {
        if (text == null || text.isBlank()) {
            return new double[0];
        }
        try {
            String[] parts = text.split(",");
            double[] out = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = Math.max(0, Math.min(1, Double.parseDouble(parts[i])));
            }
            return out;
        } catch (NumberFormatException e) {
            return new double[0];
        }
    }

    private static void collect(Node node, List<SplitPane> out) {
        if (node instanceof SplitPane split) {
            out.add(split);
            split.getItems().forEach(n -> collect(n, out));
        } else if (node instanceof TabPane tabs) {
            for (Tab t : tabs.getTabs()) {
                if (t.getContent() != null) {
                    collect(t.getContent(), out);
                }
            }
        } else if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            collect(scroll.getContent(), out);
        } else if (node instanceof TitledPane titled && titled.getContent() != null) {
            collect(titled.getContent(), out);
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(n -> collect(n, out));
        }
    }
}
