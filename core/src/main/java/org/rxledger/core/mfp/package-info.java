/**
 * Medicare Maximum Fair Price (MFP) refunds (issue 24; docs/mfp.md): the selected drugs' price list, which
 * Part D fills are owed a refund by the manufacturer and how much, the refunds the Medicare Transaction
 * Facilitator (MTF) remits, the 14-day clock, and disputes. Kept apart from the plan's receivable: paying a
 * refund never changes a claim's plan status (docs/adr/0023-mfp-refunds-apart-from-plan-receivables.md).
 */
package org.rxledger.core.mfp;
