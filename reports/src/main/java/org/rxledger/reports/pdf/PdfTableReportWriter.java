package org.rxledger.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.rxledger.core.money.Money;
import org.rxledger.reports.engine.ReportTableWriter;
import org.rxledger.reports.xlsx.Column;
import org.rxledger.reports.xlsx.ColumnType;

/**
 * A report's tables on landscape Letter pages (A4 prints the same within its margins): the title block on a table's
 * first page, the column header repeated on every page, money and counts right-aligned under right-aligned headers,
 * long text wrapped, a totals row, and "page n of N" on every page. Type is never smaller than {@value #BODY_SIZE} pt: a
 * table wider than the page prints each row on two or more lines (bands of columns, the header stacked the same way)
 * rather than shrinking, so a claims register of 18 columns stays readable and still streams row by row.
 *
 * <p>Pages are closed as soon as they are full and the document buffers in a temporary file, not the heap, so a
 * register of 100,000 claims prints in the launcher's 512 MB. The file is written beside the target and moved into
 * place, so a reader never sees half a PDF.
 */
public final class PdfTableReportWriter implements ReportTableWriter {

    static final PDRectangle PAGE = new PDRectangle(PDRectangle.LETTER.getHeight(), PDRectangle.LETTER.getWidth());
    static final float MARGIN = 36f;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    static final float TOP = PAGE.getHeight() - MARGIN;
    /** Above the footer band. */
    static final float BOTTOM = 50f;
    static final float BODY_SIZE = 8f;
    /** Text wider than this many characters wraps onto up to {@link #MAX_LINES} lines. */
    static final int MAX_TEXT_CHARS = 36;
    static final int MAX_LINES = 3;
    private static final Color RULE = new Color(0xB0, 0xB0, 0xB0);
    private static final Color HEADER_SHADE = new Color(0xE0, 0xE0, 0xE0);
    private static final Color ZEBRA = new Color(0xF4, 0xF4, 0xF4);
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final PDDocument document;
    private final PdfFonts.Loaded fonts;
    private final List<String> pageTitles = new ArrayList<>();
    private final DecimalFormat moneyFormat = format("#,##0.00;-#,##0.00");
    private final DecimalFormat integerFormat = format("#,##0");
    private final DecimalFormat decimalFormat = format("#,##0.###");
    private PDPageContentStream content;
    private float y;

    private String title;
    private List<Column> columns;
    private float[] widths;
    private float[] xs;
    /** The band (printed line of a row) each column is on; a table that fits the page has one band. */
    private int[] bands;
    private int bandCount;
    private final float size = BODY_SIZE;
    private BigDecimal[] sums;
    private int rowsOnPage;
    private int rowsInTable;
    private LocalDateTime generatedAt;

    public PdfTableReportWriter() {
        this(PdfFonts.locate());
    }

    PdfTableReportWriter(PdfFonts fontFiles) {
        document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        try {
            fonts = fontFiles.load(document);
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException("cannot load the PDF fonts", e);
        }
    }

    @Override
    public void startTable(String sheetName, String reportTitle, Map<String, String> reportParameters,
                           LocalDateTime generated, List<Column> tableColumns) {
        try {
            finishTable();
            this.title = reportTitle;
            this.columns = List.copyOf(tableColumns);
            this.generatedAt = generated;
            layOut();
            sums = new BigDecimal[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                sums[i] = columns.get(i).totals() ? BigDecimal.ZERO : null;
            }
            rowsInTable = 0;
            newPage(reportTitle);
            text(reportTitle, fonts.bold(), 14f, MARGIN, y - 14f, Color.BLACK);
            y -= 22f;
            StringBuilder params = new StringBuilder();
            for (Map.Entry<String, String> p : reportParameters.entrySet()) {
                params.append(p.getKey()).append(": ").append(p.getValue()).append("     ");
            }
            params.append("Generated: ").append(generated.format(GENERATED));
            for (String line : PdfFlow.wrap(params.toString(), fonts.regular(), 9f, WIDTH)) {
                text(line, fonts.regular(), 9f, MARGIN, y - 9f, Color.DARK_GRAY);
                y -= 12f;
            }
            y -= 6f;
            header();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
        }
        try {
            List<List<String>> cells = new ArrayList<>(values.length);
            for (int i = 0; i < values.length; i++) {
                cells.add(cell(i, values[i]));
                add(i, values[i]);
            }
            int[] lines = bandLines(cells);
            float height = height(lines);
            if (y - height < BOTTOM) {
                newPage(title + " (continued)");
                text(title + " (continued)", fonts.bold(), 9f, MARGIN, y - 9f, Color.DARK_GRAY);
                y -= 16f;
                header();
            }
            if (rowsOnPage % 2 == 1) {
                content.setNonStrokingColor(ZEBRA);
                content.addRect(MARGIN, y - height, WIDTH, height);
                content.fill();
            }
            drawCells(cells, lines, fonts.regular());
            y -= height;
            rowsOnPage++;
            rowsInTable++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void writeTo(Path target) throws IOException {
        finishTable();
        finishPage();
        if (document.getNumberOfPages() == 0) {
            newPage("");
            text("No tables.", fonts.regular(), BODY_SIZE, MARGIN, y - BODY_SIZE, Color.BLACK);
            finishPage();
        }
        stampFooters();
        PdfFlow.save(document, target);
    }

    @Override
    public void close() {
        closeQuietly();
    }

    /**
     * Column widths in points, packed in order into bands no wider than the page; each band is then stretched to the
     * full width so its columns line up under the header.
     */
    private void layOut() throws IOException {
        float charWidth = PdfFlow.width("0", fonts.regular(), size);
        int n = columns.size();
        widths = new float[n];
        xs = new float[n];
        bands = new int[n];
        for (int i = 0; i < n; i++) {
            Column c = columns.get(i);
            int chars = switch (c.type()) {
                case TEXT -> Math.min(MAX_TEXT_CHARS, Math.max(4, c.width()));
                case MONEY, INTEGER, DECIMAL -> Math.max(8, Math.min(14, c.width()));
                case DATE -> 11;
            };
            float longestWord = 0;
            for (String word : c.header().split(" ")) {
                longestWord = Math.max(longestWord, PdfFlow.width(word, fonts.bold(), size));
            }
            widths[i] = Math.min(WIDTH, Math.max(longestWord + 6f, (chars + 1) * charWidth));
        }
        int band = 0;
        float used = 0;
        for (int i = 0; i < n; i++) {
            if (used > 0 && used + widths[i] > WIDTH) {
                band++;
                used = 0;
            }
            bands[i] = band;
            used += widths[i];
        }
        bandCount = band + 1;
        for (int b = 0; b < bandCount; b++) {
            float sum = 0;
            for (int i = 0; i < n; i++) {
                if (bands[i] == b) {
                    sum += widths[i];
                }
            }
            float x = MARGIN;
            for (int i = 0; i < n; i++) {
                if (bands[i] == b) {
                    widths[i] *= WIDTH / sum;
                    xs[i] = x;
                    x += widths[i];
                }
            }
        }
    }

    /** Lines each band of a row takes: the most any of its cells wraps to. */
    private int[] bandLines(List<List<String>> cells) {
        int[] lines = new int[bandCount];
        java.util.Arrays.fill(lines, 1);
        for (int i = 0; i < cells.size(); i++) {
            lines[bands[i]] = Math.max(lines[bands[i]], cells.get(i).size());
        }
        return lines;
    }

    private float height(int[] lines) {
        int total = 0;
        for (int l : lines) {
            total += l;
        }
        return total * lineHeight() + 2f + (bandCount - 1) * 1f;
    }

    private float lineHeight() {
        return size * 1.25f;
    }

    private void header() throws IOException {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            List<String> wrapped = PdfFlow.wrap(columns.get(i).header(), fonts.bold(), size, widths[i] - 5f);
            if (wrapped.size() > MAX_LINES) {
                wrapped = wrapped.subList(0, MAX_LINES);
            }
            cells.add(wrapped);
        }
        int[] lines = bandLines(cells);
        float height = height(lines) + 2f;
        content.setNonStrokingColor(HEADER_SHADE);
        content.addRect(MARGIN, y - height, WIDTH, height);
        content.fill();
        y -= 2f;
        drawCells(cells, lines, fonts.bold());
        y -= height - 2f;
        rowsOnPage = 0;
    }

    private void drawCells(List<List<String>> cells, int[] lines, PDType0Font font) throws IOException {
        float[] bandTop = new float[bandCount];
        float top = y;
        for (int b = 0; b < bandCount; b++) {
            bandTop[b] = top;
            top -= lines[b] * lineHeight() + 1f;
        }
        for (int i = 0; i < cells.size(); i++) {
            boolean right = columns.get(i).type() != ColumnType.TEXT && columns.get(i).type() != ColumnType.DATE;
            float baseline = bandTop[bands[i]] - size;
            for (String line : cells.get(i)) {
                float tx = right ? xs[i] + widths[i] - 3f - PdfFlow.width(line, font, size) : xs[i] + 2f;
                text(line, font, size, tx, baseline, Color.BLACK);
                baseline -= lineHeight();
            }
        }
    }

    /** The lines of one cell: numbers formatted, long text wrapped to its column (at most {@link #MAX_LINES}). */
    private List<String> cell(int i, Object v) throws IOException {
        if (v == null) {
            return List.of();
        }
        Column c = columns.get(i);
        float room = widths[i] - (c.type() == ColumnType.TEXT ? 4f : 5f);
        String s = switch (c.type()) {
            case TEXT -> v.toString();
            case INTEGER -> integer().format(((Number) v).longValue());
            case DECIMAL -> decimal().format(v);
            case MONEY -> money().format(v instanceof Money m ? m.amount() : (BigDecimal) v);
            case DATE -> ((LocalDate) v).toString();
        };
        if (c.type() != ColumnType.TEXT) {
            // a number is never cut: it is set smaller if its column is too narrow
            return List.of(s);
        }
        List<String> lines = PdfFlow.wrap(s, fonts.regular(), size, room);
        if (lines.size() > MAX_LINES) {
            List<String> kept = new ArrayList<>(lines.subList(0, MAX_LINES));
            kept.set(MAX_LINES - 1, PdfFlow.fit(kept.get(MAX_LINES - 1) + " " + lines.get(MAX_LINES), fonts.regular(),
                    size, room));
            if (!kept.get(MAX_LINES - 1).endsWith("…")) {
                kept.set(MAX_LINES - 1, PdfFlow.fit(kept.get(MAX_LINES - 1) + "…", fonts.regular(), size, room));
            }
            return kept;
        }
        return lines;
    }

    private void add(int i, Object v) {
        if (v == null || sums[i] == null) {
            return;
        }
        if (v instanceof Money m) {
            sums[i] = sums[i].add(m.amount());
        } else if (v instanceof BigDecimal b) {
            sums[i] = sums[i].add(b);
        } else if (v instanceof Number n) {
            sums[i] = sums[i].add(BigDecimal.valueOf(n.longValue()));
        }
    }

    private void finishTable() throws IOException {
        if (columns == null) {
            return;
        }
        if (rowsInTable == 0) {
            text("No rows.", fonts.regular(), size, MARGIN + 2f, y - size - 2f, Color.DARK_GRAY);
            y -= lineHeight() + 4f;
        }
        if (columns.stream().anyMatch(Column::totals)) {
            List<List<String>> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (i == 0) {
                    cells.add(List.of("Total"));
                } else if (sums[i] != null) {
                    cells.add(List.of(columns.get(i).type() == ColumnType.INTEGER ? integer().format(sums[i])
                            : money().format(sums[i])));
                } else {
                    cells.add(List.of());
                }
            }
            int[] lines = bandLines(cells);
            float height = height(lines) + 2f;
            if (y - height < BOTTOM) {
                newPage(title + " (continued)");
                header();
            }
            content.setStrokingColor(Color.BLACK);
            content.setLineWidth(0.7f);
            content.moveTo(MARGIN, y);
            content.lineTo(MARGIN + WIDTH, y);
            content.stroke();
            y -= 2f;
            drawCells(cells, lines, fonts.bold());
            y -= height;
        }
        columns = null;
    }

    private void newPage(String pageTitle) throws IOException {
        finishPage();
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        pageTitles.add(pageTitle);
        content = new PDPageContentStream(document, page);
        y = TOP;
        rowsOnPage = 0;
    }

    private void finishPage() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    private void stampFooters() throws IOException {
        int total = document.getNumberOfPages();
        String generated = generatedAt == null ? "" : "Generated " + generatedAt.format(GENERATED);
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream cs = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                content = cs;
                float base = 26f;
                cs.setStrokingColor(RULE);
                cs.setLineWidth(0.5f);
                cs.moveTo(MARGIN, base + 11f);
                cs.lineTo(MARGIN + WIDTH, base + 11f);
                cs.stroke();
                String left = PdfFlow.fit("RxLedger · " + pageTitles.get(i), fonts.regular(), 8f, WIDTH * 0.45f);
                text(left, fonts.regular(), 8f, MARGIN, base, Color.DARK_GRAY);
                text(generated, fonts.regular(), 8f, MARGIN + WIDTH / 2 - PdfFlow.width(generated, fonts.regular(), 8f) / 2,
                        base, Color.DARK_GRAY);
                String number = "Page " + (i + 1) + " of " + total;
                text(number, fonts.bold(), 8f, MARGIN + WIDTH - PdfFlow.width(number, fonts.bold(), 8f), base, Color.BLACK);
            } finally {
                content = null;
            }
        }
    }

    private void text(String s, PDType0Font font, float fontSize, float x, float baseline, Color color) throws IOException {
        if (s == null || s.isEmpty()) {
            return;
        }
        String safe = PdfFlow.printable(s, font);
        content.beginText();
        content.setNonStrokingColor(color);
        content.setFont(font, fontSize);
        content.newLineAtOffset(x, baseline);
        content.showText(safe);
        content.endText();
    }

    private DecimalFormat money() {
        return moneyFormat;
    }

    private DecimalFormat integer() {
        return integerFormat;
    }

    private DecimalFormat decimal() {
        return decimalFormat;
    }

    private static DecimalFormat format(String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
        f.setParseBigDecimal(true);
        return f;
    }

    private void closeQuietly() {
        try {
            if (content != null) {
                content.close();
            }
            document.close();
        } catch (IOException e) {
            // the temporary buffers go with the process at the latest; nothing of the target was written
        }
    }
}
