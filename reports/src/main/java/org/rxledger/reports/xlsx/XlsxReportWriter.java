package org.rxledger.reports.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Footer;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.rxledger.core.export.SpreadsheetText;
import org.rxledger.core.money.Money;
import org.rxledger.reports.engine.ReportTableWriter;

/**
 * Streams a report table into an .xlsx workbook: a title block (report name, parameters,
 * generation time), a frozen header row with an autofilter, typed cells (numbers, money, dates),
 * fitted column widths, a totals row of SUBTOTAL formulas, and new sheets when Excel's row limit
 * is reached. Text from the data (names from a claims file or an 835) is written through
 * {@link SpreadsheetText}, so a value like {@code =HYPERLINK(…)} stays text if the sheet is re-saved as CSV. Rows are flushed as they are written (SXSSF), so a million rows fit in a small heap.
 *
 * <p>The file is written to a temporary file beside the target and moved into place, so a reader
 * never sees half a workbook. Styles are created once per workbook (Excel caps them at 64,000).
 */
public final class XlsxReportWriter implements ReportTableWriter {

    /** Rows kept in memory before SXSSF flushes them to its temp file. */
    private static final int WINDOW = 200;
    static final int TITLE_ROWS = 4;
    /**
     * Column-width characters that fit across one landscape Letter/A4 page between 0.4" margins with the
     * 11 pt body font printed at no less than 73 % (8 pt): about 10.2" of 5.25 pt characters, scaled. A wider
     * table prints on as many pages across as it needs, with its key columns repeated, rather than shrinking
     * to unreadable type (issue 20).
     */
    static final int PRINT_CHARS_PER_PAGE = 185;
    /** Text columns wider than this wrap instead of running off the page. */
    static final int MAX_TEXT_WIDTH = 45;
    /** Numbers need no more than "-1,234,567.89"; a longer header wraps over them. */
    static final int MAX_NUMBER_WIDTH = 15;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final int maxRows;
    private final CellStyle titleStyle;
    private final CellStyle labelStyle;
    private final CellStyle headerStyle;
    private final CellStyle numberHeaderStyle;
    private final CellStyle textStyle;
    private final CellStyle wrappedTextStyle;
    private final CellStyle dateTimeStyle;
    private final CellStyle integerStyle;
    private final CellStyle decimalStyle;
    private final CellStyle moneyStyle;
    private final CellStyle dateStyle;
    private final CellStyle totalLabelStyle;
    private final CellStyle totalMoneyStyle;
    private final CellStyle totalIntegerStyle;

    private String title;
    private Map<String, String> parameters;
    private LocalDateTime generatedAt;
    private List<Column> columns;
    private String sheetBaseName;
    private SXSSFSheet sheet;
    private int sheetCount;
    private int nextRow;
    private int firstDataRow;
    /** Per-sheet sums of the totals columns, stored as the formulas' cached results. */
    private BigDecimal[] sums;

    public XlsxReportWriter() {
        this(SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    /** A smaller row limit lets tests prove the sheet split without writing a million rows. */
    XlsxReportWriter(int maxRowsPerSheet) {
        this.maxRows = maxRowsPerSheet;
        workbook.setCompressTempFiles(true);
        // Excel and LibreOffice recompute on open; the cached totals below serve viewers that do not
        workbook.setForceFormulaRecalculation(true);
        DataFormat format = workbook.createDataFormat();
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);

        titleStyle = workbook.createCellStyle();
        titleStyle.setFont(big);
        labelStyle = workbook.createCellStyle();
        labelStyle.setFont(bold);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        headerStyle.setWrapText(true);
        // a header sits over its numbers: right-aligned like them
        numberHeaderStyle = workbook.createCellStyle();
        numberHeaderStyle.cloneStyleFrom(headerStyle);
        numberHeaderStyle.setAlignment(HorizontalAlignment.RIGHT);
        textStyle = workbook.createCellStyle();
        // a small indent keeps left-aligned text clear of a right-aligned number in the column before
        textStyle.setIndention((short) 1);
        wrappedTextStyle = workbook.createCellStyle();
        wrappedTextStyle.cloneStyleFrom(textStyle);
        wrappedTextStyle.setWrapText(true);
        wrappedTextStyle.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm"));
        dateTimeStyle.setAlignment(HorizontalAlignment.LEFT);
        integerStyle = workbook.createCellStyle();
        integerStyle.setDataFormat(format.getFormat("#,##0"));
        decimalStyle = workbook.createCellStyle();
        decimalStyle.setDataFormat(format.getFormat("#,##0.###"));
        moneyStyle = workbook.createCellStyle();
        moneyStyle.setDataFormat(format.getFormat("#,##0.00;[Red]-#,##0.00"));
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(format.getFormat("yyyy-mm-dd"));
        dateStyle.setAlignment(HorizontalAlignment.LEFT);
        dateStyle.setIndention((short) 1);
        totalLabelStyle = workbook.createCellStyle();
        totalLabelStyle.setFont(bold);
        totalMoneyStyle = workbook.createCellStyle();
        totalMoneyStyle.cloneStyleFrom(moneyStyle);
        totalMoneyStyle.setFont(bold);
        totalIntegerStyle = workbook.createCellStyle();
        totalIntegerStyle.cloneStyleFrom(integerStyle);
        totalIntegerStyle.setFont(bold);
    }

    /** Starts a table on a new sheet named {@code sheetName} (continued sheets get " (2)", " (3)" …). */
    @Override
    public void startTable(String sheetName, String reportTitle, Map<String, String> reportParameters,
                           LocalDateTime generated, List<Column> tableColumns) {
        finishTable();
        this.sheetBaseName = sheetName;
        this.title = reportTitle;
        this.parameters = reportParameters;
        this.generatedAt = generated;
        this.columns = List.copyOf(tableColumns);
        this.sheetCount = 0;
        newSheet();
    }

    /** Appends one row; values are String, Integer/Long, BigDecimal, Money, LocalDate or null. */
    @Override
    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
        }
        // keep one row free for the totals line
        if (nextRow >= maxRows - 1) {
            finishSheet();
            newSheet();
        }
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            switch (columns.get(i).type()) {
                case TEXT -> {
                    cell.setCellValue(fitted(SpreadsheetText.neutralised(v.toString())));
                    cell.setCellStyle(columns.get(i).width() > MAX_TEXT_WIDTH ? wrappedTextStyle : textStyle);
                }
                case INTEGER -> {
                    cell.setCellValue(((Number) v).doubleValue());
                    cell.setCellStyle(integerStyle);
                    if (sums[i] != null) {
                        sums[i] = sums[i].add(BigDecimal.valueOf(((Number) v).longValue()));
                    }
                }
                case DECIMAL -> {
                    cell.setCellValue(((BigDecimal) v).doubleValue());
                    cell.setCellStyle(decimalStyle);
                }
                case MONEY -> {
                    // Excel stores every number as an IEEE double; two-decimal values round-trip exactly
                    // to the cent at display precision. The exact value stays in the database.
                    BigDecimal amount = v instanceof Money m ? m.amount() : (BigDecimal) v;
                    cell.setCellValue(amount.doubleValue());
                    cell.setCellStyle(moneyStyle);
                    if (sums[i] != null) {
                        sums[i] = sums[i].add(amount);
                    }
                }
                case DATE -> {
                    cell.setCellValue((LocalDate) v);
                    cell.setCellStyle(dateStyle);
                }
            }
        }
    }

    /** Excel refuses text longer than 32,767 characters in a cell; longer text is cut with an ellipsis. */
    static String fitted(String text) {
        int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Writes the workbook to {@code target} through a temporary file and an atomic move. */
    @Override
    public void writeTo(Path target) throws IOException {
        finishTable();
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                workbook.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot remove the workbook's temporary files", e);
        }
    }

    private void newSheet() {
        sheetCount++;
        String name = sheetCount == 1 ? sheetBaseName : sheetBaseName + " (" + sheetCount + ")";
        sheet = workbook.createSheet(name);
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(i, printedWidth(columns.get(i)) * 256);
        }
        Row titleRow = sheet.createRow(0);
        Cell t = titleRow.createCell(0);
        t.setCellValue(sheetCount == 1 ? title : title + " (continued)");
        t.setCellStyle(titleStyle);
        Row paramRow = sheet.createRow(1);
        int col = 0;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            Cell label = paramRow.createCell(col);
            label.setCellValue(p.getKey());
            label.setCellStyle(labelStyle);
            col = spanFor(1, col, p.getKey().length() + 2);
            Optional<LocalDate> date = isoDate(p.getValue());
            Cell value = paramRow.createCell(col);
            if (date.isPresent()) {
                // a date parameter ("As of", "from") is a real date, so it sorts and computes like one
                value.setCellValue(date.get());
                value.setCellStyle(dateStyle);
                col = spanFor(1, col, 12);
            } else {
                value.setCellValue(SpreadsheetText.neutralised(p.getValue()));
                col = spanFor(1, col, Math.min(30, p.getValue().length() + 1));
            }
        }
        Row genRow = sheet.createRow(2);
        Cell g = genRow.createCell(0);
        g.setCellValue("Generated");
        g.setCellStyle(labelStyle);
        int genCol = spanFor(2, 0, 11);
        Cell generated = genRow.createCell(genCol);
        generated.setCellValue(generatedAt.withSecond(0).withNano(0));
        generated.setCellStyle(dateTimeStyle);
        spanFor(2, genCol, 17);
        Row header = sheet.createRow(TITLE_ROWS - 1);
        // set, not left to the viewer: not every viewer grows a row for wrapped text
        header.setHeightInPoints(headerLines(columns) * sheet.getDefaultRowHeightInPoints());
        for (int i = 0; i < columns.size(); i++) {
            Cell c = header.createCell(i);
            c.setCellValue(columns.get(i).header());
            c.setCellStyle(columns.get(i).type() == ColumnType.TEXT || columns.get(i).type() == ColumnType.DATE
                    ? headerStyle : numberHeaderStyle);
        }
        sheet.createFreezePane(0, TITLE_ROWS);
        printSetup();
        nextRow = TITLE_ROWS;
        firstDataRow = TITLE_ROWS;
        sums = new BigDecimal[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            sums[i] = columns.get(i).totals() ? BigDecimal.ZERO : null;
        }
    }

    /**
     * Printed: landscape Letter (A4 prints the same within its margins), the title block and header on every
     * page, page numbers in the footer, and never smaller than about 8 pt — a table wider than one page goes
     * onto as many pages across as it needs, each repeating its key columns (issue 20).
     */
    private void printSetup() {
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.LETTER_PAPERSIZE);
        sheet.setMargin(PageMargin.LEFT, 0.4);
        sheet.setMargin(PageMargin.RIGHT, 0.4);
        sheet.setMargin(PageMargin.TOP, 0.5);
        sheet.setMargin(PageMargin.BOTTOM, 0.6);
        sheet.setMargin(PageMargin.HEADER, 0.25);
        sheet.setMargin(PageMargin.FOOTER, 0.3);
        sheet.setFitToPage(true);
        int key = keyColumns(columns);
        int pagesAcross = pagesAcross(columns, key);
        print.setFitWidth((short) pagesAcross);
        print.setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(0, TITLE_ROWS - 1, -1, -1));
        if (pagesAcross > 1) {
            sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, key - 1));
        }
        Footer footer = sheet.getFooter();
        footer.setLeft(footerText(title));
        footer.setCenter("Page &P of &N");
        footer.setRight("Generated " + generatedAt.format(DateTimeFormatter.ISO_LOCAL_DATE) + " "
                + generatedAt.format(DateTimeFormatter.ofPattern("HH:mm")));
    }

    /**
     * A title-block cell at {@code col} of {@code row} that needs {@code chars} of width: merged with the cells to
     * its right until it has them (the table's columns are sized for the table, not for "Generated 2026-…"),
     * so a date shows as a date instead of ####. Returns the next free column.
     */
    private int spanFor(int row, int col, int chars) {
        int last = col;
        int width = printedWidth(columns.get(Math.min(col, columns.size() - 1)));
        while (width < chars && last + 1 < columns.size()) {
            last++;
            width += printedWidth(columns.get(last));
        }
        if (last > col) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, col, last));
        }
        return last + 1;
    }

    /** The leading columns that say what a row is (a date, a payer …): up to the first text column among the first two. */
    static int keyColumns(List<Column> columns) {
        int key = 1;
        if (columns.size() > 2 && columns.get(0).type() != ColumnType.TEXT && columns.get(1).type() == ColumnType.TEXT) {
            key = 2;
        }
        return key;
    }

    /** How many pages across the table needs to print at a readable size, its key columns repeated on each. */
    static int pagesAcross(List<Column> columns, int keyColumns) {
        int total = columns.stream().mapToInt(XlsxReportWriter::printedWidth).sum();
        if (total <= PRINT_CHARS_PER_PAGE) {
            return 1;
        }
        int key = columns.subList(0, keyColumns).stream().mapToInt(XlsxReportWriter::printedWidth).sum();
        int perPage = Math.max(PRINT_CHARS_PER_PAGE / 2, PRINT_CHARS_PER_PAGE - key);
        return (int) Math.ceil((double) (total - key) / perPage);
    }

    /** A column's width on the sheet: long text wraps at {@link #MAX_TEXT_WIDTH}, a long header over numbers wraps too. */
    static int printedWidth(Column column) {
        int width = switch (column.type()) {
            case TEXT -> Math.min(MAX_TEXT_WIDTH, column.width());
            case MONEY, INTEGER, DECIMAL -> Math.min(MAX_NUMBER_WIDTH, column.width());
            case DATE -> column.width();
        };
        return Math.min(255, width);
    }

    /** Lines the header row needs when each header wraps within its column (word breaks, roughly). */
    static int headerLines(List<Column> columns) {
        int lines = 1;
        for (Column c : columns) {
            int width = Math.max(4, printedWidth(c) - 1);
            int line = 0;
            int count = 1;
            for (String word : c.header().split(" ")) {
                int add = line == 0 ? word.length() : word.length() + 1;
                if (line > 0 && line + add > width) {
                    count++;
                    line = word.length();
                } else {
                    line += add;
                }
            }
            lines = Math.max(lines, count);
        }
        return Math.min(4, lines);
    }

    private static String footerText(String text) {
        // '&' starts a field code in a header or footer
        return text.replace("&", "&&");
    }

    private static Optional<LocalDate> isoDate(String value) {
        if (value == null || value.length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void finishSheet() {
        int lastDataRow = nextRow - 1;
        sheet.setAutoFilter(new CellRangeAddress(TITLE_ROWS - 1, Math.max(TITLE_ROWS - 1, lastDataRow), 0, columns.size() - 1));
        if (columns.stream().noneMatch(Column::totals)) {
            return;
        }
        Row totals = sheet.createRow(nextRow++);
        Cell label = totals.createCell(0);
        label.setCellValue("Total");
        label.setCellStyle(totalLabelStyle);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).totals()) {
                String letter = CellReference.convertNumToColString(i);
                Cell c = totals.createCell(i);
                // SUBTOTAL(9, …) sums only the rows an autofilter leaves visible
                c.setCellFormula(lastDataRow < firstDataRow ? "0"
                        : "SUBTOTAL(9," + letter + (firstDataRow + 1) + ":" + letter + (lastDataRow + 1) + ")");
                // exact sum of the written values, kept as the formula's cached result
                c.setCellValue(sums[i].doubleValue());
                c.setCellStyle(columns.get(i).type() == ColumnType.INTEGER ? totalIntegerStyle : totalMoneyStyle);
            }
        }
    }

    private void finishTable() {
        if (sheet != null) {
            finishSheet();
            sheet = null;
        }
    }
}
