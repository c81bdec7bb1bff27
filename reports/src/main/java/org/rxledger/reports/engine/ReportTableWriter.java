package org.rxledger.reports.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxledger.reports.pdf.PdfTableReportWriter;
import org.rxledger.reports.xlsx.Column;
import org.rxledger.reports.xlsx.XlsxReportWriter;

/**
 * Where a report streams its tables: an Excel workbook or a printable PDF, chosen by the target's extension. A report
 * describes its tables once (title block, typed columns, rows) and each format lays them out for its medium, so the
 * PDF of a report can never disagree with its workbook (issue 20: "every report also as PDF").
 */
public interface ReportTableWriter extends AutoCloseable {

    /** Starts a table: a new sheet of the workbook, a new page of the PDF. */
    void startTable(String sheetName, String reportTitle, Map<String, String> reportParameters, LocalDateTime generated,
                    List<Column> tableColumns);

    /** Appends one row; values are String, Integer/Long, BigDecimal, Money, LocalDate or null. */
    void row(Object... values);

    /** Writes the document to {@code target} through a temporary file and an atomic move. */
    void writeTo(Path target) throws IOException;

    @Override
    void close();

    /** The formats a report can be written in. */
    enum Format {
        XLSX(".xlsx", "an Excel workbook"),
        PDF(".pdf", "a PDF");

        private final String extension;
        private final String description;

        Format(String extension, String description) {
            this.extension = extension;
            this.description = description;
        }

        public String extension() {
            return extension;
        }

        public String description() {
            return description;
        }

        /** The format {@code target}'s name ends in, or null when it names neither. */
        public static Format of(Path target) {
            if (target == null || target.getFileName() == null) {
                return null;
            }
            String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (name.endsWith(f.extension)) {
                    return f;
                }
            }
            return null;
        }
    }

    /**
     * A writer for {@code target}'s format that stops with a {@link java.util.concurrent.CancellationException} as soon
     * as {@code request} is cancelled: mid-table, before anything is moved into place, so a cancelled report leaves
     * no file and (for a report naming patients) no disclosure behind.
     */
    static ReportTableWriter forRequest(ReportRequest request, Path target) {
        return new CancellableTableWriter(forTarget(target), request.cancelled());
    }

    /** A writer for {@code target}'s format (.xlsx or .pdf). */
    static ReportTableWriter forTarget(Path target) {
        Format format = Format.of(target);
        if (format == null) {
            throw new IllegalArgumentException(target + " must end in .xlsx (an Excel workbook) or .pdf (a PDF).");
        }
        return format == Format.PDF ? new PdfTableReportWriter() : new XlsxReportWriter();
    }
}
