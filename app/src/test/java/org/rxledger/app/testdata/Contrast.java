package org.rxledger.app.testdata;

import javafx.scene.control.Labeled;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * WCAG 2.1 contrast of what a control paints: its text colour against the background it shows (its own
 * fills, or its nearest ancestor's, translucent layers blended over what lies below). AA asks 4.5:1 for text.
 */
public final class Contrast {

    public static final double AA_TEXT = 4.5;

    private Contrast() {
    }

    /** The contrast of a labelled control's text against its background as painted now. */
    public static double of(Labeled node) {
        return ratio(node.getTextFill(), background(node));
    }

    /** The opaque colour behind the middle of {@code node}: the fills there of it and its ancestors, blended bottom up. */
    public static Color background(javafx.scene.Node node) {
        javafx.geometry.Bounds b = node.getLayoutBounds();
        javafx.geometry.Point2D middle = node.localToScene(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
        java.util.List<Color> layers = new java.util.ArrayList<>();
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r && r.getBackground() != null) {
                javafx.geometry.Point2D p = r.sceneToLocal(middle);
                Background bg = r.getBackground();
                for (int i = bg.getFills().size() - 1; i >= 0; i--) {
                    BackgroundFill f = bg.getFills().get(i);
                    javafx.geometry.Insets in = f.getInsets();
                    boolean covers = p.getX() >= in.getLeft() && p.getX() <= r.getWidth() - in.getRight()
                            && p.getY() >= in.getTop() && p.getY() <= r.getHeight() - in.getBottom();
                    if (covers && f.getFill() instanceof Color c) {
                        layers.add(c);
                        if (c.getOpacity() >= 1) {
                            return blend(layers);
                        }
                    }
                }
            }
        }
        layers.add(Color.WHITE);
        return blend(layers);
    }

    /** Layers listed top first; the last is opaque. */
    private static Color blend(java.util.List<Color> topFirst) {
        Color out = topFirst.get(topFirst.size() - 1);
        for (int i = topFirst.size() - 2; i >= 0; i--) {
            Color c = topFirst.get(i);
            double a = c.getOpacity();
            out = new Color(c.getRed() * a + out.getRed() * (1 - a), c.getGreen() * a + out.getGreen() * (1 - a),
                    c.getBlue() * a + out.getBlue() * (1 - a), 1);
        }
        return out;
    }

    public static double ratio(Paint text, Color background) {
        if (!(text instanceof Color c)) {
            throw new IllegalArgumentException("text is painted with " + text + ", not a colour");
        }
        Color fg = c.getOpacity() < 1 ? blend(java.util.List.of(c, background)) : c;
        double l1 = luminance(fg);
        double l2 = luminance(background);
        return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
