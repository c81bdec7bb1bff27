package org.rxledger.core.mfp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerBatch;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.tx.Tx;

/**
 * Keeps the ledger's MFP refund receivable equal to what the refunds say is owed (docs/adr/0023). Eligibility hangs
 * on the price list, the Part D routings, exclusions, the manufacturer's own amount and the claim's own life, each
 * of which can change after the fill; rather than one posting rule per change, every such change (and every load of
 * the refunds) compares each fill's accrued amount with what is expected now and posts the difference as a new
 * balanced batch. A fill that stops being owed a refund (claim reversed, excluded) gets the reversing batch.
 */
final class MfpReceivable {

    /** Ledger source of the expected refund (and of each change to it): debit the receivable, credit MFP refunds. */
    static final String SOURCE_ACCRUAL = "MFP_ACCRUAL";

    private MfpReceivable() {
    }

    /** Posts one batch per fill whose accrued expected refund differs from today's; returns how many. */
    static int bringUpToDate(Tx tx) {
        LocalDate today = LocalDate.now(tx.clock());
        Map<Long, Money> target = new LinkedHashMap<>();
        for (MfpRefund r : MfpService.refunds(tx, today)) {
            target.put(r.claimId(), r.state() == RefundState.REVERSED ? Money.ZERO : r.expected());
        }
        Map<Long, Money> accrued = tx.port(MfpRepository.class).receivable(SOURCE_ACCRUAL);
        TreeSet<Long> claims = new TreeSet<>(target.keySet());
        claims.addAll(accrued.keySet());
        List<LedgerBatch> batches = new ArrayList<>();
        for (long claimId : claims) {
            Money was = accrued.getOrDefault(claimId, Money.ZERO);
            Money now = target.getOrDefault(claimId, Money.ZERO);
            Money change = now.minus(was);
            if (change.isZero()) {
                continue;
            }
            String memo = was.isZero() ? "MFP refund expected"
                    : now.isZero() ? "MFP refund no longer expected (claim reversed or not eligible)"
                    : "MFP refund expected amount changed";
            batches.add(new LedgerBatch(SOURCE_ACCRUAL, String.valueOf(claimId), today, tx.clock().instant(), tx.actor().user())
                    .add(LedgerAccount.MFP_REFUND_RECEIVABLE, change, claimId, null, null, memo)
                    .add(LedgerAccount.MFP_REFUNDS, change.negate(), claimId, null, null, memo));
        }
        tx.port(LedgerRepository.class).appendAll(batches);
        return batches.size();
    }
}
