package org.rxledger.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {

    @Test
    void idsAreVersion7AndEachSortsAfterTheOneBefore() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            UUID id = Uuids.timeOrdered();
            assertThat(id.version()).isEqualTo(7);
            ids.add(id.toString());
        }
        // H2 orders UUID values as unsigned bytes, the same order as their text form
        assertThat(ids).isSorted();
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
    }
}
