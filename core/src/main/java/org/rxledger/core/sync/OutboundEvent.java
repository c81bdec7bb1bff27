package org.rxledger.core.sync;

import org.rxledger.core.journal.JournalEvent;
/**
 * A local journal event on its way to the central server, with the context another workstation needs to
 * apply it (ADR 0021) and, for an import, the SHA-256 of the original file that goes with it.
 *
 * @param context JSON, or null when the event type carries everything in its payload or is not applied elsewhere
 * @param blobSha256 the archived original to upload with the event, or null
 */
public record OutboundEvent(JournalEvent event, String context, String blobSha256) {
}
