package org.rxledger.app.audits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.ClaimTestData.aPaidClaim;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.task.SynchronousTaskRunner;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.audit.AuditCaseService;
import org.rxledger.core.audit.AuditPacketAssembler;
import org.rxledger.core.audit.AuditStatus;
import org.rxledger.core.audit.AuditType;
import org.rxledger.core.audit.DeadlineFlag;
import org.rxledger.core.audit.NewAuditCase;
import org.rxledger.core.audit.RequestedLine;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.reporting.StoredRemittanceHistory;
import org.rxledger.core.store.Database;

class AuditsViewModelTest {

    @TempDir
    Path dataDir;

    private final Database db = TestStores.freshDatabase();
    private final List<Notice> notices = new ArrayList<>();
    private AuditsViewModel vm;

    @BeforeEach
    void setUp() {
        SampleOffice office = SampleOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> {
            tx.port(ReferenceRepository.class).savePharmacy(new Pharmacy("Main Street Pharmacy", "1234567893", "0312345", "12 Main St",
                    "Springfield", "IL", "62701", "217-555-0100"));
            aPaidClaim(office).rx("7001234").fill(2).dateOfService(LocalDate.parse("2025-03-03")).record(tx);
            return null;
        });
        vm = new AuditsViewModel(new AuditCaseService(db.transactions(), dataDir, TestStores.CLOCK),
                new AuditPacketAssembler(db.transactions(), dataDir, new StoredRemittanceHistory(db.transactions()), TestStores.CLOCK),
                dataDir, TestStores.CLOCK, new SynchronousTaskRunner(), notices::add);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void create(String id, LocalDate due) {
        vm.create(new NewAuditCase("ACME", id, AuditType.DESK, LocalDate.parse("2025-03-01"), due, ""),
                List.of(new RequestedLine("7001234", 2, LocalDate.parse("2025-03-03")),
                        new RequestedLine("9999999", 0, LocalDate.parse("2025-03-03"))), d -> { });
    }

    @Test
    void previewFlagsClaimsThatAreNotOnFile() {
        List<AuditsViewModel.DraftLine> preview = new ArrayList<>();
        vm.preview(ClaimListText.parse("rx_number,fill,dos\n7001234, 2, 2025-03-03\n9999999\t0\t3/3/2025\n").lines(),
                preview::addAll);
        assertThat(preview).extracting(AuditsViewModel.DraftLine::onFile).containsExactly(true, false);
    }

    @Test
    void typedListsReportUnreadableLinesByNumber() {
        ClaimListText.Parsed parsed = ClaimListText.parse("7001234, 2, 2025-03-03\n7001235, x, 2025-03-03\n7001236 1\n");
        assertThat(parsed.lines()).hasSize(1);
        assertThat(parsed.problems()).containsExactly("line 2: 'x' is not a fill number (0–99)",
                "line 3: expected Rx, fill and date of service, found \"7001236 1\"");
    }

    @Test
    void creatingACaseWarnsAboutUnknownClaimsAndListsItWithItsDeadline() {
        create("A-1", LocalDate.parse("2025-03-18"));   // two days before the test clock's today
        assertThat(notices).last().extracting(Notice::kind).isEqualTo(Notice.Kind.WARNING);
        assertThat(notices.get(notices.size() - 1).title()).contains("1 claim not on file");
        assertThat(vm.cases()).hasSize(1);
        assertThat(vm.cases().get(0).deadline()).isEqualTo(DeadlineFlag.OVERDUE);
        assertThat(vm.lines()).extracting(AuditsViewModel.LineRow::onFile).containsExactly(true, false);
        assertThat(vm.nextStatuses()).containsExactly(AuditStatus.IN_PREPARATION);
    }

    @Test
    void theCaseCountSaysOneCaseNotOneCases() {
        assertThat(vm.caseCountProperty().get()).isEqualTo("0 cases");
        create("A-1", LocalDate.parse("2025-04-30"));
        assertThat(vm.caseCountProperty().get()).isEqualTo("1 case");
        create("A-2", LocalDate.parse("2025-04-30"));
        assertThat(vm.caseCountProperty().get()).isEqualTo("2 cases");
    }

    @Test
    void statusFindingsAndThePacketUpdateTheOpenCase() {
        create("A-2", LocalDate.parse("2025-04-30"));
        vm.changeStatus(AuditStatus.IN_PREPARATION);
        assertThat(vm.detailProperty().get().auditCase().status()).isEqualTo(AuditStatus.IN_PREPARATION);
        vm.recordFinding(1, "Days supply miscalculated", Money.parse("12.50"));
        assertThat(vm.lines().get(0).finding()).isEqualTo("Days supply miscalculated");
        assertThat(vm.lines().get(0).recoupment()).isEqualTo(Money.parse("12.50"));

        assertThat(vm.packetReady().get()).isFalse();
        vm.generatePacket();
        assertThat(vm.packetReady().get()).isTrue();
        AuditsViewModel.Packet packet = vm.packetProperty().get();
        assertThat(packet.file()).exists().isEqualTo(dataDir.resolve("packets").resolve("A-2-packet.pdf"));
        assertThat(packet.pages()).isGreaterThan(3);
        assertThat(vm.generatingProperty().get()).isFalse();

        vm.changeStatus(AuditStatus.CLOSED);   // not allowed from in preparation
        assertThat(notices).last().extracting(Notice::kind).isEqualTo(Notice.Kind.ERROR);
        assertThat(notices.get(notices.size() - 1).text()).contains("cannot move from In preparation to Closed");
    }
}
