package org.rxledger.core.security;

import java.util.Objects;
import java.util.Optional;
import org.rxledger.core.tx.Transactions;

/**
 * Use case: walk the whole audit trail in order and check every link of its {@link AuditChain}
 * ({@code rxledger audit-trail verify}). Read-only; streams the records, so a trail of millions
 * of lines needs no more memory than one.
 */
public final class AuditTrailVerification {

    /**
     * What the walk found.
     *
     * @param checked records whose links were checked (all of them when intact)
     * @param firstBrokenSeq the sequence number of the first record that does not verify, or null
     * @param problem what is wrong there, in words, or null when intact
     * @param headHash the hash of the last record (the chain head a sync batch carries)
     */
    public record Result(long checked, Long firstBrokenSeq, String problem, String headHash) {

        public boolean intact() {
            return problem == null;
        }

        public String describe() {
            return intact()
                    ? String.format("audit trail intact: %,d records, head %s", checked, headHash)
                    : "audit trail BROKEN at record " + (firstBrokenSeq == null ? "(end)" : firstBrokenSeq) + ": " + problem;
        }
    }

    private final Transactions transactions;

    public AuditTrailVerification(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    public Result verify() {
        return transactions.read(tx -> {
            Walk walk = new Walk();
            tx.port(AuditTrail.class).forEachInOrder(walk::check);
            Optional<String> head = tx.port(AuditTrail.class).chainHead();
            if (walk.problem == null && head.isPresent() && !head.get().equals(walk.previous)) {
                walk.problem = "the trail ends with hash " + walk.previous + " but the recorded head is " + head.get()
                        + " (records were removed from the end, or the table was emptied)";
            }
            return new Result(walk.checked, walk.brokenSeq, walk.problem, walk.previous);
        });
    }

    private static final class Walk {
        private String previous = AuditChain.GENESIS;
        private long checked;
        private Long brokenSeq;
        private String problem;

        void check(ChainedAuditRecord r) {
            if (problem != null) {
                return;
            }
            if (!previous.equals(r.previousHash())) {
                brokenSeq = r.record().seq();
                problem = "it does not follow the record before it (a record before it was removed, inserted or changed)";
                return;
            }
            if (!AuditChain.hash(previous, r.record()).equals(r.hash())) {
                brokenSeq = r.record().seq();
                problem = "its content does not match its hash (the record was edited)";
                return;
            }
            previous = r.hash();
            checked++;
        }
    }
}
