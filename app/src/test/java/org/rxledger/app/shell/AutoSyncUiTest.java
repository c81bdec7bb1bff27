package org.rxledger.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.ClaimTestData.aPaidClaim;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.CentralSync;
import org.rxledger.app.settings.Settings;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.adapters.central.EmbeddedCentral;
import org.rxledger.core.store.JdbiSyncStore;
import org.rxledger.core.sync.CentralSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The status bar on a schedule of one second: offline by itself, then back online by itself once the server answers. */
@ExtendWith(ApplicationExtension.class)
class AutoSyncUiTest {

    private TestWorkstation workstation;
    private JdbiSyncStore store;

    @Start
    void start(Stage stage) throws IOException {
        var db = TestStores.freshDatabase();
        Path data = Files.createTempDirectory("rxledger-auto-sync-ui");
        SampleOffice office = SampleOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> aPaidClaim(office).rx("7000001").record(tx));
        store = new JdbiSyncStore(db);
        // nothing listens on port 1: every scheduled run finds the server unreachable
        store.saveSettings(new CentralSettings("jdbc:postgresql://localhost:1/rxledger", "postgres",
                CentralSettings.TlsMode.DISABLE), "clerk1", Instant.now());
        Settings settings = Settings.inMemory();
        settings.put(ShellViewModel.KEY_SYNC_SECONDS, "1");
        WorkstationSetup base = TestStores.setup(db, OfficeSeeder.NONE, settings);
        workstation = TestWorkstation.show(stage, new WorkstationSetup(base.transactions(), base.actor(), data,
                base.officeIsEmpty(), base.seeder(), base.settings(), null, List.of(),
                () -> CentralSync.service(db, data)), db::close);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void goesOfflineAndBackOnlineWithoutAKeyPressed(FxRobot robot) throws TimeoutException {
        Label sync = robot.lookup("#statusSync").queryAs(Label.class);
        waitUntil(60, () -> sync.getText().matches("Sync: offline · [1-9]\\d* waiting"));
        assertThat(sync.getStyleClass()).contains("connection-offline");
        assertThat(sync.getTooltip().getText()).contains("Next automatic try at");

        // the server comes back (here: the office points the workstation at one that answers)
        try (EmbeddedCentral server = EmbeddedCentral.start(0, null)) {
            store.saveSettings(new CentralSettings(server.jdbcUrl(), EmbeddedCentral.USER,
                    CentralSettings.TlsMode.DISABLE), "clerk1", Instant.now());

            waitUntil(60, () -> sync.getText().matches("Sync: 0 waiting · last \\d\\d:\\d\\d"));
            assertThat(sync.getStyleClass()).doesNotContain("connection-offline");
        }
    }
}
