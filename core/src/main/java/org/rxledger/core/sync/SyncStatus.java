package org.rxledger.core.sync;

import java.time.Instant;

/**
 * Where this workstation's sync stands.
 *
 * @param online whether the last attempt reached the central server (null: never tried)
 * @param waiting local events not yet acknowledged by the central server
 * @param lastSync when the last attempt that caught up ended, or null
 */
public record SyncStatus(Boolean online, long waiting, long pushed, long pulled, long parked, long duplicates,
                         Instant lastSync, Instant lastAttempt, String lastMessage) {
}
