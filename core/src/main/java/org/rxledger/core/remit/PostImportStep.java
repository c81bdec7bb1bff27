package org.rxledger.core.remit;

import org.rxledger.core.tx.Tx;

/**
 * The hand-off to automatic matching (and later posting) after an 835 is stored.
 *
 * <p>Called <b>inside</b> the import transaction, after every row of the file is written and before
 * the journal event and audit record: matches are committed with the import or not at all, and the
 * import's {@link PaymentSummary#matchedCount()} reflects them. A step that throws rolls the whole
 * import back (the outcome is REJECTED with the step's message), so a step should only throw for
 * failures that make storing the file wrong; its message is logged and shown, so keep PHI out of it.
 * Use {@code tx} for every read and write.
 */
@FunctionalInterface
public interface PostImportStep {

    /** Does nothing: the default until matching (issue 5) plugs in. */
    PostImportStep NONE = (tx, imported) -> { };

    void afterImport(Tx tx, ImportedRemittance imported);
}
