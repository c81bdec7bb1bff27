package org.rxledger.app.ui;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens a file in the program the operating system associates with it (the PDF viewer). Uses
 * {@link Desktop} where it works and the platform's opener command otherwise (xdg-open on Linux
 * desktops where AWT's Desktop is unsupported). Blocking: call it off the FX thread.
 */
public final class SystemViewer {

    private SystemViewer() {
    }

    public static void open(Path file) throws IOException {
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            Desktop.getDesktop().open(file.toFile());
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("cmd", "/c", "start", "", file.toString())
                : os.contains("mac") ? List.of("open", file.toString()) : List.of("xdg-open", file.toString());
        try {
            new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new IOException("No program to open " + file.getFileName() + " was found. Open it from "
                    + file.getParent() + " yourself.", e);
        }
    }
}
