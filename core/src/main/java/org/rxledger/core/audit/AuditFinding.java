package org.rxledger.core.audit;

import java.time.Instant;
import org.rxledger.core.money.Money;

/** What the auditor found on one requested line and the amount they intend to recoup. */
public record AuditFinding(long id, long caseId, int lineNo, String finding, Money recoupment, Instant recordedAt,
                           String recordedBy) {
}
