package org.rxledger.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.claim.ResponseStatus;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.Clp07Convention;
import org.rxledger.core.payer.DirectoryPayer;
import org.rxledger.core.payer.IdentityKind;
import org.rxledger.core.payer.PayerDirectory;
import org.rxledger.core.payer.PayerIdentity;
import org.rxledger.core.payer.Routing;
import org.rxledger.core.payer.RoutingLink;

/**
 * Issue 14's proof: pharmacy-system claim exports (BIN/PCN/group, no payer names) and PBM 835 claim payments
 * generated over every CLP01 layout (with and without the date of service), both CLP07 conventions (the NCPDP
 * authorization number, or the PBM's own claim number — learned or not yet), COB pairs (one fill adjudicated by a
 * primary and a secondary payer, different BIN/PCN and cardholder id), 835 payer names unlike the routing, a
 * directory that knows both sides, only one or neither, and near-miss decoys: same Rx other fill, same patient
 * other Rx, same DOS other Rx, reversed then rebilled, and a claim of another pharmacy (an 835 line with no claim
 * here, its Rx number one of ours). Over every generated line with exactly one true claim, at least 99 % must be
 * matched automatically, and no line may ever be matched to a claim other than its own.
 */
class RealRemittanceMatchingProperties {

    private static final String PBM = "NORTHSTAR RX BENEFITS";
    private static final String SECONDARY = "BLUE MEADOW HEALTH";
    private static final Routing PBM_ROUTING = new Routing("610502", "NSRX", "");
    private static final Routing SECONDARY_ROUTING = new Routing("004336", "BMCOB", "");
    private static final String[] LAYOUTS = {"rx", "rx-FF", "rx-F", "rxFF", "rxFF-dos", "rx-FF-dos", "rx-dos"};

    private static final AtomicLong WITH_ONE_TRUE_CLAIM = new AtomicLong();
    private static final AtomicLong AUTO_MATCHED = new AtomicLong();
    private static final AtomicLong WRONG = new AtomicLong();
    private static final AtomicLong FOREIGN = new AtomicLong();
    private static final AtomicLong FOREIGN_MATCHED = new AtomicLong();
    private static final Map<String, long[]> BY_LAYOUT = new HashMap<>();

    /** One generated 835 line: what the PBM sent, under whose payment, and the claim it truly pays (null: none here). */
    private record Line(RemittedClaim remitted, PayerContext payment, Long trueClaimId, String layout) {
    }

    @Property(tries = 300)
    void everyLineWithOneTrueClaimMatchesItOrWaitsAndNoneMatchesAnotherClaim(
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long seed,
            @ForAll @IntRange(min = 5, max = 40) int fills) {
        SplittableRandom rnd = new SplittableRandom(seed);
        World w = new World(rnd);
        for (int i = 0; i < fills; i++) {
            w.fill(i);
        }
        for (int i = 0; i < 1 + fills / 10; i++) {
            w.foreignLine();
        }
        ClaimIndex index = new ClaimIndex(w.claims);
        for (Line line : w.lines) {
            MatchDecision d = new ClaimMatcher(new Clp01Patterns(), line.payment()).match(line.remitted(), index);
            Long matched = d.matchedClaimId().orElse(null);
            if (line.trueClaimId() == null) {
                FOREIGN.incrementAndGet();
                if (matched != null) {
                    FOREIGN_MATCHED.incrementAndGet();
                }
                assertThat(matched).as("a claim of another pharmacy (%s) matched claim %s: %s", line.remitted(), matched,
                        d.reason()).isNull();
                continue;
            }
            WITH_ONE_TRUE_CLAIM.incrementAndGet();
            long[] layout;
            synchronized (BY_LAYOUT) {
                layout = BY_LAYOUT.computeIfAbsent(line.layout(), k -> new long[2]);
                layout[0]++;
            }
            if (matched != null && !matched.equals(line.trueClaimId())) {
                WRONG.incrementAndGet();
            }
            assertThat(matched == null || matched.equals(line.trueClaimId()))
                    .as("%s paid claim %s but was matched to %s: %s", line.remitted(), line.trueClaimId(), matched, d.reason())
                    .isTrue();
            if (matched != null) {
                AUTO_MATCHED.incrementAndGet();
                synchronized (BY_LAYOUT) {
                    layout[1]++;
                }
            }
        }
    }

    @AfterContainer
    static void atLeast99PercentAreMatchedAutomatically() {
        long n = WITH_ONE_TRUE_CLAIM.get();
        double rate = n == 0 ? 0 : 100.0 * AUTO_MATCHED.get() / n;
        System.out.printf("issue 14 matching property: %d lines with one true claim, %d matched automatically (%.2f %%), "
                        + "%d matched to a wrong claim; %d lines of another pharmacy, %d matched%n", n, AUTO_MATCHED.get(),
                rate, WRONG.get(), FOREIGN.get(), FOREIGN_MATCHED.get());
        BY_LAYOUT.forEach((k, v) -> System.out.printf("  CLP01 layout %-10s %6d lines, %.2f %% automatic%n", k, v[0],
                100.0 * v[1] / v[0]));
        assertThat(n).isPositive();
        assertThat(WRONG.get()).isZero();
        assertThat(FOREIGN_MATCHED.get()).isZero();
        assertThat(rate).as("share of lines with one true claim matched automatically").isGreaterThanOrEqualTo(99.0);
    }

    /** One office's claims and the 835 lines its PBMs send for them. */
    private static final class World {
        final SplittableRandom rnd;
        final List<ClaimFacts> claims = new ArrayList<>();
        final List<Line> lines = new ArrayList<>();
        final PayerContext pbmPayment;
        final PayerContext secondaryPayment;
        final boolean clp07IsAuthorization;
        long nextClaimId = 1;
        int nextRx;
        int nextMember;

        World(SplittableRandom rnd) {
            this.rnd = rnd;
            nextRx = 7_000_000 + rnd.nextInt(1_000_000);
            nextMember = rnd.nextInt(1_000_000);
            clp07IsAuthorization = rnd.nextBoolean();
            // what the directory knows: both sides, only the routings, only the 835 payers, or nothing yet
            int known = rnd.nextInt(4);
            boolean routings = known == 0 || known == 1;
            boolean identities = known == 0 || known == 2;
            DirectoryPayer pbm = new DirectoryPayer(1, PBM, null,
                    identities ? List.of(new PayerIdentity(IdentityKind.TRN03, "1555555555")) : List.of(),
                    routings ? List.of(new RoutingLink(1, 1, PBM_ROUTING, "IMPORT")) : List.of());
            DirectoryPayer secondary = new DirectoryPayer(2, SECONDARY, null,
                    identities ? List.of(new PayerIdentity(IdentityKind.NAME, SECONDARY)) : List.of(),
                    routings ? List.of(new RoutingLink(2, 2, SECONDARY_ROUTING, "IMPORT")) : List.of());
            PayerDirectory directory = new PayerDirectory(List.of(pbm, secondary), Map.of());
            // the PBM's CLP07 habit is learned, or not known yet
            Clp07Convention convention = rnd.nextBoolean() ? Clp07Convention.UNKNOWN
                    : clp07IsAuthorization ? Clp07Convention.AUTHORIZATION : Clp07Convention.PAYER_CLAIM_NUMBER;
            pbmPayment = identities ? new PayerContext(directory, pbm, convention) : new PayerContext(directory, null, convention);
            secondaryPayment = identities ? new PayerContext(directory, secondary, Clp07Convention.UNKNOWN)
                    : new PayerContext(directory, null, Clp07Convention.UNKNOWN);
        }

        String member() {
            return "M" + String.format("%08d", nextMember++);
        }

        ClaimFacts claim(String rx, int fill, LocalDate dos, String member, Routing routing, String occ, Money planPaid,
                         Lifecycle lifecycle, String ndc) {
            long id = nextClaimId++;
            Money copay = Money.ofCents(100 * (int) (id % 25));
            ClaimFacts c = new ClaimFacts(id, rx, fill, dos, "A" + String.format("%011d", id * 7919 % 100_000_000_000L),
                    member, ndc, new BigDecimal("30.000"), planPaid, copay, planPaid.plus(copay),
                    "Payer BIN " + routing.bin(), ResponseStatus.PAID, lifecycle, routing.bin(), routing.pcn(), "GRP1", occ);
            claims.add(c);
            return c;
        }

        /** One dispensed fill: its claim(s), the decoys around it, and the 835 line(s) that pay it. */
        void fill(int i) {
            String rx = String.valueOf(nextRx);
            nextRx += 1 + rnd.nextInt(50);
            int fill = rnd.nextInt(6);
            LocalDate dos = LocalDate.of(2025, 1, 2).plusDays(rnd.nextInt(80));
            String member = member();
            String ndc = String.format("%011d", 10_000_000_000L + rnd.nextInt(900_000_000));
            Money planPaid = Money.ofCents(500 + rnd.nextInt(40_000));
            String occ = rnd.nextBoolean() ? "0" : "1";
            boolean cob = rnd.nextInt(6) == 0;
            if (cob) {
                occ = rnd.nextBoolean() ? "1" : "0";
            }
            ClaimFacts primary;
            int decoy = rnd.nextInt(7);
            if (decoy == 0) {
                // reversed at the counter, then rebilled: the same fill twice, only the active one is paid
                claim(rx, fill, dos, member, PBM_ROUTING, occ, planPaid, Lifecycle.REVERSED, ndc);
                primary = claim(rx, fill, dos, member, PBM_ROUTING, occ, rnd.nextBoolean() ? planPaid
                        : planPaid.plus(Money.parse("1.25")), Lifecycle.ACTIVE, ndc);
            } else {
                primary = claim(rx, fill, dos, member, PBM_ROUTING, occ, planPaid, Lifecycle.ACTIVE, ndc);
            }
            switch (decoy) {
                case 1 -> claim(rx, fill + 1, dos.plusDays(28 + rnd.nextInt(5)), member, PBM_ROUTING, occ, planPaid,
                        Lifecycle.ACTIVE, ndc); // same Rx, next fill
                case 2 -> claim(rx, fill == 0 ? fill + 2 : fill - 1, fill == 0 ? dos.plusDays(56) : dos.minusDays(28 + rnd.nextInt(5)), member, PBM_ROUTING, occ,
                        planPaid, Lifecycle.ACTIVE, ndc); // same Rx, earlier fill
                case 3 -> claim(String.valueOf(nextRx++), fill, dos, member, PBM_ROUTING, occ, planPaid, Lifecycle.ACTIVE,
                        ndc); // same patient, another Rx, same day
                case 4 -> claim(String.valueOf(nextRx++), rnd.nextInt(3), dos, member(), PBM_ROUTING, "0", planPaid,
                        Lifecycle.ACTIVE, ndc); // same DOS, another patient's Rx
                default -> {
                }
            }
            lines.add(line(primary, pbmPayment, rnd.nextInt(10) == 0 ? "19" : "1", clp07IsAuthorization));
            if (cob) {
                // the same Rx/fill/DOS billed on to a secondary payer: other BIN/PCN, other cardholder id
                Money secondaryPaid = Money.ofCents(100 + rnd.nextInt(2_000));
                ClaimFacts second = claim(rx, fill, dos, member(), SECONDARY_ROUTING, rnd.nextBoolean() ? "2" : "0",
                        secondaryPaid, Lifecycle.ACTIVE, ndc);
                lines.add(line(second, secondaryPayment, rnd.nextInt(10) == 0 ? "20" : "2", rnd.nextBoolean()));
            }
        }

        /** An 835 line for a fill of another pharmacy that happens to carry one of our Rx numbers. */
        void foreignLine() {
            ClaimFacts ours = claims.get(rnd.nextInt(claims.size()));
            Money paid = Money.ofCents(500 + rnd.nextInt(40_000));
            Money copay = Money.ofCents(100 * rnd.nextInt(30));
            ClaimFacts theirs = new ClaimFacts(-1, ours.rx(), rnd.nextInt(6), LocalDate.of(2025, 1, 2).plusDays(rnd.nextInt(80)),
                    "X" + rnd.nextInt(1_000_000), "F" + rnd.nextInt(1_000_000),
                    String.format("%011d", 10_000_000_000L + rnd.nextInt(900_000_000)), ours.quantity(), paid, copay,
                    paid.plus(copay), null, ResponseStatus.PAID, Lifecycle.ACTIVE, null, null, null, null);
            Line l = line(theirs, pbmPayment, "1", clp07IsAuthorization);
            lines.add(new Line(l.remitted(), l.payment(), null, l.layout()));
        }

        Line line(ClaimFacts c, PayerContext payment, String clp02, boolean clp07IsAuth) {
            String layout = LAYOUTS[rnd.nextInt(LAYOUTS.length)];
            String ff = String.format("%02d", c.fill());
            String ymd = c.dateOfService().toString().replace("-", "");
            String clp01 = switch (layout) {
                case "rx" -> c.rx();
                case "rx-FF" -> c.rx() + "-" + ff;
                case "rx-F" -> c.rx() + "-" + c.fill();
                case "rxFF" -> c.rx() + ff;
                case "rxFF-dos" -> c.rx() + ff + "-" + ymd;
                case "rx-FF-dos" -> c.rx() + "-" + ff + "-" + ymd;
                default -> c.rx() + "-" + ymd;
            };
            boolean dosInClp01 = layout.endsWith("dos");
            // DTM*472/232 may be left out when CLP01 carries the date or the fill
            LocalDate dtm = (dosInClp01 || !layout.equals("rx")) && rnd.nextInt(3) == 0 ? null : c.dateOfService();
            String clp07 = clp07IsAuth ? c.authorizationNumber() : "PBM" + String.format("%09d", rnd.nextInt(1_000_000_000));
            String memberId = rnd.nextInt(25) == 0 ? null : c.cardholderId();
            boolean shortPaid = rnd.nextInt(8) == 0;
            Money paid = shortPaid ? c.planPaid().minus(Money.parse("0.50")) : c.planPaid();
            boolean lines = rnd.nextInt(4) != 0; // many PBMs leave out loop 2110 (no NDC, no quantity)
            RemittedClaim r = new RemittedClaim(payment.remitPayer() == null ? (payment == pbmPayment ? PBM : SECONDARY)
                    : payment.remitPayer().name(), clp01, clp02, clp07, dtm, memberId, lines ? c.ndc() : null,
                    lines ? new BigDecimal("30") : null, c.grossAmountDue(), paid, c.patientPay());
            return new Line(r, payment, c.claimId(), layout);
        }
    }
}
