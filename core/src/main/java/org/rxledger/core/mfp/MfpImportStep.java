package org.rxledger.core.mfp;

import java.util.Set;
import org.rxledger.core.remit.ImportedRemittance;
import org.rxledger.core.remit.PostImportStep;
import org.rxledger.core.tx.Tx;

/**
 * Keeps MTF payments away from the plans' matching and posting: an MFP refund pays the manufacturer's share, never
 * the plan's, so it must not match (and close) the plan's receivable. The other payments of the file go to
 * {@code plans} as before. The refunds themselves are recorded once the file is published
 * ({@link MfpService#recordRemittedRefunds()}), not inside the import: a crash repair that removes an unpublished
 * file must find no MFP rows pointing at it.
 */
public final class MfpImportStep implements PostImportStep {

    private final PostImportStep plans;

    public MfpImportStep(PostImportStep plans) {
        this.plans = plans;
    }

    @Override
    public void afterImport(Tx tx, ImportedRemittance imported) {
        Set<Long> mtf = tx.port(MfpRepository.class).mtfPayments(imported.paymentIds());
        if (mtf.isEmpty()) {
            plans.afterImport(tx, imported);
            return;
        }
        plans.afterImport(tx, new ImportedRemittance(imported.fileId(), imported.sha256(),
                imported.paymentIds().stream().filter(id -> !mtf.contains(id)).toList(), imported.stages()));
    }
}
