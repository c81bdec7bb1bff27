package org.rxledger.core.sync;

import java.util.Objects;
import org.rxledger.core.error.RxLedgerException;

/**
 * Where the SFTP ERA mailbox is. The password (or the key's passphrase) is not part of the settings: it
 * comes from {@link #PASSWORD_ENV} or an owner-only file in the data folder, like the central password.
 *
 * @param keyFile an OpenSSH private key file for key authentication, or null for a password
 * @param knownHosts an OpenSSH known_hosts file that must list the server's host key
 */
public record MailboxSettings(String host, int port, String user, String remoteDir, String keyFile, String knownHosts) {

    public static final String PASSWORD_ENV = "RXLEDGER_MAILBOX_PASSWORD";

    public MailboxSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(remoteDir, "remoteDir");
        if (host.isBlank()) {
            throw RxLedgerException.invalid("mailbox host: expected a host name, found nothing");
        }
        if (port < 1 || port > 65535) {
            throw RxLedgerException.invalid("mailbox port: expected 1 to 65535, found " + port);
        }
        if (knownHosts == null || knownHosts.isBlank()) {
            throw RxLedgerException.invalid("mailbox known hosts: expected a known_hosts file listing the server's key "
                    + "(the host key is always checked), found nothing");
        }
    }
}
