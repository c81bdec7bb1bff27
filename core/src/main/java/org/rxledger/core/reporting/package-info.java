/**
 * Read models of the Excel reports: one set-based query per report table, streamed row by row to a
 * callback so a million-row report never sits in memory. The writers live in the {@code reports}
 * module; this package knows nothing of workbooks. Queries run inside a read transaction
 * ({@code transactions.read(tx -> tx.reporting()...)}), and the callback is invoked while the
 * result set is open, so it must not start other database work.
 */
package org.rxledger.core.reporting;
