/**
 * The owner's morning figures (issue 22, docs/kpi.md): days sales outstanding, days to pay, first-pass auto-match
 * rate, denials, short-paid and underpaid amounts, PLB fees, aging trend, write-offs and collections. Each figure's
 * definition is written once, in {@link org.rxledger.core.kpi.Kpi}; the numbers are SQL aggregates over the
 * ledger and the remittances read in one pass, never a query per claim.
 */
package org.rxledger.core.kpi;
