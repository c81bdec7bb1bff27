/**
 * ASC X12 835 (005010X221A1) health care claim payment/advice: the model, a streaming reader on
 * StAEDI with the envelope and three-level balancing rules (DOMAIN.md §2.6), a streaming writer and
 * the import use case (issue 4).
 *
 * <h2>Entry points for the app and CLI</h2>
 * <ul>
 *   <li>{@link org.rxledger.core.remit.RemittanceImportService#importFile} — check, archive and store
 *       one file, all or nothing; returns an {@link org.rxledger.core.remit.ImportOutcome}
 *       (IMPORTED / DUPLICATE / REJECTED / CANCELLED, each with a clerk-readable {@code message()}).</li>
 *   <li>{@link org.rxledger.core.remit.RemittanceRepository} via {@code Tx.remittances()} — list stored
 *       files, payments, claims and a claim's raw segments for screens.</li>
 *   <li>{@link org.rxledger.core.remit.X12RemittanceReader} — stream a file into a
 *       {@link org.rxledger.core.remit.RemittanceHandler} (or {@code readAll} a small one, e.g. a preview).
 *       Inside, four parts: {@code X12Tokenizer} (StAEDI events to segments), {@code EnvelopeChecks},
 *       the model builder ({@code PaymentBuilder}, {@code ClaimLoopBuilder}) and
 *       {@link org.rxledger.core.remit.RemittanceBalancing}, the balancing rules as pure functions over the
 *       model, usable on a claim or payment built in code.</li>
 *   <li>{@link org.rxledger.core.remit.X12RemittanceWriter} — write 835 files (demo data, benchmarks).</li>
 * </ul>
 *
 * <h2>Decisions (and why)</h2>
 * <ul>
 *   <li><b>Problems, not exceptions.</b> The reader returns a {@link org.rxledger.core.remit.ReadResult}
 *       with every {@link org.rxledger.core.remit.RemittanceProblem} (file, segment number with ISA = 1,
 *       segment id, element, expected vs found), capped at 100, so a clerk sees all that is wrong at
 *       once. Only {@code readAll} throws the checked {@link org.rxledger.core.remit.RemittanceFormatException}.
 *       Truncated or garbled input, and StAEDI's own envelope errors, become problems too.</li>
 *   <li><b>Strict where money or identity depends on it.</b> A composite written with a component
 *       separator other than ISA16 (seen in public samples: {@code HC>99211} with ISA16 {@code :}) is
 *       refused at its element rather than guessed; so are a missing or impossible BPR16 payment date,
 *       a claim without NM1*QC, CAS group CR (4010 only) and a reversal (CLP02 22) with positive
 *       amounts. CLP05 absent counts as zero for the PR rule.</li>
 *   <li><b>Two streaming passes.</b> Pass 1 checks the whole file and hashes it with nothing written;
 *       pass 2 re-reads the archived copy inside one transaction and writes in chunks of 1,000 claims
 *       (a helper thread parses at most four chunks ahead; writes, progress and cancel polling stay on
 *       the caller's thread). Memory is bounded by a few chunks, whatever the file size.</li>
 *   <li><b>Duplicates</b>: same SHA-256, or any payment with the same trace number, amount and payer
 *       (TRN03 identifier, or payer name) refuses the whole file; nothing is stored.</li>
 *   <li><b>Matching hand-off</b>: {@link org.rxledger.core.remit.PostImportStep} runs inside the import
 *       transaction, so matches commit with the import or not at all.</li>
 *   <li><b>Raw segments</b> of each claim are rebuilt from the tokens with the file's own delimiters
 *       (terminator omitted) and stored as lines {@code "<segment number>: <text>"}.</li>
 *   <li><b>Writer</b> emits ST03 {@code 005010X221A1} (required by the TR3), trims trailing empty
 *       elements, groups consecutive same-group CAS triplets (≤ 6) and same-provider PLB pairs (≤ 6),
 *       and refuses values containing a delimiter (X12 has no escape).</li>
 * </ul>
 * PHI (patient names, member ids) travels in the model and is stored in the database, never logged,
 * journalled or audited; storage errors are reported by SQL state only because their messages carry
 * bound values.
 */
package org.rxledger.core.remit;
