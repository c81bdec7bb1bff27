package org.rxledger.app.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.io.StringReader;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.testdata.FxRobots;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.testdata.TestWorkstation;
import org.rxledger.core.contract.ContractRepository;
import org.rxledger.core.contract.ContractService;
import org.rxledger.core.contract.ContractTerms;
import org.rxledger.core.contract.PriceKind;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.store.Database;
import org.rxledger.core.task.ProgressListener;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The billing manager opens Contracts on the real shell: the MAC update's notice is there with what it changed, the
 * contract version is listed, and Acknowledge takes the notice away for good (the service agrees).
 */
@ExtendWith(ApplicationExtension.class)
class ContractsUiTest {

    private Database db;
    private TestWorkstation workstation;

    @Start
    void start(Stage stage) {
        db = TestStores.freshDatabase();
        workstation = TestWorkstation.show(stage, db);
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    /** A contract on a MAC list, then a MAC update that lowers a price (seeded here, not in start, to keep start short). */
    private void seed() {
        assertThat(new PayerDirectoryService(db.transactions()).importCsv("payers.csv", new StringReader(String.join("\n",
                "payer_name,remit_payer_id,bin,pcn,group_id", "NORTHSTAR RX BENEFITS,1555555555,610502,NSRX,")))
        ).matches(r -> r.succeeded());
        ContractService contracts = new ContractService(db.transactions());
        assertThat(contracts.importPrices(PriceKind.MAC, "mac-0301.csv", new StringReader(
                "mac_list,ndc,unit_price,effective_from,effective_to\nNSRX-MAC,12345067890,0.98765,2025-01-01,\n"),
                ProgressListener.NONE).succeeded()).isTrue();
        assertThat(contracts.importContracts("northstar.csv", new StringReader("contract,payer,bin,pcn,effective_from,"
                + "brand_basis,brand_percent,brand_fee,generic_basis,generic_fee,mac_list\n"
                + "Northstar 2025,NORTHSTAR RX BENEFITS,610502,NSRX,2025-01-01,AWP,-17,1.75,MAC,1.00,NSRX-MAC\n")).succeeded())
                .isTrue();
        contracts.openNotices().forEach(n -> contracts.acknowledge(n.id()));
        assertThat(contracts.importPrices(PriceKind.MAC, "mac-0315.csv", new StringReader(
                "mac_list,ndc,unit_price,effective_from,effective_to\nNSRX-MAC,12345067890,0.90000,2025-03-15,\n"),
                ProgressListener.NONE).succeeded()).isTrue();
    }

    @Test
    void theChangeNoticeStaysUntilAcknowledged(FxRobot robot) throws TimeoutException {
        seed();
        robot.clickOn("Contracts");
        ListView<ContractRepository.Notice> notices = robot.lookup("#contractNotices").queryListView();
        waitUntil(() -> notices.getItems().size() == 1);
        assertThat(notices.getItems().get(0).subject()).isEqualTo("MAC list NSRX-MAC (mac-0315.csv): 1 price(s) moved");
        assertThat(notices.getItems().get(0).summary()).startsWith("1 NDC price(s) moved (1 lower, 0 higher), 0 NDC(s) added.");
        TableView<ContractTerms> versions = robot.lookup("#contractVersions").queryTableView();
        waitUntil(() -> versions.getItems().size() == 1);
        assertThat(versions.getItems().get(0).generic().label()).isEqualTo("MAC × qty + 1.00");

        robot.clickOn("#contractAcknowledge");

        waitUntil(() -> notices.getItems().isEmpty());
        assertThat(FxRobots.text(robot, "#contractMessage")).matches("Notice \\d+ acknowledged\\.");
        assertThat(new ContractService(db.transactions()).openNotices()).isEmpty();
        assertThat(new ContractService(db.transactions()).notices()).allMatch(n -> "clerk1".equals(n.acknowledgedBy()));
    }
}
