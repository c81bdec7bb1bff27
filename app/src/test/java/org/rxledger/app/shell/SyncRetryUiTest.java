package org.rxledger.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.ClaimTestData.aPaidClaim;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import org.rxledger.core.access.Actor;
import org.rxledger.core.adapters.central.EmbeddedCentral;
import org.rxledger.core.adapters.central.PostgresCentralJournal;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.store.Database;
import org.rxledger.core.store.JdbiSyncStore;
import org.rxledger.core.sync.CentralJournal;
import org.rxledger.core.sync.CentralSettings;
import org.rxledger.core.sync.Inbound;
import org.rxledger.core.sync.RemoteEvent;
import org.rxledger.core.sync.SyncAttention;
import org.rxledger.core.sync.SyncService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Retry in the Sync area against a real (embedded) PostgreSQL: another workstation's claim, parked here as an earlier
 * version parked what it did not apply, is applied by the Retry button and leaves the parked list.
 */
@ExtendWith(ApplicationExtension.class)
class SyncRetryUiTest {

    private EmbeddedCentral server;
    private Database other;
    private Database db;
    private TestWorkstation workstation;

    @Start
    void start(Stage stage) throws IOException {
        server = EmbeddedCentral.start(0, null);
        CentralSettings settings = new CentralSettings(server.newDatabase("retry_ui"), EmbeddedCentral.USER,
                CentralSettings.TlsMode.DISABLE);
        Path otherData = Files.createTempDirectory("rxledger-sync-other");
        other = Database.inMemory("sync-other-" + UUID.randomUUID(), new Actor("alice", "ws-a"), TestStores.CLOCK);
        SampleOffice otherOffice = SampleOffice.create(other.transactions());
        other.transactions().inTransaction(tx -> aPaidClaim(otherOffice).rx("7000301").record(tx));
        new SyncService(other.transactions(), new JdbiSyncStore(other), () -> PostgresCentralJournal.connect(settings, ""),
                RemittanceImportService.archiveDirIn(otherData), SyncService.Checkpoint.NONE).run();

        db = TestStores.freshDatabase();
        Path data = Files.createTempDirectory("rxledger-sync-retry");
        SampleOffice.create(db.transactions());
        JdbiSyncStore store = new JdbiSyncStore(db);
        store.saveSettings(settings, "clerk1", Instant.now());
        try (CentralJournal c = PostgresCentralJournal.connect(settings, "")) {
            RemoteEvent claim = c.pull(store.workstationId(), 0, 100).stream()
                    .filter(e -> e.type().equals(ClaimRecorder.EVENT_CLAIM_RECORDED)).findFirst().orElseThrow();
            store.record(claim, Inbound.parked("claim.recorded events are not applied by this version"));
        }
        Settings ui = Settings.inMemory();
        ui.put(ShellViewModel.KEY_SYNC_SECONDS, "0");
        WorkstationSetup base = TestStores.setup(db, OfficeSeeder.NONE, ui);
        workstation = TestWorkstation.show(stage, new WorkstationSetup(base.transactions(), base.actor(), data,
                base.officeIsEmpty(), base.seeder(), base.settings(), null, List.of(),
                () -> CentralSync.service(db, data)), db::close);
    }

    @AfterEach
    void close() {
        workstation.close();
        other.close();
        server.close();
    }

    private long claims() {
        return db.transactions().read(tx -> tx.port(ClaimRepository.class).forRx("7000301").size());
    }

    @Test
    void theRetryButtonAppliesAParkedClaimAndItLeavesTheParkedList(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT9).release(KeyCode.DIGIT9, KeyCode.CONTROL);
        robot.clickOn("Parked (1)");
        TableView<?> parked = robot.lookup("#syncParked").queryAs(TableView.class);
        waitUntil(() -> parked.getItems().size() == 1);
        assertThat(claims()).isZero();
        robot.interact(() -> parked.getSelectionModel().select(0));

        robot.clickOn("#syncRetry");

        waitUntil(() -> parked.getItems().isEmpty());
        assertThat(claims()).isEqualTo(1);
        Label message = robot.lookup("#syncMessage").queryAs(Label.class);
        assertThat(message.getText()).contains("is applied here").contains("0 parked");
        assertThat(new SyncAttention(db.transactions()).parked()).isEmpty();
        assertThat(new JdbiSyncStore(db).status().waiting()).as("the retried claim is not sent back").isEqualTo(waitingBefore());
    }

    /** The sample office's own set-up events wait to be sent; the retried claim adds none. */
    private long waitingBefore() {
        return db.transactions().read(tx -> tx.port(org.rxledger.core.journal.Journal.class).since(0, Integer.MAX_VALUE)
                .stream().filter(e -> !e.user().startsWith("sync:")).count());
    }
}
