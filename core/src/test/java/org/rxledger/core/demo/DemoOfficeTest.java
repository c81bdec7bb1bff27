package org.rxledger.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import java.util.EnumMap;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimField;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.claim.ClaimRules;
import org.rxledger.core.claim.ClaimStatus;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.claim.ResponseStatus;
import org.rxledger.core.id.Dea;
import org.rxledger.core.id.Ndc;
import org.rxledger.core.id.Npi;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.DirectoryPayer;
import org.rxledger.core.payer.PayerDirectory;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.reference.CodeTables;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Prescriber;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.access.Actor;
import org.rxledger.core.store.Database;
import org.rxledger.core.tx.Transactions;

/** One demo office on real H2 shared by the read-only checks; determinism builds a second one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoOfficeTest {

    private static final LocalDate END = LocalDate.of(2025, 3, 31);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T12:00:00Z"), ZoneOffset.UTC);
    private static final long SEED = 42L;

    private Database db;
    private Transactions tx;
    private DemoOffice.Summary summary;
    private List<Claim> claims;
    private long elapsedMillis;
    private boolean emptyBefore;

    @BeforeAll
    void createOffice() {
        db = Database.inMemory("demo-" + UUID.randomUUID(), new Actor("tester", "test-ws"), CLOCK);
        tx = db.transactions();
        emptyBefore = DemoOffice.isEmpty(tx);
        long started = System.nanoTime();
        summary = DemoOffice.create(tx, END, SEED);
        elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        claims = tx.read(t -> t.port(ClaimRepository.class).all());
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void comesWithItsPayerDirectoryEveryClaimResolvingToItsPayer() {
        PayerDirectory directory = tx.read(PayerDirectoryService::read);
        assertThat(directory.active()).hasSize(summary.payers());
        tx.read(t -> {
            Map<Long, String> payerOfPlan = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            t.port(ReferenceRepository.class).payers().forEach(p -> names.put(p.id(), p.name()));
            t.port(ReferenceRepository.class).plans().forEach(p -> payerOfPlan.put(p.id(), names.get(p.payerId())));
            for (Claim c : claims) {
                assertThat(directory.forRouting(c.bin(), c.pcn(), c.groupId()).map(DirectoryPayer::name))
                        .as("claim %d (%s)", c.id(), c.bin()).contains(payerOfPlan.get(c.planId()));
            }
            t.port(ReferenceRepository.class).payers().forEach(p -> assertThat(directory.forPayment(p.payerIdentifier(), null, "other name")
                    .map(DirectoryPayer::name)).contains(p.name()));
            return null;
        });
    }

    @Test
    void theSameSeedGivesTheSameOffice() {
        try (Database other = Database.inMemory("demo-" + UUID.randomUUID(), new Actor("tester", "test-ws"), CLOCK)) {
            DemoOffice.Summary again = DemoOffice.create(other.transactions(), END, SEED);
            List<Claim> otherClaims = other.transactions().read(t -> t.port(ClaimRepository.class).all());

            assertThat(again).isEqualTo(summary);
            assertThat(otherClaims).extracting(Claim::uuid, Claim::rxNumber, Claim::fillNumber, Claim::dateOfService,
                            Claim::planPaid, Claim::patientPay, Claim::authorizationNumber, Claim::lifecycle)
                    .containsExactlyElementsOf(claims.stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.uuid(), c.rxNumber(),
                            c.fillNumber(), c.dateOfService(), c.planPaid(), c.patientPay(), c.authorizationNumber(), c.lifecycle())).toList());
        }
    }

    @Test
    void aDifferentSeedGivesDifferentData() {
        try (Database other = Database.inMemory("demo-" + UUID.randomUUID(), new Actor("tester", "test-ws"), CLOCK)) {
            DemoOffice.Summary different = DemoOffice.create(other.transactions(), END, SEED + 1);

            assertThat(different.planPaidTotal()).isNotEqualTo(summary.planPaidTotal());
        }
    }

    @Test
    void createsAnOfficeOfTheExpectedSizeQuickly() {
        assertThat(emptyBefore).isTrue();
        assertThat(DemoOffice.isEmpty(tx)).isFalse();
        assertThat(summary.payers()).isEqualTo(4);
        assertThat(summary.plans()).isEqualTo(8);
        assertThat(summary.patients()).isEqualTo(300);
        assertThat(summary.prescribers()).isEqualTo(40);
        assertThat(summary.drugs()).isBetween(140, 160);
        assertThat(summary.claims()).isBetween(3000, 3100).isEqualTo(claims.size());
        assertThat(summary.rejectedClaims()).isBetween((int) (claims.size() * 0.06), (int) (claims.size() * 0.10));
        assertThat(summary.reversedClaims()).isBetween((int) (claims.size() * 0.02), (int) (claims.size() * 0.045));
        assertThat(summary.paidClaims() + summary.rejectedClaims() + summary.reversedClaims()).isEqualTo(summary.claims());
        assertThat(summary.firstDateOfService()).isAfterOrEqualTo(END.minusDays(89));
        assertThat(summary.lastDateOfService()).isBeforeOrEqualTo(END);
        assertThat(claims).allSatisfy(c -> assertThat(c.dateOfService()).isBetween(END.minusDays(89), END));
        // a few seconds on a 2-core machine (one transaction, ~12k statements)
        assertThat(elapsedMillis).isLessThan(20_000);
    }

    @Test
    void refusesToCreateASecondOfficeOverExistingData() {
        assertThatThrownBy(() -> DemoOffice.create(tx, END, SEED))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty database");
    }

    @Test
    void everyIdentifierIsValid() {
        tx.read(t -> {
            Pharmacy pharmacy = t.port(ReferenceRepository.class).pharmacy().orElseThrow();
            assertThat(Npi.isValid(pharmacy.npi())).isTrue();
            assertThat(pharmacy.ncpdpId()).matches("\\d{7}");
            assertThat(t.port(ReferenceRepository.class).prescribers()).hasSize(40).allSatisfy(p -> {
                assertThat(Npi.problem(p.npi())).isNull();
                assertThat(Dea.problem(p.dea())).isNull();
                assertThat(p.dea().charAt(1)).isEqualTo(p.lastName().charAt(0));
            });
            List<Drug> drugs = t.port(ReferenceRepository.class).drugs();
            assertThat(drugs).allSatisfy(d -> {
                assertThat(Ndc.problem(d.ndc())).isNull();
                assertThat(Ndc.parse(d.ndcNative()).billing()).isEqualTo(d.ndc());
            });
            Set<String> layouts = drugs.stream().map(d -> d.ndcNative().split("-"))
                    .map(p -> p[0].length() + "-" + p[1].length() + "-" + p[2].length()).collect(Collectors.toSet());
            assertThat(layouts).containsExactlyInAnyOrder("4-4-2", "5-3-2", "5-4-1");
            assertThat(drugs).anyMatch(Drug::brand).anyMatch(d -> !d.brand());
            assertThat(t.port(ReferenceRepository.class).plans()).allSatisfy(p -> assertThat(p.bin()).matches("\\d{6}"));
            return null;
        });
        Set<String> drugNdcs = tx.read(t -> t.port(ReferenceRepository.class).drugs().stream().map(Drug::ndc).collect(Collectors.toSet()));
        assertThat(claims).allSatisfy(c -> {
            assertThat(c.rxNumber()).matches("\\d{7}");
            assertThat(drugNdcs).contains(c.ndc());
        });
    }

    @Test
    void paidClaimsAreInternallyConsistent() {
        List<Claim> paid = claims.stream().filter(c -> c.responseStatus() == ResponseStatus.PAID).toList();
        assertThat(paid).allSatisfy(c -> {
            assertThat(c.grossAmountDue()).isEqualTo(c.ingredientCostSubmitted().plus(c.dispensingFeeSubmitted()));
            Money allowed = c.planPaid().plus(c.patientPay());
            assertThat(allowed).isLessThanOrEqualTo(c.grossAmountDue()).isLessThanOrEqualTo(c.usualAndCustomary());
            assertThat(allowed).isEqualTo(c.ingredientCostPaid().plus(c.dispensingFeePaid()));
            assertThat(c.planPaid().isNegative()).isFalse();
            assertThat(c.patientPay().isNegative()).isFalse();
            assertThat(c.rejectCodes()).isEmpty();
            assertThat(c.quantity()).isPositive();
            assertThat(c.daysSupply()).isBetween(1, 999);
            assertThat(c.dateWritten()).isBeforeOrEqualTo(c.dateOfService());
            assertThat(c.dateWritten()).isAfter(c.dateOfService().minusYears(1));
        });
        assertThat(paid).extracting(Claim::authorizationNumber).doesNotHaveDuplicates().doesNotContainNull();
        long usAboveGross = paid.stream().filter(c -> !c.usualAndCustomary().isLessThan(c.grossAmountDue())).count();
        assertThat(usAboveGross).isGreaterThan(paid.size() * 8L / 10);
        Map<String, Long> daw = claims.stream().collect(Collectors.groupingBy(Claim::daw, Collectors.counting()));
        assertThat(daw.get("0")).isGreaterThan(claims.size() * 85L / 100);
        assertThat(daw).containsKeys("1", "2");
        assertThat(claims).anyMatch(Claim::patientPayCollected).anyMatch(c -> !c.patientPayCollected() && c.patientPay().isPositive());
        assertThat(claims).anyMatch(c -> c.quantity().stripTrailingZeros().scale() > 0);
    }

    @Test
    void rejectedClaimsCarryKnownCodesAndPayNothing() {
        List<Claim> rejected = claims.stream().filter(c -> c.responseStatus() == ResponseStatus.REJECTED).toList();
        assertThat(rejected).isNotEmpty().allSatisfy(c -> {
            assertThat(c.rejectCodes()).hasSizeBetween(1, 3)
                    .allSatisfy(code -> assertThat(CodeTables.standard().rejectCodes().contains(code)).isTrue());
            assertThat(c.planPaid()).isEqualTo(Money.ZERO);
            assertThat(c.patientPay()).isEqualTo(Money.ZERO);
            assertThat(c.status()).isEqualTo(ClaimStatus.REJECTED);
        });
        assertThat(rejected).anyMatch(c -> c.rejectCodes().size() > 1);
    }

    @Test
    void refillsOfAnRxIncrementTheFillNumberAndAreSpacedByDaysSupply() {
        Map<String, List<Claim>> byRx = claims.stream().filter(c -> c.responseStatus() == ResponseStatus.PAID)
                .collect(Collectors.groupingBy(Claim::rxNumber));
        long refilled = byRx.values().stream().filter(l -> l.size() > 1).count();
        assertThat(refilled).isGreaterThan(200);
        byRx.values().forEach(list -> {
            List<Claim> sorted = list.stream().sorted(Comparator.comparing(Claim::dateOfService)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                Claim prev = sorted.get(i - 1);
                Claim next = sorted.get(i);
                assertThat(next.fillNumber()).isEqualTo(prev.fillNumber() + 1);
                assertThat(next.dateOfService()).isAfterOrEqualTo(prev.dateOfService().plusDays(prev.daysSupply() - 4L));
                assertThat(next.patientId()).isEqualTo(prev.patientId());
                assertThat(next.ndc()).isEqualTo(prev.ndc());
            }
        });
    }

    @Test
    void everyPaidClaimsLedgerMatchesItsAdjudicationAndReversedClaimsNetToZero() {
        Map<Long, Map<LedgerAccount, BigDecimal>> balances = new HashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT claim_id, account, SUM(amount) AS total FROM ledger_entry GROUP BY claim_id, account")
                .map((rs, ctx) -> {
                    balances.computeIfAbsent(rs.getLong("claim_id"), k -> new HashMap<>())
                            .put(LedgerAccount.valueOf(rs.getString("account")), rs.getBigDecimal("total"));
                    return null;
                }).list());
        for (Claim c : claims) {
            Map<LedgerAccount, BigDecimal> b = balances.getOrDefault(c.id(), Map.of());
            if (c.lifecycle() == Lifecycle.REVERSED || c.responseStatus() == ResponseStatus.REJECTED) {
                assertThat(b.values()).as("claim %d", c.id()).allSatisfy(v -> assertThat(v).isZero());
                continue;
            }
            assertThat(money(b, LedgerAccount.THIRD_PARTY_RECEIVABLE)).as("TP A/R of claim %d", c.id()).isEqualTo(c.planPaid());
            LedgerAccount patientSide = c.patientPayCollected() ? LedgerAccount.COUNTER_CASH : LedgerAccount.PATIENT_RECEIVABLE;
            assertThat(money(b, patientSide)).isEqualTo(c.patientPay());
            assertThat(money(b, LedgerAccount.PRESCRIPTION_SALES)).isEqualTo(c.planPaid().plus(c.patientPay()).negate());
        }
        Money tpAr = tx.read(t -> t.port(LedgerRepository.class).balance(LedgerAccount.THIRD_PARTY_RECEIVABLE));
        assertThat(tpAr).isEqualTo(summary.planPaidTotal());
        assertThat(Money.sum(tx.read(t -> t.port(LedgerRepository.class).trialBalance()).values())).isEqualTo(Money.ZERO);
        List<Claim> reversed = claims.stream().filter(c -> c.lifecycle() == Lifecycle.REVERSED).toList();
        assertThat(reversed).hasSize(summary.reversedClaims()).allSatisfy(c -> assertThat(c.responseStatus()).isEqualTo(ResponseStatus.PAID));
        assertThat(reversed).allSatisfy(c -> assertThat(balances.get(c.id())).isNotEmpty());
    }

    @Test
    void describesRemittancesThatPayEachPaidClaimOnceInCompleteCycles() {
        List<DemoOffice.RemittanceDescription> remits = tx.read(t -> DemoOffice.describeRemittances(t, END));

        assertThat(remits).isNotEmpty();
        assertThat(remits).extracting(DemoOffice.RemittanceDescription::payerId).doesNotContainNull();
        assertThat(remits).extracting(DemoOffice.RemittanceDescription::traceNumber).doesNotHaveDuplicates();
        Set<Long> paidIds = new HashSet<>();
        Map<Long, Claim> byId = claims.stream().collect(Collectors.toMap(Claim::id, c -> c));
        for (DemoOffice.RemittanceDescription r : remits) {
            assertThat(r.paymentDate()).isBeforeOrEqualTo(END);
            assertThat(r.total()).isEqualTo(Money.sum(r.claims().stream().map(DemoOffice.ClaimPaymentDescription::paid).toList()));
            for (DemoOffice.ClaimPaymentDescription line : r.claims()) {
                assertThat(paidIds.add(line.claimId())).isTrue();
                Claim c = byId.get(line.claimId());
                assertThat(c.status()).isEqualTo(ClaimStatus.PAID);
                assertThat(c.dateOfService()).isBetween(r.cycleStart(), r.cycleEnd());
                assertThat(line.paid()).isEqualTo(c.planPaid());
                assertThat(line.charged()).isEqualTo(line.allowed().plus(line.contractualAdjustment()));
                assertThat(line.allowed()).isEqualTo(line.paid().plus(line.patientResponsibility()));
            }
        }
        // claims adjudicated in the last cycles are not paid yet
        assertThat(paidIds.size()).isLessThan(summary.paidClaims()).isGreaterThan(summary.paidClaims() / 2);
        assertThat(remits.stream().map(DemoOffice.RemittanceDescription::payerName).distinct().count()).isEqualTo(4);
        assertThat(remits).allSatisfy(r -> assertThat(Objects.requireNonNull(r.payerIdentifier())).matches("1\\d{9}"));
    }

    @Test
    void everyDemoClaimPassesTheClaimRules() {
        ClaimRules rules = new ClaimRules(CLOCK);
        Map<Long, Patient> patients = new HashMap<>();
        Map<Long, Prescriber> prescribers = new HashMap<>();
        tx.read(t -> {
            t.port(ReferenceRepository.class).patients().forEach(p -> patients.put(p.id(), p));
            t.port(ReferenceRepository.class).prescribers().forEach(p -> prescribers.put(p.id(), p));
            return null;
        });
        for (Claim c : claims) {
            Map<ClaimField, String> v = new EnumMap<>(ClaimField.class);
            Patient p = patients.get(c.patientId());
            v.put(ClaimField.RX_NUMBER, c.rxNumber());
            v.put(ClaimField.FILL_NUMBER, String.valueOf(c.fillNumber()));
            v.put(ClaimField.DATE_OF_SERVICE, c.dateOfService().toString());
            v.put(ClaimField.DATE_WRITTEN, c.dateWritten().toString());
            v.put(ClaimField.BIN, c.bin());
            v.put(ClaimField.PCN, c.pcn());
            v.put(ClaimField.GROUP_ID, c.groupId());
            v.put(ClaimField.CARDHOLDER_ID, c.cardholderId());
            v.put(ClaimField.PERSON_CODE, c.personCode());
            v.put(ClaimField.PATIENT_FIRST_NAME, p.firstName());
            v.put(ClaimField.PATIENT_LAST_NAME, p.lastName());
            v.put(ClaimField.PATIENT_DOB, p.dateOfBirth().toString());
            v.put(ClaimField.NDC, c.ndc());
            v.put(ClaimField.QUANTITY, c.quantity().toPlainString());
            v.put(ClaimField.DAYS_SUPPLY, String.valueOf(c.daysSupply()));
            v.put(ClaimField.DAW, c.daw());
            v.put(ClaimField.PRESCRIBER_NPI, prescribers.get(c.prescriberId()).npi());
            v.put(ClaimField.INGREDIENT_COST_SUBMITTED, c.ingredientCostSubmitted().toString());
            v.put(ClaimField.DISPENSING_FEE_SUBMITTED, c.dispensingFeeSubmitted().toString());
            v.put(ClaimField.USUAL_AND_CUSTOMARY, c.usualAndCustomary().toString());
            v.put(ClaimField.GROSS_AMOUNT_DUE, c.grossAmountDue().toString());
            v.put(ClaimField.PATIENT_PAY_AMOUNT, c.patientPay().toString());
            v.put(ClaimField.PLAN_PAID_AMOUNT, c.planPaid().toString());
            v.put(ClaimField.AUTHORIZATION_NUMBER, c.authorizationNumber() == null ? "" : c.authorizationNumber());
            v.put(ClaimField.RESPONSE_STATUS, String.valueOf(c.responseStatus().code()));
            v.put(ClaimField.REJECT_CODES, String.join(",", c.rejectCodes()));

            assertThat(rules.validate(v).problems()).as("claim %s", c.rxFill()).isEmpty();
        }
    }

    @Test
    void refusesAnEndDateInTheFuture() {
        try (Database other = Database.inMemory("demo-" + UUID.randomUUID(), new Actor("tester", "test-ws"), CLOCK)) {
            assertThatThrownBy(() -> DemoOffice.create(other.transactions(), LocalDate.of(2025, 4, 2), SEED))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after today");
            assertThat(DemoOffice.isEmpty(other.transactions())).isTrue();
        }
    }

    private static Money money(Map<LedgerAccount, BigDecimal> balances, LedgerAccount account) {
        BigDecimal v = balances.get(account);
        return v == null ? Money.ZERO : Money.of(v);
    }
}
