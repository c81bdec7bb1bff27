package org.rxledger.core.adapters.central;

import org.flywaydb.core.Flyway;

/** The central database's own Flyway migrations ({@code db/central}), apart from the workstation's. */
public final class CentralSchema {

    public static final String LOCATION = "classpath:db/central";

    private CentralSchema() {
    }

    public static void migrate(String jdbcUrl, String user, String password) {
        Flyway.configure().dataSource(jdbcUrl, user, password).locations(LOCATION).load().migrate();
    }

    /** Over the data source a workstation connects with (its TLS mode and time-outs). */
    public static void migrate(javax.sql.DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations(LOCATION).connectRetries(0).load().migrate();
    }
}
