package org.rxledger.app.payers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rxledger.app.payers.PayersViewModel.PayerRow;
import org.rxledger.app.task.SynchronousTaskRunner;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.payer.DirectoryPayer;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.store.Database;

class PayersViewModelTest {

    private Database db;
    private PayerDirectoryService service;
    private final List<Notice> notices = new ArrayList<>();
    private PayersViewModel vm;

    @BeforeEach
    void setUp() {
        db = TestStores.freshDatabase();
        service = new PayerDirectoryService(db.transactions());
        assertThat(service.importCsv("payers.csv", new StringReader(String.join("\n",
                "payer_name,remit_payer_id,bin,pcn,group_id",
                "NORTHSTAR RX BENEFITS,1555555555,610502,NSRX,",
                "Northstar old,,610502,NSOLD,",
                "Coastal Plans,1999999999,004336,ADV,")))).matches(r -> r.succeeded());
        vm = new PayersViewModel(new PayerDirectoryService(db.transactions()), new SynchronousTaskRunner(), notices::add);
        vm.reload();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private PayerRow row(String name) {
        return vm.allPayers().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsPayersWithRoutingsIdentitiesAndClp07AndFiltersByNameBinOrIdentity() {
        int all = vm.allPayers().size();
        assertThat(all).isGreaterThanOrEqualTo(3);
        PayerRow northstar = row("NORTHSTAR RX BENEFITS");
        assertThat(northstar.routings()).isEqualTo("BIN 610502 PCN NSRX");
        assertThat(northstar.identities()).contains("1555555555");
        assertThat(northstar.clp07()).startsWith("not known yet");

        vm.searchProperty().set("northstar");
        assertThat(vm.shownPayers()).extracting(PayerRow::name).containsExactlyInAnyOrder("NORTHSTAR RX BENEFITS", "Northstar old");
        vm.searchProperty().set("004336");
        assertThat(vm.shownPayers()).extracting(PayerRow::name).containsExactly("Coastal Plans");
        vm.searchProperty().set("1999999999");
        assertThat(vm.shownPayers()).extracting(PayerRow::name).containsExactly("Coastal Plans");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("Coastal Plans");
        vm.searchProperty().set("");
        assertThat(vm.shownPayers()).hasSize(all);
    }

    @Test
    void mergeNeedsAReasonThenGoesThroughTheDirectoryAndReloads() {
        int all = vm.allPayers().size();
        vm.selectedProperty().set(row("Northstar old"));
        vm.targetProperty().set(vm.otherPayers().stream().filter(r -> r.name().equals("NORTHSTAR RX BENEFITS")).findFirst().orElseThrow());

        assertThat(vm.mergeQuestion()).isNull();
        vm.merge();
        assertThat(notices).last().extracting(Notice::text).asString().contains("reason is required");
        assertThat(service.directory().active()).hasSize(all);

        vm.reasonProperty().set("same PBM, two names");
        assertThat(vm.mergeQuestion()).startsWith("Merge Northstar old into NORTHSTAR RX BENEFITS?");
        vm.merge();

        assertThat(service.directory().active()).hasSize(all - 1);
        assertThat(vm.allPayers()).hasSize(all - 1).extracting(PayerRow::name).doesNotContain("Northstar old");
        assertThat(row("NORTHSTAR RX BENEFITS").routings()).contains("PCN NSRX").contains("PCN NSOLD");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("NORTHSTAR RX BENEFITS");
        assertThat(vm.messageProperty().get()).isEqualTo("Northstar old merged into NORTHSTAR RX BENEFITS.");
        assertThat(vm.reasonProperty().get()).isEmpty();
    }

    @Test
    void moveRoutingGoesThroughTheDirectoryAndReloads() {
        vm.selectedProperty().set(row("Northstar old"));
        assertThat(vm.routings()).extracting(r -> r.routing().label()).containsExactly("BIN 610502 PCN NSOLD");
        vm.targetProperty().set(vm.otherPayers().stream().filter(r -> r.name().equals("Coastal Plans")).findFirst().orElseThrow());
        vm.reasonProperty().set("plan moved to Coastal");
        assertThat(vm.moveQuestion()).startsWith("Move BIN 610502 PCN NSOLD from Northstar old to Coastal Plans?");

        vm.moveRouting();

        DirectoryPayer coastal = service.directory().byName("Coastal Plans").orElseThrow();
        assertThat(coastal.routings()).extracting(r -> r.routing().pcn()).containsExactlyInAnyOrder("ADV", "NSOLD");
        assertThat(row("Coastal Plans").routings()).contains("PCN NSOLD");
        assertThat(row("Northstar old").routings()).isEqualTo("—");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("Northstar old");
        assertThat(vm.routings()).isEmpty();
    }

    @Test
    void aRefusalOfTheDirectoryIsShownAsANotice() {
        vm.selectedProperty().set(row("Northstar old"));
        PayerRow target = vm.otherPayers().stream().filter(r -> r.name().equals("Coastal Plans")).findFirst().orElseThrow();
        vm.targetProperty().set(target);
        vm.reasonProperty().set("test");
        service.merge(row("NORTHSTAR RX BENEFITS").id(), target.id(), "merged elsewhere meanwhile");

        vm.merge();

        assertThat(notices).last().extracting(Notice::kind).isEqualTo(Notice.Kind.ERROR);
        assertThat(service.directory().byName("Northstar old")).map(DirectoryPayer::merged).contains(false);
    }
}
