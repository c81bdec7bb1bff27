package org.rxledger.reports.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The embedded TrueType fonts of our PDFs. The standard 14 fonts cannot print "José Núñez" safely
 * (WinAnsi only, not embedded), so documents embed DejaVu Sans (subset), which covers Latin,
 * Greek and Cyrillic. On Debian/Ubuntu it comes with {@code fonts-dejavu-core}; other locations can
 * be given with the system properties {@value #REGULAR_PROPERTY} and {@value #BOLD_PROPERTY}.
 */
public record PdfFonts(Path regular, Path bold) {

    public static final String REGULAR_PROPERTY = "rxledger.pdf.font";
    public static final String BOLD_PROPERTY = "rxledger.pdf.font.bold";

    private static final List<Path> DIRECTORIES = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu"),
            Path.of("/usr/share/fonts/dejavu"),
            Path.of("/usr/share/fonts/TTF"),
            Path.of("/usr/local/share/fonts"),
            Path.of("/Library/Fonts"),
            Path.of(System.getProperty("user.home", "."), "Library", "Fonts"),
            Path.of(System.getenv().getOrDefault("WINDIR", "C:\\Windows"), "Fonts"));

    /**
     * Finds DejaVu Sans and DejaVu Sans Bold.
     *
     * @throws IllegalStateException in plain words when they are not installed
     */
    public static PdfFonts locate() {
        Path regular = find(REGULAR_PROPERTY, "DejaVuSans.ttf");
        Path bold = find(BOLD_PROPERTY, "DejaVuSans-Bold.ttf");
        if (regular == null || bold == null) {
            throw new IllegalStateException("The font DejaVu Sans (DejaVuSans.ttf and DejaVuSans-Bold.ttf) is not "
                    + "installed, so the PDF cannot print accented names. Install it (Debian/Ubuntu: apt-get install "
                    + "fonts-dejavu-core) or set -D" + REGULAR_PROPERTY + " and -D" + BOLD_PROPERTY + " to the font files.");
        }
        return new PdfFonts(regular, bold);
    }

    private static Path find(String property, String fileName) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isReadable(p) ? p : null;
        }
        return DIRECTORIES.stream().map(d -> d.resolve(fileName)).filter(Files::isReadable).findFirst().orElse(null);
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
    private static PDType0Font load(PDDocument document, Path file) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
        ttf.setEnableGsub(false);
        // with a subset the document keeps the TrueTypeFont open until it is saved and closes it then
        return PDType0Font.load(document, ttf, true);
    }
}
