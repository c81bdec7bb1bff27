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

    @Test
    void fetchImportsTheNewEraOnceAndSaysSoWhenTheMailboxIsDown() throws Exception {
        Path outbound = Files.createDirectories(dir.resolve("root/outbound"));
        Files.copy(SampleFiles.sample835(), outbound.resolve("era-0314.835"));
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("localhost");
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("hostkey.ser")));
        server.setPasswordAuthenticator((user, password, session) -> "s3cret".equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(dir.resolve("root")));
        server.start();
        KeyPair key = server.getKeyPairProvider().loadKeys(null).iterator().next();
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"),
                "[localhost]:" + server.getPort() + " " + PublicKeyEntry.toString(key.getPublic()) + "\n");
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
}
