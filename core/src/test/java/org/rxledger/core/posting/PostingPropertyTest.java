package org.rxledger.core.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerEntry;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.ClaimReconciliation;
import org.rxledger.core.recon.ReconciliationService;
import org.rxledger.core.recon.RemitLine;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.PaymentSummary;
import org.rxledger.core.remit.ProviderAdjustment;
import org.rxledger.core.remit.Remittance;

/**
 * Random remittances against a few claims — full pays, short pays, denials, reversals of earlier payments,
 * duplicates, unknown CLP01s, PLB items, unposting and re-posting — then the invariants: Σ ledger cash =
 * Σ BPR02; each claim's paid and status follow from a model of what was remitted; each claim's ledger
 * cash equals its net paid; and every remittance entry against the receivable is cash, patient share or an
 * adjustment (nothing leaks).
 */
class PostingPropertyTest {

    @TempDir
    Path dir;

    private record ModelLine(long claimId, Money paid, boolean reversal, boolean denied) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void ledgerAndStatusesFollowFromWhatWasRemitted(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        PostingFixture f = new PostingFixture(dir);
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int cents = 500 + rnd.nextInt(30_000);
            int copay = rnd.nextInt(4) == 0 ? 0 : 100 * (1 + rnd.nextInt(20));
            claims.add(f.store(f.claim().rx(String.valueOf(7100000 + i / 2)).fill(i % 2)
                    .dateOfService(LocalDate.of(2025, 2, 1).plusDays(i * 3L)).authorization("AUTH" + seed + "X" + i)
                    .planPaid(Money.ofCents(cents).toString()).patientPay(Money.ofCents(copay).toString())));
        }
        List<ModelLine> model = new ArrayList<>();
        Map<Long, List<Money>> open = new HashMap<>(); // claim → paid amounts not yet reversed
        Money bprTotal = Money.ZERO;
        List<String> traces = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            List<ClaimPayment> lines = new ArrayList<>();
            for (int k = 0; k < 1 + rnd.nextInt(6); k++) {
                Claim c = claims.get(rnd.nextInt(claims.size()));
                String clp01 = clp01(c, rnd.nextInt(4));
                int action = rnd.nextInt(10);
                List<Money> openOfClaim = open.computeIfAbsent(c.id(), x -> new ArrayList<>());
                if (action < 4) {
                    lines.add(PostingFixture.paid(clp01, c, c.planPaid().toString()));
                    model.add(new ModelLine(c.id(), c.planPaid(), false, false));
                    openOfClaim.add(c.planPaid());
                } else if (action < 6 && c.planPaid().isGreaterThan(Money.parse("2.00"))) {
                    Money shortPaid = c.planPaid().minus(Money.ofCents(1 + rnd.nextInt(150)));
                    lines.add(PostingFixture.paid(clp01, c, shortPaid.toString()));
                    model.add(new ModelLine(c.id(), shortPaid, false, false));
                    openOfClaim.add(shortPaid);
                } else if (action == 6) {
                    lines.add(PostingFixture.denied(clp01, c, "16"));
                    model.add(new ModelLine(c.id(), Money.ZERO, false, true));
                } else if (action == 7 && !openOfClaim.isEmpty()) {
                    Money reversed = openOfClaim.remove(openOfClaim.size() - 1);
                    lines.add(PostingFixture.reversal(clp01, c, reversed.toString()));
                    model.add(new ModelLine(c.id(), reversed.negate(), true, false));
                } else if (action == 8) {
                    lines.add(RemitFixtures.unreadable(c, "4.56"));
                }
            }
            if (lines.isEmpty()) {
                continue;
            }
            List<ProviderAdjustment> plb = new ArrayList<>();
            if (rnd.nextBoolean()) {
                Claim c = claims.get(rnd.nextInt(claims.size()));
                plb.add(PostingFixture.plb("WO", c.rxNumber() + "-0" + c.fillNumber(), Money.ofCents(1 + rnd.nextInt(300)).toString()));
            }
            if (rnd.nextBoolean()) {
                plb.add(PostingFixture.plb("L6", null, Money.ofCents(-(1 + rnd.nextInt(200))).toString()));
            }
            Money total = Money.sum(lines.stream().map(ClaimPayment::paid).toList())
                    .minus(Money.sum(plb.stream().map(ProviderAdjustment::amount).toList()));
            if (total.isNegative()) {
                plb.add(PostingFixture.plb("FB", "CARRY", total.toString()));
                total = Money.ZERO;
            }
            String trace = "S" + seed + "P" + p;
            Remittance.Transaction payment = f.payment(trace, lines, plb);
            ImportOutcome outcome = f.importPayments(trace + ".835", payment);
            assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
            PaymentSummary imported = ((ImportOutcome.Imported) outcome).payments().get(0);
            if (imported.matchedCount() * 2 < imported.claimCount()) {
                // mostly unmatched: held for a clerk (AutoPostGuard), who looks and posts it
                assertThat(imported.postingHeldReason()).as("payment %s held", trace).isNotNull();
                new PostingService(f.db.transactions()).post(imported.paymentId());
            } else {
                assertThat(imported.postingHeldReason()).as("payment %s posted", trace).isNull();
            }
            bprTotal = bprTotal.plus(total);
            traces.add(trace);
            if (rnd.nextInt(3) == 0) {
                // unpost and re-post an earlier payment: everything must come back the same
                long paymentId = f.paymentId(traces.get(rnd.nextInt(traces.size())));
                new PostingService(f.db.transactions()).repost(paymentId, "property test");
            }
        }

        Money cash = f.balance(LedgerAccount.PAYER_CASH);
        assertThat(cash).as("Σ ledger cash = Σ BPR02").isEqualTo(bprTotal);

        Map<Long, List<RemitLine>> linesByClaim = new HashMap<>();
        for (ModelLine l : model) {
            linesByClaim.computeIfAbsent(l.claimId(), x -> new ArrayList<>())
                    .add(new RemitLine(LocalDate.of(2025, 3, 14), l.paid(), l.reversal(), l.denied()));
        }
        for (ReconciliationService.ClaimRecon r : new ReconciliationService(f.db.transactions()).claims()) {
            List<LedgerEntry> entries = f.db.transactions().read(tx -> tx.port(LedgerRepository.class).forClaim(r.claimId()));
            List<RemitLine> lines = new ArrayList<>(linesByClaim.getOrDefault(r.claimId(), List.of()));
            Money remitted = ClaimReconciliation.of(r.expected(), lines).paid();
            // a PLB item the posting tied to the claim is part of its net paid (docs/posting.md, "Net paid")
            Money takeback = Money.sum(entries.stream().filter(e -> RemittancePosting.SOURCE_PLB.equals(e.sourceType())
                    && e.account() != LedgerAccount.PAYER_CASH).map(LedgerEntry::amount).toList());
            if (!takeback.isZero()) {
                lines.add(new RemitLine(LocalDate.of(2025, 3, 14), takeback.negate(), takeback.isPositive(), false));
            }
            ClaimReconciliation expected = ClaimReconciliation.of(r.expected(), lines);
            assertThat(r.paid()).as("paid of claim %s", r.claimId()).isEqualTo(expected.paid());
            assertThat(r.status()).as("status of claim %s", r.claimId()).isEqualTo(expected.status());

            Money ledgerCash = sum(entries, LedgerAccount.PAYER_CASH, RemittancePosting.SOURCE_CLAIM);
            assertThat(ledgerCash).as("ledger cash of claim %s", r.claimId()).isEqualTo(remitted);
            Money receivableFromRemits = sum(entries, LedgerAccount.THIRD_PARTY_RECEIVABLE, RemittancePosting.SOURCE_CLAIM);
            Money explained = ledgerCash.plus(sum(entries, LedgerAccount.PATIENT_RECEIVABLE, RemittancePosting.SOURCE_CLAIM))
                    .plus(sum(entries, LedgerAccount.CONTRACTUAL_ADJUSTMENT, RemittancePosting.SOURCE_CLAIM))
                    .plus(sum(entries, LedgerAccount.PAYER_REDUCTION, RemittancePosting.SOURCE_CLAIM))
                    .plus(sum(entries, LedgerAccount.OTHER_ADJUSTMENT, RemittancePosting.SOURCE_CLAIM));
            assertThat(receivableFromRemits.negate()).as("receivable movements of claim %s", r.claimId()).isEqualTo(explained);
        }
    }

    private static Money sum(List<LedgerEntry> entries, LedgerAccount account, String sourceType) {
        return Money.sum(entries.stream().filter(e -> e.account() == account && sourceType.equals(e.sourceType()))
                .map(LedgerEntry::amount).toList());
    }

    private static String clp01(Claim c, int style) {
        String fill = String.format("%02d", c.fillNumber());
        return switch (style) {
            case 0 -> c.rxNumber();
            case 1 -> c.rxNumber() + "-" + fill;
            case 2 -> c.rxNumber() + fill;
            default -> c.rxNumber() + "-" + c.fillNumber();
        };
    }
}
