package org.rxledger.core.adapters.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.remit.Samples;
import org.rxledger.core.store.Database;
import org.rxledger.core.store.JdbiMailboxStore;
import org.rxledger.core.sync.MailboxService;
import org.rxledger.core.sync.MailboxSettings;
import org.rxledger.core.sync.MailboxStore;
import org.rxledger.core.sync.MailboxUnreachableException;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.remit.RemittanceRepository;

/** The ERA mailbox against an in-process SFTP server (Apache MINA SSHD) and a workstation H2 with the real migrations. */
class SftpMailboxTest {

    @TempDir
    Path temp;

    private SshServer server;
    private Path mailbox;
    private Path knownHosts;
    private Database db;
    private JdbiMailboxStore store;
    private MailboxService service;

    @BeforeEach
    void serverAndWorkstation() throws Exception {
        mailbox = Files.createDirectories(temp.resolve("sftp-root/outbound"));
        server = SshServer.setUpDefaultServer();
        server.setHost("localhost");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(temp.resolve("hostkey.ser")));
        server.setPasswordAuthenticator((user, password, session) -> "pharmacy".equals(user) && "s3cret".equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(temp.resolve("sftp-root")));
        server.start();
        KeyPair hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next();
        knownHosts = Files.writeString(temp.resolve("known_hosts"),
                "[localhost]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");

        db = TestDatabases.fresh();
        store = new JdbiMailboxStore(db);
        service = service("s3cret", knownHosts);
    }

    private MailboxService service(String password, Path known) {
        MailboxSettings settings = new MailboxSettings("localhost", server.getPort(), "pharmacy", "/outbound", null, known.toString());
        return new MailboxService(store, () -> SftpRemitMailbox.connect(settings, password),
                new RemittanceImportService(db.transactions(), temp.resolve("archive"), new MatchAndPostStep()), TestDatabases.CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(true);
        db.close();
    }

    private long files() {
        return db.transactions().read(tx -> (long) tx.port(RemittanceRepository.class).files().size());
    }

    @Test
    void importsEachNewEraOnceRejectsABadOneOnceAndFetchingAgainImportsNothing() throws Exception {
        byte[] good = Samples.bytes(Samples.SAMPLE_835);
        Files.write(mailbox.resolve("a-good.835"), good);
        Files.write(mailbox.resolve("b-same-again.835"), good);
        Files.write(mailbox.resolve("c-truncated.835"), java.util.Arrays.copyOf(good, good.length / 2));
        Files.writeString(mailbox.resolve("d-not-an-era.txt"), "hello, this is not X12", StandardCharsets.US_ASCII);

        MailboxService.FetchReport first = service.fetch();

        assertThat(first.outcomes()).extracting(ImportOutcome::status).containsExactly(ImportOutcome.Status.IMPORTED,
                ImportOutcome.Status.DUPLICATE, ImportOutcome.Status.REJECTED, ImportOutcome.Status.REJECTED);
        assertThat(files()).isEqualTo(1);
        assertThat(store.files()).extracting(MailboxStore.SeenFile::outcome).containsExactly(MailboxStore.Outcome.IMPORTED,
                MailboxStore.Outcome.DUPLICATE, MailboxStore.Outcome.REJECTED, MailboxStore.Outcome.REJECTED);
        assertThat(store.files().get(2).message()).contains("c-truncated.835");

        MailboxService.FetchReport again = service.fetch();

        assertThat(again.outcomes()).isEmpty();
        assertThat(again.alreadySeen()).isEqualTo(4);
        assertThat(files()).isEqualTo(1);
        assertThat(store.files()).hasSize(4);
    }

    @Test
    void aHostKeyThatIsNotKnownIsRefusedAndNothingIsImported() throws Exception {
        Files.write(mailbox.resolve("a-good.835"), Samples.bytes(Samples.SAMPLE_835));
        Path empty = Files.writeString(temp.resolve("empty_known_hosts"), "");

        assertThatThrownBy(() -> service("s3cret", empty).fetch()).isInstanceOf(MailboxUnreachableException.class)
                .hasMessageContaining("sftp://pharmacy@localhost");
        assertThat(files()).isZero();
    }

    @Test
    void aWrongPasswordIsRefusedAsUnreachable() throws Exception {
        Files.write(mailbox.resolve("a-good.835"), Samples.bytes(Samples.SAMPLE_835));

        assertThatThrownBy(() -> service("wrong", knownHosts).fetch()).isInstanceOf(MailboxUnreachableException.class);
        assertThat(files()).isZero();
        assertThat(store.files()).isEmpty();
    }

    private long claims() {
        return db.transactions().read(tx -> tx.port(org.rxledger.core.claim.ClaimRepository.class).count());
    }

    @Test
    void claimsFilesInTheClaimsFolderAreImportedOnceAllOrNothingWithErrorsByLineAndACopyIsRefused() throws Exception {
        Path claimsFolder = Files.createDirectories(temp.resolve("sftp-root/claims"));
        String sample;
        try (var in = org.rxledger.core.claim.ClaimImportService.class.getResourceAsStream("/org/rxledger/core/claim/claims-sample.csv")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = sample.split("\n");
        Files.writeString(claimsFolder.resolve("a-pharm-001.csv"), lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n");
        Files.writeString(claimsFolder.resolve("b-pharm-001-again.csv"), lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n");
        Files.writeString(claimsFolder.resolve("c-pharm-002.csv"), lines[0] + "\n" + lines[3] + "\n"
                + lines[4].replaceFirst(",30,", ",lots,") + "\n");
        MailboxSettings settings = new MailboxSettings("localhost", server.getPort(), "pharmacy", "/outbound", null,
                knownHosts.toString(), "/claims");
        store.saveSettings(settings, TestDatabases.CLOCK.instant());
        org.rxledger.core.sync.ClaimsFeedFiles feed = new org.rxledger.core.sync.ClaimsFeedFiles(store,
                () -> SftpRemitMailbox.connect(store.settings().orElseThrow().claimsFolder(), "s3cret"), db.transactions());

        org.rxledger.core.sync.ClaimsFeedFiles.Report first = feed.take();

        assertThat(first.files()).extracting(org.rxledger.core.sync.ClaimsFeedFiles.Taken::outcome).containsExactly(
                MailboxStore.Outcome.IMPORTED, MailboxStore.Outcome.DUPLICATE, MailboxStore.Outcome.REJECTED);
        assertThat(first.files().get(0).imported()).isEqualTo(2);
        assertThat(first.files().get(1).message()).contains("same contents as a-pharm-001.csv").contains("refused");
        assertThat(first.files().get(2).message()).contains("claims feed file c-pharm-002.csv line 3").contains("column days_supply");
        assertThat(first.anyRejected()).isTrue();
        assertThat(claims()).as("the rejected file's good row is not imported either").isEqualTo(2);

        Files.writeString(claimsFolder.resolve("d-pharm-002-corrected.csv"), lines[0] + "\n" + lines[3] + "\n" + lines[4] + "\n");
        org.rxledger.core.sync.ClaimsFeedFiles.Report second = feed.take();

        assertThat(second.alreadySeen()).isEqualTo(3);
        assertThat(second.files()).singleElement().satisfies(t -> {
            assertThat(t.outcome()).isEqualTo(MailboxStore.Outcome.IMPORTED);
            assertThat(t.imported()).isEqualTo(2);
        });
        assertThat(claims()).isEqualTo(4);
        assertThat(feed.take().files()).isEmpty();
        assertThat(service.fetch().outcomes()).as("the 835 folder is another folder").isEmpty();
    }
}
