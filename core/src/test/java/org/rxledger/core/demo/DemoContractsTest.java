package org.rxledger.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.access.Actor;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.rxledger.core.contract.ContractService;
import org.rxledger.core.exceptions.ExceptionCategory;
import org.rxledger.core.exceptions.ExceptionQueue;
import org.rxledger.core.kpi.Dashboard;
import org.rxledger.core.kpi.KpiService;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.store.Database;

/** The demo office's contracts make every new screen show something: underpaid and below-cost claims, a notice. */
class DemoContractsTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 4, 1);

    @TempDir
    Path dir;

    @Test
    void theDemoContractsUnderpaySomeClaimsLeaveSomeBelowCostAndOneMacUpdateToAcknowledge() {
        try (Database db = Database.inMemory("demo-contracts-" + UUID.randomUUID(), new Actor("tester", "test-ws"),
                Clock.fixed(Instant.parse("2025-04-01T12:00:00Z"), ZoneOffset.UTC))) {
            db.transactions().signIn(new Session("tester", "tester", Set.of(Role.ADMIN), "test-ws",
                    Instant.parse("2025-04-01T08:00:00Z")));
            DemoOffice.create(db.transactions(), TODAY.minusDays(1), DemoOffice.DEFAULT_SEED);
            DemoRemittances.importAll(db.transactions(), new RemittanceImportService(db.transactions(),
                    dir.resolve("archive"), new MatchAndPostStep()), TODAY, dir.resolve("835"));

            DemoContracts.Summary s = DemoContracts.create(db.transactions(), TODAY);

            ContractService contracts = new ContractService(db.transactions());
            // one version per ACME and Blue Harbor routing with claims
            assertThat(s.contracts()).isEqualTo(contracts.versions().size()).isBetween(2, 4);
            assertThat(s.macPrices()).isGreaterThan(DemoContracts.UNDERPAID_NDCS + 3);
            assertThat(contracts.openNotices()).singleElement()
                    .satisfies(n -> assertThat(n.subject()).contains("ACME-MAC").contains("3 price(s) moved"));
            var counts = ExceptionQueue.counts(new ExceptionQueue(db.transactions()).items());
            assertThat(counts.keySet()).contains(ExceptionCategory.UNDERPAID_CONTRACT, ExceptionCategory.BELOW_COST);
            Dashboard d = new KpiService(db.transactions()).dashboard(TODAY.minusDays(DemoOffice.DAYS), TODAY);
            assertThat(d.total().underpaid()).isPositive();
            assertThat(d.total().belowCost()).isPositive();
            // the lists are made from what the plans paid: most paid claims are paid at or above their contract
            assertThat(d.total().underpaid()).isLessThan(d.total().claims() / 5);
        }
    }
}
