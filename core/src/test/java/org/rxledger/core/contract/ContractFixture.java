package org.rxledger.core.contract;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.store.Database;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

/**
 * The test office with ACME RX SOLUTIONS in the payer directory for BIN 999999 PCN TESTPCN; the office's drug
 * (NDC 12345067890) is a generic, {@link #BRAND_NDC} a brand. Every claim is 30 units, submitted 48.25 (46.50 + 1.75),
 * U&amp;C 52.00, patient pay 10.00, plan paid 21.85 at adjudication; the clock stands at 2025-03-20.
 */
public final class ContractFixture {

    public static final String GENERIC_NDC = "12345067890";
    public static final String BRAND_NDC = "00002759701";

    public final Database db = TestDatabases.fresh();
    public final TestOffice office = TestOffice.create(db.transactions());
    public final ContractService contracts = new ContractService(db.transactions());
    final Drug brand;
    private final Path dir;
    private final RemittanceImportService imports;
    private int control = 600;

    public ContractFixture(Path dir) {
        this.dir = dir;
        this.imports = new RemittanceImportService(db.transactions(), dir.resolve("archive"), new MatchAndPostStep());
        new PayerDirectoryService(db.transactions()).importCsv("directory.csv", new StringReader("""
                payer_name,remit_payer_id,bin,pcn,group_id
                ACME RX SOLUTIONS,1999999999,999999,TESTPCN,
                """));
        brand = db.transactions().inTransaction(tx -> tx.port(ReferenceRepository.class).insertDrug(new Drug(0, BRAND_NDC,
                "0002-7597-01", "BRANDOL", "10 MG", "TABLET", "30 EA", "EA", true)));
    }

    /** Stores the pharmacy's own identity, as the office setup does (printouts name it). */
    public void savePharmacy() {
        db.transactions().inTransaction(tx -> {
            tx.port(ReferenceRepository.class).savePharmacy(new Pharmacy("MAPLE STREET PHARMACY", "1234567893", "1234567",
                    "12 Maple St", "Springfield", "IL", "62701", "217-555-0100"));
            return null;
        });
    }

    /** A contract file: the header and these rows. */
    public ContractService.ImportResult importContracts(String... rows) {
        return contracts.importContracts("contracts.csv", new StringReader(
                String.join(",", ContractCsv.COLUMNS) + "\n" + String.join("\n", rows) + "\n"));
    }

    /** One ACME contract row for BIN 999999 PCN TESTPCN. */
    public static String row(String name, String from, String brand, String generic, String macList, String lesserOf,
                      String transactionFee, String postPercent, String postFlat) {
        return String.join(",", name, "ACME RX SOLUTIONS", "999999", "TESTPCN", "", from, brand, generic, macList,
                lesserOf, transactionFee, postPercent, postFlat);
    }

    public ContractService.ImportResult importPrices(PriceKind kind, String csv) {
        return contracts.importPrices(kind, kind.name().toLowerCase() + ".csv", new StringReader(csv), ProgressListener.NONE);
    }

    public Claim generic(String rx, LocalDate dos) {
        return store(ClaimBuilder.aPaidClaim(office).rx(rx).fill(1).dateOfService(dos).authorization("A" + rx));
    }

    Claim brand(String rx, LocalDate dos) {
        return store(ClaimBuilder.aPaidClaim(office).parties(office.patient().id(), office.plan().id(), "999999", "TESTPCN",
                "GRP7781", office.prescriber().id(), brand.id(), BRAND_NDC).rx(rx).fill(1).dateOfService(dos)
                .authorization("A" + rx));
    }

    Claim store(ClaimBuilder b) {
        return db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, b.build(), office.payer().id()));
    }

    /** ACME's 835 paying each claim {@code paid} (the rest contractual, the patient pay as PR). */
    public void pay(Money paid, Claim... claims) {
        List<ClaimPayment> payments = java.util.Arrays.stream(claims).map(c -> RemittanceBuilder.claim(
                c.rxNumber() + "-" + String.format("%02d", c.fillNumber()), "1", c.grossAmountDue(), paid, c.patientPay(),
                c.authorizationNumber(), c.dateOfService(), c.ndc(), new BigDecimal("30"), c.cardholderId(),
                RemittanceBuilder.contractualAndCopay(c.grossAmountDue(), paid, c.patientPay()), List.of())).toList();
        String trace = "EFT" + (++control);
        Path file = dir.resolve(trace + ".835");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            RemittanceBuilder.write(List.of(RemittanceBuilder.payment(new RemittanceBuilder.Parties("ACME RX SOLUTIONS",
                    "1999999999", "MAPLE STREET PHARMACY", "1234567893", "1234567", "123456789"), trace,
                    LocalDate.of(2025, 3, 15), control, payments, List.of())), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportOutcome outcome = imports.importFile(file, ProgressListener.NONE, () -> false);
        if (!(outcome instanceof ImportOutcome.Imported)) {
            throw new AssertionError("import of " + file.getFileName() + " failed: " + outcome);
        }
    }

    List<ContractRepository.Notice> notices() {
        return contracts.notices();
    }

    ContractCheck check(Claim c) {
        return contracts.check(c.id()).orElseThrow();
    }
}
