package org.rxledger.core.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.core.collections.CollectionsFixture.ADMIN;
import static org.rxledger.core.collections.CollectionsFixture.CLERK;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;
import org.rxledger.core.posting.PostingService;
import org.rxledger.core.remit.ClaimPayment;

/**
 * On a real H2, random sequences of 835s arriving, being posted and unposted, third-party write-offs recommended,
 * approved, rejected and reversed (ADR 0035): after every step each claim's receivable is what a simple model says —
 * E while nothing is posted, 0 once posted, less an approved write-off not taken back — so it is never negative and
 * no amount is both posted and written off; the contractual adjustments hold each amount once; the recommendations
 * are exactly the rules' (never a second write-off of a written-off claim, never more than the receivable), and no
 * patient share is recommended while its plan still owes on the fill.
 */
class ClaimWriteOffProperties {

    private static final LocalDate AS_OF = ClaimRemittances.PAID_ON.plusDays(400);
    private static final Money RESIDUE_MAX = Money.parse("1.00");

    private enum Outcome { NONE, FULL, SHORT, DENIED }

    /** The model of one claim. */
    private static final class Model {
        final Claim claim;
        final Outcome outcome;
        final Money paid;
        Long payment;
        boolean posted;
        WriteOff active;

        Model(Claim claim, Outcome outcome, Money paid) {
            this.claim = claim;
            this.outcome = outcome;
            this.paid = paid;
        }

        Money plan() {
            return claim.planPaid();
        }

        Money writtenOff() {
            return active == null ? Money.ZERO : active.amount();
        }

        Money receivable() {
            return (posted ? Money.ZERO : plan()).minus(writtenOff());
        }

        Money contractual() {
            return (posted ? plan().minus(paid) : Money.ZERO).plus(writtenOff());
        }

        /** The claim write-off the rules of issue 18 give as of {@link #AS_OF}, or null. */
        WriteOffKind expectedKind() {
            if (posted || active != null) {
                return null;
            }
            if (payment == null) {
                return WriteOffKind.NEVER_PAID;
            }
            return switch (outcome) {
                case DENIED -> WriteOffKind.DENIAL_FINAL;
                case SHORT -> plan().minus(paid).isGreaterThan(RESIDUE_MAX) ? null : WriteOffKind.SHORT_PAY_RESIDUE;
                default -> null;
            };
        }

        ClaimPayment remittance() {
            return outcome == Outcome.DENIED ? ClaimRemittances.denied(claim) : ClaimRemittances.paid(claim, paid.toString());
        }
    }

    @Property(tries = 10)
    void theClaimReceivableIsNeverNegativeAndEveryAmountIsCountedOnce(
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Path dir = Files.createTempDirectory("claim-write-offs");
        try (CollectionsFixture f = new CollectionsFixture()) {
            ClaimRemittances remittances = new ClaimRemittances(f, dir);
            PostingService posting = new PostingService(f.db.transactions());
            List<Model> claims = new ArrayList<>();
            // one fill whose copay is on the patient's account while its plan owes, with its dunning done
            Claim copay = f.fill(ClaimRemittances.DOS, "4.00", true);
            claims.add(model(random, copay, Outcome.DENIED.ordinal()));
            f.statements(ClaimRemittances.DOS.plusDays(10), 4);
            for (int i = random.nextInt(1, 4); i > 0; i--) {
                claims.add(model(random, remittances.claim(Money.ofCents(random.nextLong(500, 40_000)).toString()),
                        Outcome.values().length));
            }
            Money patient = f.ledger(LedgerAccount.PATIENT_RECEIVABLE);
            for (int step = random.nextInt(6, 15); step > 0; step--) {
                Model m = claims.get(random.nextInt(claims.size()));
                List<Runnable> possible = new ArrayList<>();
                if (m.outcome != Outcome.NONE && m.payment == null) {
                    possible.add(() -> m.payment = remittances.remit(m.remittance()));
                }
                if (m.payment != null && !m.posted) {
                    possible.add(() -> {
                        Statistics.label("a posting takes a write-off back").collect(m.active != null);
                        posting.post(m.payment);
                        m.posted = true;
                        m.active = null;
                    });
                }
                if (m.posted) {
                    possible.add(() -> {
                        posting.unpost(m.payment, "property");
                        m.posted = false;
                        m.active = null;
                    });
                }
                if (m.active != null) {
                    possible.add(() -> {
                        f.writeOffs.reverse(ADMIN, m.active.id(), "approved in error");
                        m.active = null;
                    });
                }
                int pick = random.nextInt(possible.size() + 1);
                if (pick == possible.size()) {
                    patient = patient.minus(recommendAndDecide(f, remittances, claims, random));
                } else {
                    possible.get(pick).run();
                }
                for (Model c : claims) {
                    Money receivable = remittances.receivable(c.claim);
                    assertThat(receivable).as("receivable of Rx %s", c.claim.rxNumber()).isEqualTo(c.receivable());
                    assertThat(receivable.isNegative()).isFalse();
                    assertThat(remittances.balance(c.claim, LedgerAccount.CONTRACTUAL_ADJUSTMENT))
                            .as("contractual of Rx %s", c.claim.rxNumber()).isEqualTo(c.contractual());
                }
                assertThat(f.ledger(LedgerAccount.THIRD_PARTY_RECEIVABLE))
                        .isEqualTo(Money.sum(claims.stream().map(Model::receivable).toList()));
                assertThat(f.ledger(LedgerAccount.PATIENT_RECEIVABLE)).isEqualTo(patient);
            }
        } finally {
            delete(dir);
        }
    }

    /** A claim's outcome among the first {@code outcomes} (a denial would also move a copay off the account). */
    private static Model model(SplittableRandom random, Claim c, int outcomes) {
        Outcome outcome = Outcome.values()[random.nextInt(outcomes)];
        Money paid = switch (outcome) {
            case FULL -> c.planPaid();
            case SHORT -> c.planPaid().minus(Money.ofCents(random.nextLong(1, 151)));
            default -> Money.ZERO;
        };
        return new Model(c, outcome, paid);
    }

    /** One run of the rules, checked against the model, each recommendation approved or rejected; the patient total written off. */
    private static Money recommendAndDecide(CollectionsFixture f, ClaimRemittances remittances, List<Model> claims,
                                            SplittableRandom random) {
        Map<Long, Model> byClaim = new HashMap<>();
        claims.forEach(m -> byClaim.put(m.claim.id(), m));
        List<WriteOff> created = f.writeOffs.recommend(CLERK, AS_OF).created();
        Money patient = Money.ZERO;
        for (Model m : claims) {
            assertThat(created.stream().filter(w -> w.kind().claimScope() && w.items().get(0).claimId() == m.claim.id())
                    .map(WriteOff::kind).toList()).as("claim write-offs of Rx %s", m.claim.rxNumber())
                    .isEqualTo(m.expectedKind() == null ? List.of() : List.of(m.expectedKind()));
        }
        for (WriteOff w : created) {
            if (w.kind().claimScope()) {
                Model m = byClaim.get(w.items().get(0).claimId());
                assertThat(w.amount()).isEqualTo(w.kind() == WriteOffKind.SHORT_PAY_RESIDUE ? m.plan().minus(m.paid) : m.plan());
                assertThat(w.amount().isGreaterThan(remittances.receivable(m.claim))).isFalse();
                if (random.nextInt(4) > 0) {
                    m.active = f.writeOffs.approve(ADMIN, w.id());
                } else {
                    f.writeOffs.reject(ADMIN, w.id(), "appeal filed");
                }
            } else {
                for (WriteOff.Item i : w.items()) {
                    assertThat(remittances.receivable(byClaim.get(i.claimId()).claim).isPositive())
                            .as("a patient share while the plan still owes").isFalse();
                }
                f.writeOffs.approve(ADMIN, w.id());
                patient = patient.plus(w.amount());
            }
        }
        return patient;
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
