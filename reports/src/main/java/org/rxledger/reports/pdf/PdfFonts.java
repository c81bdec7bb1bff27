package org.rxledger.reports.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The embedded TrueType fonts of our PDFs. The standard 14 fonts cannot print "José Núñez" safely
 * (WinAnsi only, not embedded), so documents embed DejaVu Sans (subset), which covers Latin,
 * Greek and Cyrillic. The two font files ship inside this module (Bitstream Vera licence, see
 * {@code NOTICE}), so a PDF looks the same on every machine and needs no installed font; other
 * files can be given with the system properties {@value #REGULAR_PROPERTY} and {@value #BOLD_PROPERTY}.
 *
 * @param regular the bytes of the regular face
 * @param bold the bytes of the bold face
 */
public record PdfFonts(byte[] regular, byte[] bold) {

    public static final String REGULAR_PROPERTY = "rxledger.pdf.font";
    public static final String BOLD_PROPERTY = "rxledger.pdf.font.bold";

    private static final String BUNDLED = "fonts/";

    /** Read once: every writer in the process shares the same 1.4 MB of font bytes. */
    private static volatile PdfFonts bundled;

    /**
     * DejaVu Sans and DejaVu Sans Bold: the files named by the system properties when set, else the
     * bundled copies.
     *
     * @throws IllegalStateException in plain words when a configured file cannot be read
     */
    public static PdfFonts locate() {
        String regular = System.getProperty(REGULAR_PROPERTY);
        String bold = System.getProperty(BOLD_PROPERTY);
        if (isSet(regular) || isSet(bold)) {
            return new PdfFonts(read(regular, "DejaVuSans.ttf"), read(bold, "DejaVuSans-Bold.ttf"));
        }
        PdfFonts fonts = bundled;
        if (fonts == null) {
            synchronized (PdfFonts.class) {
                if (bundled == null) {
                    bundled = new PdfFonts(resource("DejaVuSans.ttf"), resource("DejaVuSans-Bold.ttf"));
                }
                fonts = bundled;
            }
        }
        return fonts;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static byte[] read(String configured, String bundledName) {
        if (!isSet(configured)) {
            return resource(bundledName);
        }
        try {
            return Files.readAllBytes(Path.of(configured));
        } catch (IOException e) {
            throw new IllegalStateException("The PDF font file " + configured + " cannot be read (" + e.getMessage()
                    + "); unset -D" + REGULAR_PROPERTY + " / -D" + BOLD_PROPERTY + " to use the bundled DejaVu Sans.", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(BUNDLED + name)) {
            if (in == null) {
                throw new IllegalStateException("The bundled font " + name + " is missing from the reports module.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loaded into one document: embedded as subsets when the document is saved. */
    record Loaded(PDType0Font regular, PDType0Font bold) {
    }

    Loaded load(PDDocument document) throws IOException {
        return new Loaded(load(document, regular), load(document, bold));
    }

    /**
     * Loads a font with GSUB glyph substitution off. PDFBox 3 otherwise rewrites Latin text through
     * the font's ligature tables on every showText: slow (a regex is compiled per string; it was most
     * of a 500-claim packet's time) and lossy, since a ligature glyph ("ti", "ft") has no entry in
     * the subset's ToUnicode map and drops out of the text layer that search and copy use.
     */
    private static PDType0Font load(PDDocument document, byte[] font) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
        ttf.setEnableGsub(false);
        // with a subset the document keeps the TrueTypeFont open until it is saved and closes it then
        return PDType0Font.load(document, ttf, true);
    }
}
