package org.rxledger.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsTest {

    /** A node of its own under the real user preferences, removed afterwards. */
    private final Preferences node = Preferences.userRoot().node("org/rxledger/test/" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void filtersArePerDataFolderAndTheThemeIsTheClerksEverywhere() {
        Settings office = Settings.perDataFolder(node, Path.of("/srv/rxledger/store-1"));
        Settings demo = Settings.perDataFolder(node, Path.of("/tmp/new-demo"));

        office.put("claims.filter.text", "7186565");
        office.put("theme.dark", "true");

        assertThat(demo.get("claims.filter.text", "")).isEmpty();
        assertThat(demo.get("theme.dark", "false")).isEqualTo("true");
        // the same folder, opened again (also by another spelling of its path)
        Settings again = Settings.perDataFolder(node, Path.of("/srv/rxledger/./store-1"));
        assertThat(again.get("claims.filter.text", "")).isEqualTo("7186565");

        office.put("claims.filter.text", "");
        assertThat(again.get("claims.filter.text", "none")).isEqualTo("none");
    }
}
