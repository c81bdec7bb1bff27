package org.rxledger.core.adapters.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class EmbeddedCentralTest {

    @Test
    void startsAMigratedPostgresOnLocalhost() throws Exception {
        try (EmbeddedCentral central = EmbeddedCentral.start(0, null);
             var c = DriverManager.getConnection(central.jdbcUrl(), EmbeddedCentral.USER, "");
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM event")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
