package org.rxledger.core.audit;

/** How a packet was sent to the auditor (DOMAIN.md §5.5 item 5). */
public enum TransmittalMethod {
    FAX, PORTAL, MAIL, EMAIL
}
