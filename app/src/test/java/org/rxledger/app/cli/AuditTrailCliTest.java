package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.CliRunner.Run;
import org.rxledger.app.testdata.SampleFiles;
import org.rxledger.core.access.Actor;
import org.rxledger.core.store.Database;
import org.rxledger.core.store.TestOwner;

/** {@code rxledger audit-trail verify} on a real data directory, before and after a hand edit. */
class AuditTrailCliTest {

    @TempDir
    Path data;

    @Test
    void verifiesAnIntactTrailAndNamesTheFirstEditedRecord() throws IOException {
        CliRunner cli = CliRunner.on(data);
        assertThat(cli.run("claims", "import", SampleFiles.claimsSample().toString()).exit()).isZero();
        assertThat(cli.run("remit", "import", SampleFiles.sample835().toString()).exit()).isZero();

        Run intact = cli.run("audit-trail", "verify", "--json");
        assertThat(intact.exit()).as(intact.err()).isZero();
        JsonNode ok = intact.json();
        assertThat(ok.get("intact").asBoolean()).isTrue();
        assertThat(ok.get("checked").asLong()).isGreaterThan(1);
        assertThat(ok.get("head").asText()).hasSize(64);
        assertThat(cli.run("audit-trail", "verify").out()).startsWith("audit trail intact: ");

        long edited;
        try (Database db = Database.open(data, new Actor("tamperer", "ws"), Clock.systemUTC())) {
            edited = TestOwner.jdbi(db).withHandle(h -> {
                long seq = h.createQuery("SELECT MIN(seq) FROM audit_record").mapTo(Long.class).one();
                h.execute("DROP TRIGGER audit_record_append_only");
                h.execute("UPDATE audit_record SET user_name = 'someone-else' WHERE seq = " + seq);
                return seq;
            });
        }

        Run broken = cli.run("audit-trail", "verify");
        assertThat(broken.exit()).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(broken.out()).contains("BROKEN at record " + edited).contains("was edited");
        assertThat(cli.run("audit-trail", "verify", "--json").json().get("first_broken_seq").asLong()).isEqualTo(edited);
    }
}
