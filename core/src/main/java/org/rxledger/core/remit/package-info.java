/**
 * ASC X12 835 (005010X221A1) health care claim payment/advice: the model, a streaming reader on
 * StAEDI with the envelope and three-level balancing rules (DOMAIN.md §2.6), a streaming writer and
 * the import use case.
 *
 * <p>Entry points for the app and CLI:
 * <ul>
 *   <li>{@link org.rxledger.core.remit.RemittanceImportService#importFile} — check, archive and store
 *       one file, all or nothing; returns an {@link org.rxledger.core.remit.ImportOutcome}.</li>
 *   <li>{@link org.rxledger.core.remit.X12RemittanceReader} — stream a file into a
 *       {@link org.rxledger.core.remit.RemittanceHandler}, or {@code readAll} a small one.</li>
 *   <li>{@link org.rxledger.core.remit.X12RemittanceWriter} — write 835 files (demo data, benchmarks).</li>
 * </ul>
 * PHI (patient names, member ids) travels in the model and is stored in the database, never logged.
 */
package org.rxledger.core.remit;
