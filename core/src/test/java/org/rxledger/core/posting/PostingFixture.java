package org.rxledger.core.posting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.remit.Adjustment;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.ProviderAdjustment;
import org.rxledger.core.remit.Reference;
import org.rxledger.core.remit.Remittance;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.store.Database;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

/** A fresh database with the test office, claims stored through ClaimRecorder, and 835s imported with match + post. */
final class PostingFixture {

    static final RemittanceBuilder.Parties PARTIES = new RemittanceBuilder.Parties("ACME RX SOLUTIONS", "1999999999",
            "MAPLE STREET PHARMACY", "1234567893", "1234567", "123456789");
    static final String NDC = "12345067890";

    final Database db = TestDatabases.fresh();
    final TestOffice office = TestOffice.create(db.transactions());
    final Path dir;
    final RemittanceImportService imports;
    private int control = 100;

    PostingFixture(Path dir) {
        this.dir = dir;
        this.imports = new RemittanceImportService(db.transactions(), dir.resolve("archive"), new MatchAndPostStep());
    }

    ClaimBuilder claim() {
        return ClaimBuilder.aPaidClaim(office);
    }

    Claim store(ClaimBuilder b) {
        return db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, b.build(), office.payer().id()));
    }

    /** A paid claim payment for a stored claim: CO-45 and PR-3 as adjudicated, CLP07 = authorization. */
    static ClaimPayment paid(String clp01, Claim c, String paid) {
        Money charge = c.grossAmountDue();
        Money p = Money.parse(paid);
        return RemittanceBuilder.claim(clp01, "1", charge, p, c.patientPay(), c.authorizationNumber(), c.dateOfService(),
                NDC, new BigDecimal("30"), c.cardholderId(), RemittanceBuilder.contractualAndCopay(charge, p, c.patientPay()),
                List.of());
    }

    /** A paid claim payment with a chosen CLP01, CLP07 and date of service (null = not sent). */
    static ClaimPayment paid(String clp01, String clp07, LocalDate dos, Claim c, String paid) {
        Money charge = c.grossAmountDue();
        Money p = Money.parse(paid);
        return RemittanceBuilder.claim(clp01, "1", charge, p, c.patientPay(), clp07, dos, NDC, new BigDecimal("30"),
                c.cardholderId(), RemittanceBuilder.contractualAndCopay(charge, p, c.patientPay()), List.of());
    }

    static ClaimPayment reversal(String clp01, Claim c, String paid) {
        ClaimPayment orig = paid(clp01, c, paid);
        Money pr = c.patientPay().negate();
        return RemittanceBuilder.claim(clp01, "22", orig.charge().negate(), orig.paid().negate(), pr,
                c.authorizationNumber(), c.dateOfService(), NDC, new BigDecimal("30"), c.cardholderId(),
                RemittanceBuilder.negated(orig.serviceLines().get(0).adjustments()), List.of());
    }

    static ClaimPayment denied(String clp01, Claim c, String carc) {
        Money charge = c.grossAmountDue();
        List<Adjustment> adj = new ArrayList<>();
        adj.add(new Adjustment("CO", carc, charge.minus(c.patientPay()), null));
        if (!c.patientPay().isZero()) {
            adj.add(new Adjustment("PR", "3", c.patientPay(), null));
        }
        return RemittanceBuilder.claim(clp01, "1", charge, Money.ZERO, c.patientPay(), c.authorizationNumber(),
                c.dateOfService(), NDC, new BigDecimal("30"), c.cardholderId(), adj, List.of());
    }

    static ClaimPayment withF8(ClaimPayment c, String original) {
        return new ClaimPayment(c.headerNumber(), c.patientControlNumber(), c.status(), c.charge(), c.paid(),
                c.patientResponsibility(), c.filingIndicator(), c.payerClaimControlNumber(), c.facilityTypeCode(),
                c.frequencyCode(), c.adjustments(), c.names(), List.of(new Reference("F8", original)), c.dates(),
                c.amounts(), c.quantities(), c.serviceLines(), c.rawSegments());
    }

    static ProviderAdjustment plb(String code, String reference, String amount) {
        return RemittanceBuilder.plb("1234567893", LocalDate.of(2025, 12, 31), code, reference, Money.parse(amount));
    }

    Remittance.Transaction payment(String trace, List<ClaimPayment> claims, List<ProviderAdjustment> plbs) {
        return RemittanceBuilder.payment(PARTIES, trace, LocalDate.of(2025, 3, 14), control++, claims, plbs);
    }

    ImportOutcome importPayments(String name, Remittance.Transaction... payments) {
        Path file = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            RemittanceBuilder.write(List.of(payments), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportOutcome outcome = imports.importFile(file, ProgressListener.NONE, () -> false);
        if (!(outcome instanceof ImportOutcome.Imported)) {
            throw new AssertionError("import of " + name + " failed: " + outcome);
        }
        return outcome;
    }

    Money balance(long claimId, LedgerAccount account) {
        return db.transactions().read(tx -> tx.port(LedgerRepository.class).claimBalance(claimId, account));
    }

    Money balance(LedgerAccount account) {
        return db.transactions().read(tx -> tx.port(LedgerRepository.class).balance(account));
    }

    long paymentId(String trace) {
        return db.transactions().read(tx -> tx.port(RemittanceRepository.class).files().stream()
                .flatMap(f -> tx.port(RemittanceRepository.class).paymentsOfFile(f.id()).stream())
                .filter(p -> p.traceNumber().equals(trace)).findFirst().orElseThrow().id());
    }
}
