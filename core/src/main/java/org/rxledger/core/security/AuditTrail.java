package org.rxledger.core.security;

import java.util.List;
import java.util.Map;

/** Port: the append-only audit trail. Detail values are serialised as JSON; never put PHI in {@code action}. */
public interface AuditTrail {

    void record(String action, String entityType, String entityId, Map<String, ?> detail);

    List<AuditRecord> forEntity(String entityType, String entityId);
}
