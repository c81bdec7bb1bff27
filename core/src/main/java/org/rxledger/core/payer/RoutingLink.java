package org.rxledger.core.payer;

/** A routing as stored in the directory: whose it is and how it got there (MANUAL, IMPORT, LEARNED, SEED). */
public record RoutingLink(long id, long payerId, Routing routing, String source) {
}
