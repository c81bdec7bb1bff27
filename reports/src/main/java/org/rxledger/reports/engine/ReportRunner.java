package org.rxledger.reports.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.rxledger.core.access.Permission;
import org.rxledger.core.reporting.PaymentAdvice;
import org.rxledger.core.reporting.ReportPeriod;
import org.rxledger.core.security.Disclosure;
import org.rxledger.core.security.DisclosureLog;
import org.rxledger.core.tx.Transactions;

/**
 * Writes a report by name: the one use case behind {@code rxledger report} and the workstation's Reports area,
 * so both refuse the same names and targets and stamp the workbook with the store's clock. Screens take this
 * instead of {@link Transactions} (they never open a transaction themselves).
 */
public final class ReportRunner {

    private final ReportRegistry registry;
    private final Transactions transactions;

    public ReportRunner(ReportRegistry registry, Transactions transactions) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** The standard reports over {@code transactions}. */
    public static ReportRunner standard(Transactions transactions) {
        return new ReportRunner(ReportRegistry.standard(), transactions);
    }

    public List<Report> available() {
        return registry.all();
    }

    /**
     * Writes report {@code name} for {@code period} to {@code target}.
     *
     * @throws IllegalArgumentException for an unknown name or a target that is neither an .xlsx workbook nor a .pdf,
     *                                  in plain words
     */
    public ReportOutcome run(String name, ReportPeriod period, Path target) throws IOException {
        return run(name, period, target, null);
    }

    /**
     * The same, for {@code recipient} (null: not stated). A report with patient columns is a disclosure (issue 16
     * item 6): it needs the permission report-export, checked before anything is written, and the file and the
     * disclosure log's row (which patients, by id) are made in one transaction.
     */
    public ReportOutcome run(String name, ReportPeriod period, Path target, String recipient) throws IOException {
        return run(name, period, target, recipient, () -> false);
    }

    /**
     * The same, stopping with a {@link java.util.concurrent.CancellationException} once {@code cancelled} says so: the
     * target is left as it was and nothing is recorded.
     */
    public ReportOutcome run(String name, ReportPeriod period, Path target, String recipient, BooleanSupplier cancelled)
            throws IOException {
        Report report = registry.find(name).orElseThrow(() -> new IllegalArgumentException(registry.unavailableMessage(name)));
        Objects.requireNonNull(period, "period");
        if (ReportTableWriter.Format.of(target) == null) {
            throw new IllegalArgumentException(target + " must end in .xlsx (an Excel workbook) or .pdf (a PDF).");
        }
        ReportRequest request = new ReportRequest(period, LocalDateTime.now(transactions.clock()), cancelled);
        if (!report.namesPatients()) {
            return report.write(transactions, request, target);
        }
        try {
            return transactions.inTransaction(Permission.REPORT_EXPORT, "export a report that names patients", tx -> {
                ReportOutcome outcome;
                try {
                    outcome = report.write(transactions, request, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                tx.port(DisclosureLog.class).record(Disclosure.Kind.REPORT,
                        recipient == null || recipient.isBlank() ? PaymentAdvice.RECIPIENT_NOT_STATED : recipient.strip(),
                        "report " + report.name() + " " + describe(period), report.patientsNamed(tx, period));
                return outcome;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String describe(ReportPeriod period) {
        return (period.from() == null ? "…" : period.from().toString()) + " to "
                + (period.to() == null ? "…" : period.to().toString());
    }

    /** True when {@code target} names a document a report can be written to: an Excel workbook or a PDF. */
    public static boolean isReportDocument(Path target) {
        return ReportTableWriter.Format.of(target) != null;
    }
}
