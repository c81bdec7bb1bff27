package org.rxledger.core.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Who is acting and from which workstation; stamped on every journal event, audit record and
 * ledger entry. Until real sign-in arrives the user is the operating-system user.
 */
public record Actor(String user, String workstation) {

    public Actor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(workstation, "workstation");
    }

    /** The OS user on this machine. */
    public static Actor fromOperatingSystem() {
        String user = System.getProperty("user.name", "unknown");
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return new Actor(user, host);
    }
}
