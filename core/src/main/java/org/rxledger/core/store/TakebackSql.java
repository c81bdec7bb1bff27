package org.rxledger.core.store;

/**
 * The PLB items the posting tied to each claim, written once for every query that reports a claim's net paid
 * (recon claims, the exceptions queue): per claim, the net of its REMIT_PLB entries on the PLB accounts
 * ({@code plb}, positive = taken back) and how many PLB items they came from ({@code items}). The PLB accounts
 * are indexed, so this reads the PLB entries only. Rule: docs/posting.md, "Net paid".
 */
final class TakebackSql {

    /** A derived table to LEFT JOIN on {@code claim_id}. */
    static final String PER_CLAIM = """
            (SELECT le.claim_id, SUM(le.amount) AS plb, COUNT(DISTINCT le.source_id) AS items
             FROM ledger_entry le
             WHERE le.account IN ('PLB_RECOUPMENT', 'PLB_FORWARD_BALANCE', 'PLB_INTEREST', 'PLB_FEES',
                                  'PLB_RETURNS', 'PLB_OTHER')
               AND le.source_type = 'REMIT_PLB' AND le.claim_id IS NOT NULL
             GROUP BY le.claim_id HAVING SUM(le.amount) <> 0)""";

    private TakebackSql() {
    }
}
