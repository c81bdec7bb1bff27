package org.rxledger.core.adapters.mailbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.rxledger.core.sync.MailboxSettings;
import org.rxledger.core.sync.MailboxUnreachableException;
import org.rxledger.core.sync.RemitMailbox;

/**
 * {@link RemitMailbox} over SFTP with Apache MINA SSHD's client. The server's host key must be listed in the
 * configured known_hosts file (an unknown or changed key is refused); login by key file or password.
 */
public final class SftpRemitMailbox implements RemitMailbox {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final SshClient client;
    private final ClientSession session;
    private final SftpClient sftp;
    private final String folder;
    private final String where;

    private SftpRemitMailbox(SshClient client, ClientSession session, SftpClient sftp, String folder, String where) {
        this.client = client;
        this.session = session;
        this.sftp = sftp;
        this.folder = folder;
        this.where = where;
    }

    /** @param secret the password, or the key file's passphrase (null when the key has none) */
    public static SftpRemitMailbox connect(MailboxSettings settings, String secret) {
        String where = "sftp://" + settings.user() + "@" + settings.host() + ":" + settings.port();
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE,
                Path.of(settings.knownHosts())));
        if (settings.keyFile() != null && !settings.keyFile().isBlank()) {
            FileKeyPairProvider keys = new FileKeyPairProvider(Path.of(settings.keyFile()));
            if (secret != null) {
                keys.setPasswordFinder((session, resource, retry) -> secret);
            }
            client.setKeyIdentityProvider(keys);
        }
        client.start();
        ClientSession session = null;
        try {
            session = client.connect(settings.user(), settings.host(), settings.port()).verify(TIMEOUT).getSession();
            if ((settings.keyFile() == null || settings.keyFile().isBlank()) && secret != null) {
                session.addPasswordIdentity(secret);
            }
            session.auth().verify(TIMEOUT);
            SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
            return new SftpRemitMailbox(client, session, sftp, settings.remoteDir(), where);
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            client.stop();
            throw new MailboxUnreachableException(where + ": " + plain(e), e);
        }
    }

    @Override
    public List<RemoteFile> list() {
        List<RemoteFile> files = new ArrayList<>();
        try {
            for (SftpClient.DirEntry e : sftp.readDir(folder)) {
                if (e.getAttributes().isRegularFile()) {
                    files.add(new RemoteFile(e.getFilename(), e.getAttributes().getSize()));
                }
            }
            return files;
        } catch (IOException e) {
            throw new MailboxUnreachableException(where + ": the folder " + folder + " cannot be listed: " + plain(e), e);
        }
    }

    @Override
    public void download(RemoteFile file, Path target) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (InputStream in = sftp.read(folder + "/" + file.name())) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MailboxUnreachableException(where + ": " + file.name() + " could not be downloaded: " + plain(e), e);
        } catch (UncheckedIOException e) {
            throw new MailboxUnreachableException(where + ": " + file.name() + " could not be downloaded: " + plain(e), e);
        }
    }

    @Override
    public void close() {
        try {
            sftp.close();
        } catch (IOException ignored) {
            // the session goes next either way
        }
        closeQuietly(session);
        client.stop();
    }

    private static void closeQuietly(ClientSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (IOException ignored) {
                // nothing to save in a session being dropped
            }
        }
    }

    private static String plain(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
