package org.rxledger.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.rxledger.core.audit.DocumentFiles;

/**
 * Flowing text and tables onto US Letter pages: keeps a cursor, wraps text to the column width and
 * starts a new page (with a running head and a repeated table header) when the next block does not
 * fit. Each page's content stream is closed as soon as the page is full, so nothing but PDFBox's
 * own document holds page content.
 *
 * <p>The top and bottom bands are left free for the footer and confidentiality mark that are
 * stamped afterwards, once the page count is known.
 */
final class PdfFlow implements AutoCloseable {

    static final PDRectangle PAGE = PDRectangle.LETTER;
    static final float MARGIN = 42f;
    static final float TOP = PAGE.getHeight() - 48f;
    static final float BOTTOM = 48f;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    static final Color RULE = new Color(0xB0, 0xB0, 0xB0);
    static final Color SHADE = new Color(0xE8, 0xE8, 0xE8);

    /** One table column: header, width in points, right-aligned or not. */
    record Col(String header, float width, boolean right) {
        /** Room for text: numbers keep a wider gap before the next (left-aligned) column. */
        float inner() {
            return width - (right ? 6f : 4f);
        }

        static Col left(String header, float width) {
            return new Col(header, width, false);
        }

        static Col right(String header, float width) {
            return new Col(header, width, true);
        }
    }

    private final PDDocument document;
    final PDType0Font regular;
    final PDType0Font bold;
    private PDPageContentStream content;
    private float y;
    private String runningHead = "";
    private int pagesAdded;
    /** On a reserved page nothing may spill over: the page count was promised already. */
    private boolean fixedPage;

    PdfFlow(PDDocument document, PdfFonts.Loaded fonts) {
        this.document = document;
        this.regular = fonts.regular();
        this.bold = fonts.bold();
    }

    /** Text printed at the top of pages this flow starts by itself (continuations). */
    void runningHead(String text) {
        runningHead = text;
    }

    /** Starts a new page at the end of the document. */
    void newPage() throws IOException {
        finishPage();
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        pagesAdded++;
        fixedPage = false;
        y = TOP;
    }

    /** Continues on an existing (placeholder) page, drawing over what it has. */
    void onExistingPage(PDPage page) throws IOException {
        finishPage();
        content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true);
        fixedPage = true;
        y = TOP;
    }

    int pagesAdded() {
        return pagesAdded;
    }

    float y() {
        return y;
    }

    PDPageContentStream content() {
        return content;
    }

    /** Moves the cursor down. */
    void gap(float points) {
        y -= points;
    }

    /** Makes sure {@code height} points fit above the bottom band, else continues on a new page. */
    void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            if (fixedPage) {
                throw new IllegalStateException("content overflows a reserved page (cover or index)");
            }
            newPage();
            if (!runningHead.isEmpty()) {
                text(runningHead, bold, 8.5f, MARGIN, y - 8.5f, Color.DARK_GRAY);
                y -= 8.5f * 1.3f + 6f;
            }
        }
    }

    void heading(String text, float size) throws IOException {
        paragraph(text, bold, size, Color.BLACK);
    }

    /** A section title with a rule under it; kept with at least {@code keepWith} points of what follows. */
    void section(String title, float keepWith) throws IOException {
        gap(6f);
        ensure(11f * 1.3f + 4f + keepWith);
        y -= 11f;
        text(title, bold, 11f, MARGIN, y, Color.BLACK);
        y -= 4f;
        rule(MARGIN, MARGIN + WIDTH, Color.DARK_GRAY);
        y -= 6f;
    }

    void paragraph(String text, PDType0Font font, float size, Color color) throws IOException {
        for (String line : wrap(text, font, size, WIDTH)) {
            ensure(size * 1.3f);
            y -= size;
            text(line, font, size, MARGIN, y, color);
            y -= size * 0.3f;
        }
    }

    /**
     * Label/value pairs in {@code columns} column pairs (label bold, value wrapped). Pairs fill row
     * by row so related fields stay side by side.
     */
    void keyValues(List<String[]> pairs, int columns, float labelWidth, float size) throws IOException {
        float pairWidth = WIDTH / columns;
        // each column's labels get what its longest label needs (at most labelWidth): the value keeps the rest, so a
        // file name or trace number is not broken in the middle when it would fit
        float[] labelWidths = new float[columns];
        for (int i = 0; i < pairs.size(); i++) {
            labelWidths[i % columns] = Math.max(labelWidths[i % columns], width(pairs.get(i)[0], bold, size) + 6f);
        }
        for (int i = 0; i < pairs.size(); i += columns) {
            List<List<String>> labels = new ArrayList<>();
            List<List<String>> values = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < columns && i + c < pairs.size(); c++) {
                float labelW = Math.min(labelWidth, labelWidths[c]);
                List<String> l = wrap(pairs.get(i + c)[0], bold, size, labelW);
                List<String> v = wrap(pairs.get(i + c)[1], regular, size, pairWidth - labelW - 8f);
                labels.add(l);
                values.add(v);
                lines = Math.max(lines, Math.max(l.size(), v.size()));
            }
            float height = lines * size * 1.3f + 2f;
            ensure(height);
            for (int c = 0; c < labels.size(); c++) {
                float x = MARGIN + c * pairWidth;
                float labelW = Math.min(labelWidth, labelWidths[c]);
                drawLines(labels.get(c), bold, size, x, y, labelW, false, Color.DARK_GRAY);
                drawLines(values.get(c), regular, size, x + labelW + 4f, y, pairWidth - labelW - 8f, false, Color.BLACK);
            }
            y -= height;
        }
    }

    /**
     * The columns widened so that no cell of a column outside {@code flexible} wraps (amounts, dates, claim and trace
     * numbers must not break in the middle: "15,457.9 / 9"), the room taken from the flexible (prose) columns in
     * proportion to their widths. Flexible columns keep at least a third of their width; if even that does not fit,
     * the table stays as given.
     */
    List<Col> fitted(List<Col> cols, List<String[]> rows, float size, java.util.Set<Integer> flexible) throws IOException {
        float[] widths = new float[cols.size()];
        float grow = 0f;
        float flexTotal = 0f;
        for (int i = 0; i < cols.size(); i++) {
            Col c = cols.get(i);
            widths[i] = c.width();
            if (flexible.contains(i)) {
                flexTotal += c.width();
                continue;
            }
            float need = 0f;
            for (String word : c.header().split(" ")) {
                need = Math.max(need, width(word, bold, size));
            }
            for (String[] row : rows) {
                if (i < row.length && row[i] != null) {
                    need = Math.max(need, width(row[i], regular, size));
                }
            }
            float wanted = need + (c.width() - c.inner()) + 0.5f;
            if (wanted > widths[i]) {
                grow += wanted - widths[i];
                widths[i] = wanted;
            }
        }
        if (grow == 0f || flexTotal == 0f || grow > flexTotal * 2f / 3f) {
            return cols;
        }
        List<Col> out = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            Col c = cols.get(i);
            float w = flexible.contains(i) ? c.width() - grow * c.width() / flexTotal : widths[i];
            out.add(new Col(c.header(), w, c.right()));
        }
        return out;
    }

    /** A table with a shaded header row repeated on every page it spans; cells wrap. */
    void table(List<Col> cols, List<String[]> rows, float size) throws IOException {
        float leading = size * 1.3f;
        List<List<String>> headerCells = new ArrayList<>();
        int headerLines = 1;
        for (Col c : cols) {
            List<String> h = wrap(c.header(), bold, size, c.inner());
            headerCells.add(h);
            headerLines = Math.max(headerLines, h.size());
        }
        float headerHeight = headerLines * leading + 4f;
        boolean headerDrawn = false;
        for (String[] row : rows) {
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < cols.size(); i++) {
                List<String> cell = wrap(i < row.length && row[i] != null ? row[i] : "", regular, size, cols.get(i).inner());
                cells.add(cell);
                lines = Math.max(lines, cell.size());
            }
            float height = lines * leading + 3f;
            float before = y;
            ensure((headerDrawn ? 0 : headerHeight) + height);
            if (!headerDrawn || y > before) {
                drawRow(cols, headerCells, bold, size, headerHeight, true);
                headerDrawn = true;
            }
            drawRow(cols, cells, regular, size, height, false);
        }
        if (rows.isEmpty()) {
            ensure(headerHeight);
            drawRow(cols, headerCells, bold, size, headerHeight, true);
        }
    }

    private void drawRow(List<Col> cols, List<List<String>> cells, PDType0Font font, float size, float height,
                         boolean header) throws IOException {
        if (header) {
            content.setNonStrokingColor(SHADE);
            content.addRect(MARGIN, y - height, tableWidth(cols), height);
            content.fill();
        }
        float x = MARGIN;
        for (int i = 0; i < cols.size(); i++) {
            Col c = cols.get(i);
            drawLines(cells.get(i), font, size, x + 2f, y - 2f, c.inner(), c.right(), Color.BLACK);
            x += c.width();
        }
        y -= height;
        rule(MARGIN, MARGIN + tableWidth(cols), RULE);
    }

    private static float tableWidth(List<Col> cols) {
        float w = 0;
        for (Col c : cols) {
            w += c.width();
        }
        return w;
    }

    private void drawLines(List<String> lines, PDType0Font font, float size, float x, float top, float width,
                           boolean right, Color color) throws IOException {
        float baseline = top - size;
        for (String line : lines) {
            float lx = right ? x + width - width(line, font, size) : x;
            text(line, font, size, lx, baseline, color);
            baseline -= size * 1.3f;
        }
    }

    void rule(float x1, float x2, Color color) throws IOException {
        content.setStrokingColor(color);
        content.setLineWidth(0.5f);
        content.moveTo(x1, y);
        content.lineTo(x2, y);
        content.stroke();
    }

    /** Draws one line of text at an absolute position (no wrapping, cursor unchanged). */
    void text(String text, PDType0Font font, float size, float x, float baseline, Color color) throws IOException {
        String safe = text == null ? "" : printable(text, font);
        if (safe.isEmpty()) {
            return;
        }
        content.beginText();
        content.setNonStrokingColor(color);
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(safe);
        content.endText();
    }

    static float width(String text, PDType0Font font, float size) throws IOException {
        return font.getStringWidth(printable(text, font)) / 1000f * size;
    }

    /** Wraps at spaces to {@code width}; a word longer than the width is broken by characters. */
    static List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text == null ? "" : text, font, true).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                while (width(word, font, size) > width && word.length() > 1) {
                    int cut = word.length() - 1;
                    while (cut > 1 && width(word.substring(0, cut), font, size) > width) {
                        cut--;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Shortens {@code text} with an ellipsis so it fits {@code width} on one line. */
    static String fit(String text, PDType0Font font, float size, float width) throws IOException {
        String s = printable(text == null ? "" : text, font);
        if (width(s, font, size) <= width) {
            return s;
        }
        while (s.length() > 1 && width(s + "…", font, size) > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    static String printable(String text, PDType0Font font) {
        return printable(text, font, false);
    }

    /** Replaces control characters by spaces (keeping newlines if asked) and glyphs the font lacks by '?'. */
    private static String printable(String text, PDType0Font font, boolean keepNewlines) {
        if (text.chars().noneMatch(Character::isISOControl)) {
            try {
                font.encode(text);
                return text;
            } catch (IOException | IllegalArgumentException e) {
                // fall through: find the characters the font lacks
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' && keepNewlines) {
                out.append('\n');
            } else if (Character.isISOControl(cp)) {
                out.append(' ');
            } else {
                String s = new String(Character.toChars(cp));
                try {
                    font.encode(s);
                    out.append(s);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            }
        });
        return out.toString();
    }

    /**
     * Stamps every page's footer once the page count is known: {@code mark} bold on the left, "{@code prefix} · page
     * n of N" on the right, above a thin rule.
     */
    static void stampFooters(PDDocument doc, PdfFonts.Loaded f, String mark, String prefix) throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream cs = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                float y = 28f;
                cs.setStrokingColor(RULE);
                cs.setLineWidth(0.5f);
                cs.moveTo(MARGIN, y + 12f);
                cs.lineTo(MARGIN + WIDTH, y + 12f);
                cs.stroke();
                footerText(cs, mark, f.bold(), 7.5f, MARGIN, y);
                String number = prefix + " · page " + (i + 1) + " of " + total;
                footerText(cs, number, f.regular(), 8f, MARGIN + WIDTH - width(number, f.regular(), 8f), y);
            }
        }
    }

    private static void footerText(PDPageContentStream cs, String s, PDType0Font font, float size, float x, float y)
            throws IOException {
        cs.beginText();
        cs.setNonStrokingColor(Color.BLACK);
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(printable(s, font));
        cs.endText();
    }

    /**
     * Saves the document to a temporary file beside {@code target} and moves it into place, so a reader never sees
     * half a PDF; returns the page count and the file's SHA-256.
     */
    static AuditPacketPdfWriter.Result save(PDDocument doc, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            int pages = doc.getNumberOfPages();
            doc.save(tmp.toFile());
            String sha = DocumentFiles.sha256Of(tmp).orElseThrow(() -> new IOException("the PDF just written cannot be read back"));
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return new AuditPacketPdfWriter.Result(target, pages, sha);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    void finishPage() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    @Override
    public void close() throws IOException {
        finishPage();
    }
}
