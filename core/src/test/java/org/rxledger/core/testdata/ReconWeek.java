package org.rxledger.core.testdata;

import java.io.IOException;
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
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.ProviderAdjustment;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.store.Database;
import org.rxledger.core.task.ProgressListener;

/**
 * A week of work for the reconciliation screens, workbooks and their tests, on the {@link TestOffice}: three
 * claims adjudicated — Rx 7000001 fill 1 on 2025-03-03 (plan pays 21.85), 7000002 fill 1 on 2025-03-04 (30.00)
 * and 7000003 fill 1 on 2025-01-10 (15.00) — and one ACME payment dated {@link #PAID_ON} (trace EFT0310),
 * imported with matching and posting: the first claim paid in full, the second short by 5.00, the third not
 * paid; with {@code recoupment}, a PLB WO of 3.00 too (BPR02 = 21.85 + 25.00 − 3.00).
 */
public final class ReconWeek {

    public static final LocalDate PAID_ON = LocalDate.of(2025, 3, 10);

    private ReconWeek() {
    }

    /** Records the three claims and imports the payment; returns the claims in the order above. */
    public static List<Claim> create(Database db, Path dir, boolean recoupment) {
        TestOffice office = TestOffice.create(db.transactions());
        List<Claim> claims = db.transactions().inTransaction(tx -> List.of(
                ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7000001").fill(1).authorization("AUTH1")
                        .dateOfService(LocalDate.of(2025, 3, 3)).planPaid("21.85").build(), office.payer().id()),
                ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7000002").fill(1).authorization("AUTH2")
                        .dateOfService(LocalDate.of(2025, 3, 4)).planPaid("30.00").build(), office.payer().id()),
                ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx("7000003").fill(1).authorization("AUTH3")
                        .dateOfService(LocalDate.of(2025, 1, 10)).planPaid("15.00").build(), office.payer().id())));
        List<ProviderAdjustment> plb = recoupment
                ? List.of(RemittanceBuilder.plb("1234567893", LocalDate.of(2025, 12, 31), "WO", "6901122-00", Money.parse("3.00")))
                : List.of();
        var payment = RemittanceBuilder.payment(new RemittanceBuilder.Parties("ACME RX SOLUTIONS", "1999999999",
                        "MAPLE STREET PHARMACY", "1234567893", "1234567", "123456789"), "EFT0310", PAID_ON, 7,
                List.of(paid("7000001-01", claims.get(0), "21.85"), paid("7000002-01", claims.get(1), "25.00")), plb);
        Path file = dir.resolve("acme.835");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            RemittanceBuilder.write(List.of(payment), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportOutcome outcome = new RemittanceImportService(db.transactions(), dir.resolve("archive"), new MatchAndPostStep())
                .importFile(file, ProgressListener.NONE, () -> false);
        if (!(outcome instanceof ImportOutcome.Imported)) {
            throw new AssertionError("the week's 835 did not import: " + outcome);
        }
        return claims;
    }

    /** A claim payment as adjudicated: CLP04 paid, CO-45 for the rest of the price, PR-3 the patient pay, CLP07 = authorization. */
    public static ClaimPayment paid(String clp01, Claim c, String paid) {
        Money p = Money.parse(paid);
        return RemittanceBuilder.claim(clp01, "1", c.grossAmountDue(), p, c.patientPay(), c.authorizationNumber(),
                c.dateOfService(), c.ndc(), new BigDecimal("30"), c.cardholderId(),
                RemittanceBuilder.contractualAndCopay(c.grossAmountDue(), p, c.patientPay()), List.of());
    }
}
