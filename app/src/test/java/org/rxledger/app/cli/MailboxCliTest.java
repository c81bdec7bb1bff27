package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.SampleFiles;

class MailboxCliTest {

    @TempDir
    Path dir;

    /** An SFTP server on {@code dir/root} taking password s3cret, its host key written to {@code dir/known_hosts}. */
    private SshServer sftpServer() throws Exception {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("localhost");
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("hostkey.ser")));
        server.setPasswordAuthenticator((user, password, session) -> "s3cret".equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(dir.resolve("root")));
        server.start();
        KeyPair key = server.getKeyPairProvider().loadKeys(null).iterator().next();
        Files.writeString(dir.resolve("known_hosts"),
                "[localhost]:" + server.getPort() + " " + PublicKeyEntry.toString(key.getPublic()) + "\n");
        return server;
    }

    @Test
    void fetchImportsTheNewEraOnceAndSaysSoWhenTheMailboxIsDown() throws Exception {
        Path outbound = Files.createDirectories(dir.resolve("root/outbound"));
        Files.copy(SampleFiles.sample835(), outbound.resolve("era-0314.835"));
        SshServer server = sftpServer();
        Path knownHosts = dir.resolve("known_hosts");
        CliRunner cli = CliRunner.on(dir.resolve("data"));

        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("s3cret\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(cli.exit("mailbox", "connect", "--host", "localhost", "--port", String.valueOf(server.getPort()),
                    "--sftp-user", "pharmacy", "--folder", "/outbound", "--known-hosts", knownHosts.toString(),
                    "--sftp-password-stdin")).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(Files.readString(dir.resolve("data/secrets/mailbox.password"))).isEqualTo("s3cret");

        JsonNode first = cli.run("mailbox", "fetch", "--json").json();
        JsonNode again = cli.run("mailbox", "fetch", "--json").json();
        server.stop(true);
        CliRunner.Run down = cli.run("mailbox", "fetch");

        assertThat(first.get("files")).singleElement().satisfies(f -> assertThat(f.get("status").asText()).isEqualTo("imported"));
        assertThat(again.get("files")).isEmpty();
        assertThat(again.get("already_seen").asInt()).isEqualTo(1);
        assertThat(down.exit()).isEqualTo(Cli.EXIT_CENTRAL_UNREACHABLE);
        assertThat(down.err()).contains("the mailbox cannot be reached");
        assertThat(cli.exit("remit", "list", "--json")).isZero();
        assertThat(cli.out()).contains("EFT0314A77");
    }

    @Test
    void claimsFeedImportsEachClaimsFileOnceAndRefusesACopy() throws Exception {
        Files.createDirectories(dir.resolve("root/outbound"));
        Path claims = Files.createDirectories(dir.resolve("root/claims"));
        Files.copy(SampleFiles.claimsSample(), claims.resolve("pharm-0314.csv"));
        Files.copy(SampleFiles.claimsSample(), claims.resolve("pharm-0314-resent.csv"));
        SshServer server = sftpServer();
        CliRunner cli = CliRunner.on(dir.resolve("data"));
        String[] connect = {"mailbox", "connect", "--host", "localhost", "--port", String.valueOf(server.getPort()),
                "--sftp-user", "pharmacy", "--folder", "/outbound", "--known-hosts", dir.resolve("known_hosts").toString()};
        assertThat(cli.exit(connect)).isZero();
        assertThat(cli.exit("claims", "feed")).isEqualTo(Cli.EXIT_USAGE);
        assertThat(cli.err()).contains("--claims-folder");
        String[] withClaims = java.util.Arrays.copyOf(connect, connect.length + 3);
        withClaims[connect.length] = "--claims-folder";
        withClaims[connect.length + 1] = "/claims";
        withClaims[connect.length + 2] = "--sftp-password-stdin";
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("s3cret\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(cli.exit(withClaims)).isZero();
        } finally {
            System.setIn(stdin);
        }

        JsonNode first = cli.run("claims", "feed", "--json").json();
        JsonNode again = cli.run("claims", "feed", "--json").json();
        server.stop(true);
        CliRunner.Run down = cli.run("claims", "feed");

        assertThat(first.get("status").asText()).isEqualTo("ok");
        assertThat(first.get("files")).hasSize(2);
        assertThat(first.get("files").get(0).get("file").asText()).isEqualTo("pharm-0314-resent.csv");
        assertThat(first.get("files").get(0).get("status").asText()).isEqualTo("imported");
        assertThat(first.get("files").get(0).get("imported").asInt()).isPositive();
        assertThat(first.get("files").get(1).get("status").asText()).isEqualTo("duplicate");
        assertThat(first.get("files").get(1).get("message").asText()).contains("same contents as pharm-0314-resent.csv");
        assertThat(again.get("files")).isEmpty();
        assertThat(again.get("already_seen").asInt()).isEqualTo(2);
        assertThat(down.exit()).isEqualTo(Cli.EXIT_CENTRAL_UNREACHABLE);
        assertThat(cli.exit("claims", "list", "--json")).isZero();
    }
}
