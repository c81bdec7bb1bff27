package org.rxledger.core.id;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Ids of rows that are only ever appended (ledger entries and batches, journal events): RFC 9562 version 7
 * UUIDs, a millisecond timestamp followed by random bits. They are as unique across workstations as random
 * (version 4) UUIDs, but each new one sorts after the earlier ones, so the unique index over millions of
 * ledger entries grows at its right edge instead of touching a random page per insert
 * (docs/adr/0012-time-ordered-entry-ids.md).
 */
public final class Uuids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Uuids() {
    }

    /** A new time-ordered (version 7) UUID. Thread-safe. */
    public static UUID timeOrdered() {
        return GENERATOR.generate();
    }
}
