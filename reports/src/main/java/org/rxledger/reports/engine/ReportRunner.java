package org.rxledger.reports.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.rxledger.core.reporting.ReportPeriod;
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
     * @throws IllegalArgumentException for an unknown name or a target that is not an .xlsx workbook, in plain words
     */
    public ReportOutcome run(String name, ReportPeriod period, Path target) throws IOException {
        Report report = registry.find(name).orElseThrow(() -> new IllegalArgumentException(registry.unavailableMessage(name)));
        Objects.requireNonNull(period, "period");
        if (!isWorkbook(target)) {
            throw new IllegalArgumentException(target + " must end in .xlsx (an Excel workbook).");
        }
        return report.write(transactions, new ReportRequest(period, LocalDateTime.now(transactions.clock())), target);
    }

    /** True when {@code target} names an Excel workbook. */
    public static boolean isWorkbook(Path target) {
        return target != null && target.getFileName() != null
                && target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }
}
