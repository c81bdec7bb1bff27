package org.rxledger.app.remits;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RejectionLog;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.task.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every 835 entry point does (CLI, file chooser, drag and drop, inbox): run the import use case
 * obtained from {@code AppContext#remittanceImports()} and, when the file is refused, record the refusal
 * so the review screen lists it. Thread-safe; call from a background thread.
 */
public final class RemittanceImports {

    private static final Logger LOG = LoggerFactory.getLogger(RemittanceImports.class);

    private final RemittanceImportService service;
    private final RejectionLog rejections;

    public RemittanceImports(RemittanceImportService service, RejectionLog rejections) {
        this.service = Objects.requireNonNull(service, "service");
        this.rejections = Objects.requireNonNull(rejections, "rejections");
    }

    public ImportOutcome importFile(Path file, RejectionLog.Source source, ProgressListener progress,
                                    BooleanSupplier cancelled) {
        ImportOutcome outcome = service.importFile(file, progress, cancelled);
        if (outcome instanceof ImportOutcome.Rejected rejected) {
            try {
                rejections.record(file, rejected, source);
            } catch (RuntimeException e) {
                // the refusal itself stands; only its entry in the "Rejected files" list is missing
                LOG.warn("remittance {}: the refusal could not be recorded ({})", outcome.fileName(),
                        e.getClass().getName());
            }
        }
        return outcome;
    }
}
