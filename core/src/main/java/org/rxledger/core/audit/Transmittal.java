package org.rxledger.core.audit;

import java.time.Instant;

/** One sending of the packet (DOMAIN.md §5.5 item 5): how, when, tracking number, who sent it. */
public record Transmittal(long id, long caseId, TransmittalMethod method, Instant sentAt, String trackingNumber,
                          String person) {
}
