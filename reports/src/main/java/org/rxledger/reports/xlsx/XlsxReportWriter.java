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
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.rxledger.core.export.SpreadsheetText;
import org.rxledger.core.money.Money;

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
public final class XlsxReportWriter implements AutoCloseable {

    /** Rows kept in memory before SXSSF flushes them to its temp file. */
    private static final int WINDOW = 200;
    static final int TITLE_ROWS = 4;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final int maxRows;
    private final CellStyle titleStyle;
    private final CellStyle labelStyle;
    private final CellStyle headerStyle;
    private final CellStyle textStyle;
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
        textStyle = workbook.createCellStyle();
        // a small indent keeps left-aligned text clear of a right-aligned number in the column before
        textStyle.setIndention((short) 1);
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
                    cell.setCellStyle(textStyle);
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
            sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
        }
        Row titleRow = sheet.createRow(0);
        Cell t = titleRow.createCell(0);
        t.setCellValue(sheetCount == 1 ? title : title + " (continued)");
        t.setCellStyle(titleStyle);
        Row paramRow = sheet.createRow(1);
        int col = 0;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            Cell label = paramRow.createCell(col++);
            label.setCellValue(p.getKey());
            label.setCellStyle(labelStyle);
            paramRow.createCell(col++).setCellValue(SpreadsheetText.neutralised(p.getValue()));
        }
        Row genRow = sheet.createRow(2);
        Cell g = genRow.createCell(0);
        g.setCellValue("Generated");
        g.setCellStyle(labelStyle);
        genRow.createCell(1).setCellValue(generatedAt.format(DateTimeFormatter.ISO_LOCAL_DATE) + " "
                + generatedAt.format(DateTimeFormatter.ofPattern("HH:mm")));
        Row header = sheet.createRow(TITLE_ROWS - 1);
        for (int i = 0; i < columns.size(); i++) {
            Cell c = header.createCell(i);
            c.setCellValue(columns.get(i).header());
            c.setCellStyle(headerStyle);
        }
        sheet.createFreezePane(0, TITLE_ROWS);
        // printed: landscape, all columns on one page width, title block and header on every page
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.LETTER_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(0, TITLE_ROWS - 1, -1, -1));
        nextRow = TITLE_ROWS;
        firstDataRow = TITLE_ROWS;
        sums = new BigDecimal[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            sums[i] = columns.get(i).totals() ? BigDecimal.ZERO : null;
        }
    }

    private void finishSheet() {
        int lastDataRow = nextRow - 1;
        sheet.setAutoFilter(new CellRangeAddress(TITLE_ROWS - 1, Math.max(TITLE_ROWS - 1, lastDataRow), 0, columns.size() - 1));
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
