package org.rxledger.core.audit;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an audit case stands. The normal path is RECEIVED → IN_PREPARATION → SUBMITTED → FINDINGS →
 * APPEALED → CLOSED. Two short cuts exist because audits end early in practice: a submission with no
 * discrepancies closes straight from SUBMITTED, and findings the pharmacy accepts close without an
 * appeal (DOMAIN.md §5.3: preliminary report, then ≥30 days to respond/appeal). Going backwards is
 * refused: a case once submitted stays submitted, which is what the transmittal log proves.
 */
public enum AuditStatus {
    RECEIVED("Received"),
    IN_PREPARATION("In preparation"),
    SUBMITTED("Submitted"),
    FINDINGS("Findings received"),
    APPEALED("Appealed"),
    CLOSED("Closed");

    private final String label;

    AuditStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses this one may move to. */
    public Set<AuditStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(IN_PREPARATION);
            case IN_PREPARATION -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(FINDINGS, CLOSED);
            case FINDINGS -> EnumSet.of(APPEALED, CLOSED);
            case APPEALED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(AuditStatus.class);
        };
    }

    public boolean canMoveTo(AuditStatus target) {
        return next().contains(target);
    }

    /** Until the packet is sent the due date matters; afterwards it is history (§5.3 deadlines). */
    public boolean awaitsSubmission() {
        return this == RECEIVED || this == IN_PREPARATION;
    }
}
