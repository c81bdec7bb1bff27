package org.rxledger.core.collections;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.MatchingService;
import org.rxledger.core.remit.Adjustment;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.ClaimBuilder;

/**
 * Claims a plan owes on and real 835s about them, imported and matched but not posted (a review-first payer), so a
 * test decides when each payment is posted: the third-party write-off tests and properties share it.
 */
final class ClaimRemittances {

    static final LocalDate DOS = LocalDate.of(2024, 9, 1);
    static final LocalDate PAID_ON = LocalDate.of(2024, 10, 1);
    private static final RemittanceBuilder.Parties PARTIES = new RemittanceBuilder.Parties("ACME RX SOLUTIONS",
            "1999999999", "MAPLE STREET PHARMACY", "1234567893", "1234567", "123456789");

    private final CollectionsFixture f;
    private final Path dir;
    private int rx = 7200000;
    private int control = 100;

    ClaimRemittances(CollectionsFixture f, Path dir) {
        this.f = f;
        this.dir = dir;
    }

    /** A claim the plan adjudicated to pay {@code planPaid}, with nothing remitted or posted yet. */
    Claim claim(String planPaid) {
        int n = rx++;
        return f.db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(f.office)
                .rx(String.valueOf(n)).fill(0).dateOfService(DOS).authorization("A" + n).planPaid(planPaid)
                .patientPay("0.00").build(), f.office.payer().id()));
    }

    static ClaimPayment paid(Claim c, String paid) {
        Money charge = c.grossAmountDue();
        Money p = Money.parse(paid);
        return RemittanceBuilder.claim(c.rxNumber() + "-00", "1", charge, p, c.patientPay(), c.authorizationNumber(),
                c.dateOfService(), "12345067890", new BigDecimal("30"), c.cardholderId(),
                RemittanceBuilder.contractualAndCopay(charge, p, c.patientPay()), List.of());
    }

    static ClaimPayment denied(Claim c) {
        Money charge = c.grossAmountDue();
        return RemittanceBuilder.claim(c.rxNumber() + "-00", "1", charge, Money.ZERO, Money.ZERO, c.authorizationNumber(),
                c.dateOfService(), "12345067890", new BigDecimal("30"), c.cardholderId(),
                List.of(new Adjustment("CO", "16", charge, null)), List.of());
    }

    /** Imports an 835 paid on {@link #PAID_ON} and matches it, unposted; returns its payment id. */
    long remit(ClaimPayment... claims) {
        Path file = dir.resolve("p" + control + ".835");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            RemittanceBuilder.write(List.of(RemittanceBuilder.payment(PARTIES, "T" + control, PAID_ON, control++,
                    List.of(claims), List.of())), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RemittanceImportService imports = new RemittanceImportService(f.db.transactions(), dir.resolve("archive"),
                (tx, imported) -> imported.paymentIds().forEach(id -> MatchingService.matchPayment(tx, id)));
        ImportOutcome outcome = imports.importFile(file, ProgressListener.NONE, () -> false);
        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
        return ((ImportOutcome.Imported) outcome).payments().get(0).paymentId();
    }

    Money balance(Claim c, LedgerAccount account) {
        return f.db.transactions().read(tx -> tx.port(LedgerRepository.class).claimBalance(c.id(), account));
    }

    Money receivable(Claim c) {
        return balance(c, LedgerAccount.THIRD_PARTY_RECEIVABLE);
    }
}
