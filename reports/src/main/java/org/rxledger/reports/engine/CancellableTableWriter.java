package org.rxledger.reports.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.rxledger.reports.xlsx.Column;

/**
 * A table writer that gives up when the person cancels: checked every {@value #EVERY} rows, at each new table and
 * before the finished file is moved into place. Throwing from inside the row callback unwinds the streaming query
 * and its read transaction; the half-written document only ever existed as a temporary file.
 */
final class CancellableTableWriter implements ReportTableWriter {

    static final int EVERY = 256;

    private final ReportTableWriter delegate;
    private final BooleanSupplier cancelled;
    private long rows;

    CancellableTableWriter(ReportTableWriter delegate, BooleanSupplier cancelled) {
        this.delegate = delegate;
        this.cancelled = cancelled;
    }

    @Override
    public void startTable(String sheetName, String reportTitle, Map<String, String> reportParameters,
                           LocalDateTime generated, List<Column> tableColumns) {
        check();
        delegate.startTable(sheetName, reportTitle, reportParameters, generated, tableColumns);
    }

    @Override
    public void row(Object... values) {
        if (++rows % EVERY == 0) {
            check();
        }
        delegate.row(values);
    }

    @Override
    public void writeTo(Path target) throws IOException {
        check();
        delegate.writeTo(target);
    }

    @Override
    public void close() {
        delegate.close();
    }

    private void check() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("the report was cancelled after " + rows + " rows; no file was written");
        }
    }
}
