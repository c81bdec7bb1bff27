package org.rxledger.core.claim;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The follow-up of one rejected adjudication: who works it, by when, where it stands and — once a rebill
 * fixed it — which claim resolved it. {@code owner} may be null (unassigned); no PHI is kept here.
 */
public record RejectFollowUp(long id, long claimId, String owner, LocalDate dueDate, FollowUpStatus status, String note,
                             Long resolvedByClaimId, Instant createdAt, Instant updatedAt, String updatedBy) {
}
