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
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.CentralSync;
import org.rxledger.app.settings.Settings;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.store.Database;
import org.rxledger.core.store.JdbiSyncStore;
import org.rxledger.core.sync.CentralSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The status bar's sync state and Ctrl+Shift+Y against a configured central server that cannot be reached. */
@ExtendWith(ApplicationExtension.class)
class SyncStatusUiTest {

    private TestWorkstation workstation;

    @Start
    void start(Stage stage) throws IOException {
        Database db = TestStores.freshDatabase();
        Path data = Files.createTempDirectory("rxledger-sync-ui");
        SampleOffice office = SampleOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> aPaidClaim(office).rx("7000001").record(tx));
        new JdbiSyncStore(db).saveSettings(new CentralSettings("jdbc:postgresql://localhost:1/rxledger", "postgres",
                CentralSettings.TlsMode.DISABLE), "clerk1", Instant.now());
        Settings settings = Settings.inMemory();
        settings.put(ShellViewModel.KEY_SYNC_SECONDS, "0"); // Ctrl+Shift+Y only: AutoSyncUiTest has the schedule
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
    void statusBarShowsWhatWaitsAndSyncNowSaysTheServerIsUnreachable(FxRobot robot) throws TimeoutException {
        Label sync = robot.lookup("#statusSync").queryAs(Label.class);
        waitUntil(() -> sync.getText().matches("Sync: \\d+ waiting · never synced"));
        String waiting = sync.getText().replaceAll("\\D", "");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Y).release(KeyCode.Y, KeyCode.SHIFT, KeyCode.CONTROL);

        waitUntil(() -> sync.getText().equals("Sync: offline · " + waiting + " waiting"));
        Notice said = workstation.shell().viewModel().noticeProperty().get();
        assertThat(said.title()).isEqualTo("Central server unreachable");
        assertThat(said.text()).contains(waiting + " event");
        assertThat(sync.getStyleClass()).contains("connection-offline");
    }
}
