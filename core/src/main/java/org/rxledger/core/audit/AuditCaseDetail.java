package org.rxledger.core.audit;

import java.util.List;

/** Everything recorded on one case, for the case screen. */
public record AuditCaseDetail(AuditCase auditCase, List<RequestedClaim> requestedClaims, List<Transmittal> transmittals,
                              List<AuditFinding> findings, List<AuditDocument> documents) {

    public AuditCaseDetail {
        requestedClaims = List.copyOf(requestedClaims);
        transmittals = List.copyOf(transmittals);
        findings = List.copyOf(findings);
        documents = List.copyOf(documents);
    }
}
