package org.rxledger.core.posting;

import java.util.List;
import java.util.Map;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerEntry;
import org.rxledger.core.money.Money;

/**
 * The batch a payment would post, not written: what the clerk reviews before posting a "review first"
 * payer's remittance.
 *
 * @param cash          Σ PAYER_CASH of the batch; always equals {@code amount} (BPR02)
 * @param unapplied     money of claim payments tied to no claim (UNAPPLIED_CASH)
 * @param unattributedPlb PLB items whose reference names no claim
 */
public record PostingPreview(long paymentId, String payerName, String traceNumber, Money amount, Money cash,
                             int claimCount, int matchedClaims, int unappliedClaims, Money unapplied, int plbItems,
                             int unattributedPlb, Map<LedgerAccount, Money> totals, List<LedgerEntry> entries) {

    public PostingPreview {
        totals = Map.copyOf(totals);
        entries = List.copyOf(entries);
    }
}
