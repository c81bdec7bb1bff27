package org.rxledger.core.sync;

import java.util.Objects;
import org.rxledger.core.error.RxLedgerException;

/**
 * Where the central PostgreSQL server is. The password is not part of the settings: it comes from
 * {@link #PASSWORD_ENV} or an owner-only file in the data folder (ADR 0021).
 */
public record CentralSettings(String jdbcUrl, String user, TlsMode tlsMode) {

    /** Environment variable holding the central password; wins over the stored password file. */
    public static final String PASSWORD_ENV = "RXLEDGER_CENTRAL_PASSWORD";

    /** PostgreSQL JDBC {@code sslmode}: {@code disable}, {@code require} (encrypted) or {@code verify-full} (and the server's name checked). */
    public enum TlsMode {
        DISABLE("disable"), REQUIRE("require"), VERIFY_FULL("verify-full");

        private final String sslmode;

        TlsMode(String sslmode) {
            this.sslmode = sslmode;
        }

        public String sslmode() {
            return sslmode;
        }
    }

    public CentralSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tlsMode, "tlsMode");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw RxLedgerException.invalid("central URL: expected jdbc:postgresql://HOST:PORT/DATABASE, found " + jdbcUrl);
        }
        if (user.isBlank()) {
            throw RxLedgerException.invalid("central user: expected a PostgreSQL user name, found nothing");
        }
    }
}
