package org.rxledger.core.posting;

import java.util.ArrayList;
import java.util.List;
import org.rxledger.core.ledger.PostingMode;
import org.rxledger.core.matching.MatchRepository;
import org.rxledger.core.matching.PayerRemitSettings;
import org.rxledger.core.matching.PaymentMatching;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.remit.PaymentStatus;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.access.Permission;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rxledger.core.mfp.MfpRepository;

/**
 * Re-runs automatic matching over every waiting claim payment (needs review or unmatched, not decided by a
 * person) once the claims are imported or the payer directory has learned a routing, so a clerk does not
 * match them one by one. Lines the matcher tied to a claim and a person's decisions are never touched.
 *
 * <p>One transaction per payment (ARCHITECTURE.md rule 3): its new decisions are recorded as automatic
 * matching records them, a posted payment has each newly matched line re-posted in an ADJUST batch (as
 * after a manual re-match), and a payment that {@link AutoPostGuard} held on import is posted when it now
 * passes the guard and its payer still posts automatically.
 */
public final class WaitingRematch {

    /** What one run did, over all payments: waiting lines looked at, newly matched, still waiting, payments posted. */
    public record Result(int lookedAt, int matched, int stillWaiting, int paymentsPosted) {

        /** The counts in one sentence, as the command line and the workstation tell them. */
        public String describe() {
            return String.format("Re-matched %,d waiting claim payment(s): %,d matched, %,d still waiting; %,d held"
                    + " payment(s) posted", lookedAt, matched, stillWaiting, paymentsPosted);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(WaitingRematch.class);

    private final Transactions transactions;

    public WaitingRematch(Transactions transactions) {
        this.transactions = transactions;
    }

    public Result run() {
        List<Long> payments = transactions.read(tx -> {
            List<Long> waiting = new ArrayList<>(tx.port(MatchRepository.class).paymentsWithWaitingClaims());
            // MFP refunds pay the manufacturer's share, never a plan's claim (docs/adr/0023-mfp-refunds-apart-from-plan-receivables.md)
            waiting.removeAll(tx.port(MfpRepository.class).mtfPayments(waiting));
            return waiting;
        });
        int lookedAt = 0;
        int matched = 0;
        int waiting = 0;
        int posted = 0;
        for (long paymentId : payments) {
            Result r = transactions.inTransaction(Permission.MATCH_DECIDE, "re-match waiting claim payments", tx -> rematch(tx, paymentId));
            lookedAt += r.lookedAt();
            matched += r.matched();
            waiting += r.stillWaiting();
            posted += r.paymentsPosted();
        }
        LOG.info("re-matched waiting claim payments of {} payment(s): {} looked at, {} matched, {} still waiting, {} posted",
                payments.size(), lookedAt, matched, waiting, posted);
        return new Result(lookedAt, matched, waiting, posted);
    }

    private static Result rematch(Tx tx, long paymentId) {
        PaymentMatching.Summary s = MatchingService.matchWaiting(tx, paymentId);
        PostingRepository.PaymentHeader header = tx.port(PostingRepository.class).payment(paymentId).orElseThrow();
        int posted = 0;
        if (header.status() == PaymentStatus.POSTED) {
            for (long remitClaimId : s.changedRemitClaimIds()) {
                RemittancePosting.repostClaim(tx, remitClaimId, "automatic matching of waiting claim payments");
            }
        } else if (tx.port(RemittanceRepository.class).postingHeldReason(paymentId) != null && postsAutomatically(tx, header)
                && AutoPostGuard.holdReason(wholePayment(tx, paymentId)).isEmpty()) {
            RemittancePosting.post(tx, paymentId);
            posted = 1;
        }
        return new Result(s.claims(), s.matched(), s.needsReview() + s.unmatched(), posted);
    }

    private static boolean postsAutomatically(Tx tx, PostingRepository.PaymentHeader header) {
        return tx.port(MatchRepository.class).settings(header.payerName()).map(PayerRemitSettings::postingMode)
                .orElse(PostingMode.AUTOMATIC) == PostingMode.AUTOMATIC;
    }

    /** The guard's counts over every line of the payment as it stands now, a person's matches included. */
    private static PaymentMatching.Summary wholePayment(Tx tx, long paymentId) {
        List<MatchRepository.RemitClaimToMatch> lines = tx.port(MatchRepository.class).claimsToMatch(paymentId);
        int tied = (int) lines.stream().filter(c -> c.matchedClaimId() != null).count();
        int review = (int) lines.stream().filter(c -> c.status() == MatchStatus.NEEDS_REVIEW).count();
        return new PaymentMatching.Summary(paymentId, lines.size(), tied, review, lines.size() - tied - review, 0, 0, 0,
                List.of());
    }
}
