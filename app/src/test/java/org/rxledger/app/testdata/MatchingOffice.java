package org.rxledger.app.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.rxledger.app.AppContext;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.ledger.PostingMode;
import org.rxledger.core.matching.PayerRemitSettings;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.MatchingService;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.Remittance;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestOffice;

/**
 * An office with three stored claims and two imported payments from ACME RX SOLUTIONS, through the real
 * import (match + post):
 * <ul>
 *   <li>{@code EFT100} (automatic, posted): CLP01 {@code 7001500-00} matches Rx 7001500 fill 0 clearly;
 *       CLP01 {@code 7001234} (Rx only, no date, no CLP07) fits fills 1 and 2 alike: needs review;</li>
 *   <li>{@code EFT200} (imported after the payer was set to review first, not posted): {@code 7001234-02}.</li>
 * </ul>
 */
public record MatchingOffice(TestOffice office, Claim fill1, Claim fill2, Claim other) {

    public static final String PAYER = "ACME RX SOLUTIONS";
    static final RemittanceBuilder.Parties PARTIES = new RemittanceBuilder.Parties(PAYER, "1999999999",
            "MAPLE STREET PHARMACY", "1234567893", "1234567", "123456789");
    private static final LocalDate DOS = LocalDate.of(2025, 3, 3);

    public static MatchingOffice create(AppContext ctx, Path dir) {
        TestOffice office = TestOffice.create(ctx.transactions());
        Claim fill1 = store(ctx, office, ClaimBuilder.aPaidClaim(office).fill(1).dateOfService(DOS).authorization("A1"));
        Claim fill2 = store(ctx, office, ClaimBuilder.aPaidClaim(office).fill(2).dateOfService(DOS.plusDays(1)).authorization("A2"));
        Claim other = store(ctx, office, ClaimBuilder.aPaidClaim(office).rx("7001500").fill(0).dateOfService(DOS.plusDays(2))
                .authorization("A3"));
        importFile(ctx, dir, "eft100.835", payment(PARTIES, "EFT100", 1, List.of(
                paid("7001500-00", other.authorizationNumber(), other.dateOfService(), other, "21.85"),
                paid("7001234", null, null, fill1, "21.85"))));
        new MatchingService(ctx.transactions()).saveSettings(new PayerRemitSettings(PAYER, PostingMode.REVIEW_FIRST, List.of()));
        importFile(ctx, dir, "eft200.835", payment(PARTIES, "EFT200", 2, List.of(
                paid("7001234-02", fill2.authorizationNumber(), fill2.dateOfService(), fill2, "21.85"))));
        return new MatchingOffice(office, fill1, fill2, other);
    }

    private static Claim store(AppContext ctx, TestOffice office, ClaimBuilder b) {
        return ctx.transactions().inTransaction(tx -> ClaimRecorder.record(tx, b.build(), office.payer().id()));
    }

    /** A paid claim payment (CO-45 and PR-3 as adjudicated); CLP07 and date of service as given (null = not sent). */
    public static ClaimPayment paid(String clp01, String clp07, LocalDate dos, Claim c, String paid) {
        Money charge = c.grossAmountDue();
        Money p = Money.parse(paid);
        return RemittanceBuilder.claim(clp01, "1", charge, p, c.patientPay(), clp07, dos, c.ndc(), new BigDecimal("30"),
                c.cardholderId(), RemittanceBuilder.contractualAndCopay(charge, p, c.patientPay()), List.of());
    }

    public static Remittance.Transaction payment(RemittanceBuilder.Parties parties, String trace, int control,
                                                 List<ClaimPayment> claims) {
        return RemittanceBuilder.payment(parties, trace, LocalDate.of(2025, 3, 14), control, claims, List.of());
    }

    public static RemittanceBuilder.Parties parties(String payer) {
        return new RemittanceBuilder.Parties(payer, "1888888888", "MAPLE STREET PHARMACY", "1234567893", "1234567",
                "123456789");
    }

    public static void importFile(AppContext ctx, Path dir, String name, Remittance.Transaction payment) {
        Path file = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            RemittanceBuilder.write(List.of(payment), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportOutcome outcome = ctx.remittanceImports().importFile(file, ProgressListener.NONE, () -> false);
        if (!(outcome instanceof ImportOutcome.Imported)) {
            throw new AssertionError("import of " + name + " failed: " + outcome.message());
        }
    }
}
