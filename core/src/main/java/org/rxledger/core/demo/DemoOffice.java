package org.rxledger.core.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.rxledger.core.claim.Channel;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.claim.ClaimReversals;
import org.rxledger.core.claim.ClaimSource;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.claim.ResponseStatus;
import org.rxledger.core.demo.DemoCatalog.Labeler;
import org.rxledger.core.demo.DemoCatalog.PayerTemplate;
import org.rxledger.core.demo.DemoCatalog.PlanTemplate;
import org.rxledger.core.demo.DemoCatalog.ProductTemplate;
import org.rxledger.core.demo.DemoCatalog.RejectScenario;
import org.rxledger.core.id.Dea;
import org.rxledger.core.id.Ndc;
import org.rxledger.core.id.Npi;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.reference.Payer;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.Prescriber;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deterministic demo pharmacy so a new user sees a working office on first launch (ARCHITECTURE.md,
 * "Data and files"): one pharmacy, 4 payers with 8 plans, 300 patients, 40 prescribers, ~150 drugs and
 * ~3,000 adjudicated claims over the 90 days ending on a given date. The same seed and end date always
 * give the same data (counts, identifiers, amounts, claim UUIDs); only the random UUIDs of ledger
 * entries and journal events and the creation timestamps differ.
 *
 * <p>How the claims behave (DOMAIN.md §1, §4.1):
 * <ul>
 *   <li>Prescriptions have 7-digit Rx numbers; maintenance drugs are refilled with the fill number going up
 *       by one and the date of service spaced by the days supply (a few days early or late); some began
 *       before the window, so their first fill in it is a refill. Acute drugs are filled once.</li>
 *   <li>Priced as NCPDP does: gross amount due = ingredient cost + dispensing fee; U&amp;C is usually above
 *       gross (sometimes a lower cash-program price); the plan allows the lesser of U&amp;C, gross and its
 *       contract price (MAC/AWP-based ingredient + fee); patient pay is the plan's copay or coinsurance
 *       (or the whole allowed amount in a deductible), never more than allowed; plan paid (509-F9) =
 *       allowed − patient pay. DAW is mostly 0, on brands sometimes 1 or 2.</li>
 *   <li>About 8% of attempts are rejected (status R, 1–3 reject codes from the code table, nothing paid);
 *       most are resubmitted and paid a few days later with the same fill number. About 3% of paid claims
 *       are reversed 10–12 days later (return to stock, §1.8) through {@link ClaimReversals}. Some patient
 *       pay is collected at the counter, the rest goes to the patient's account.</li>
 * </ul>
 * Everything is written through the repositories and {@link ClaimRecorder} in one transaction, plus one
 * {@value #EVENT_DEMO_CREATED} journal event.
 *
 * <p><b>Remittance hook.</b> {@link #describeRemittances(Tx, LocalDate)} (and its pure twin
 * {@link #describeRemittances(List, Map, LocalDate)}) describes, as plain data, the payments that would pay
 * the stored claims: per payer and weekly adjudication cycle, a payment date, a trace number and each
 * claim's charged / allowed / patient responsibility / contractual / paid amounts. The 835 model and writer
 * (being written separately, package {@code remit}) are meant to turn each {@link RemittanceDescription}
 * into an 835 file — one BPR/TRN per description, one CLP per {@link ClaimPaymentDescription} — so the demo
 * office can also ship "matching 835 files". Nothing here depends on that model.
 */
public final class DemoOffice {

    public static final long DEFAULT_SEED = 20250303L;
    public static final String EVENT_DEMO_CREATED = "demo.created";
    /** Days of claims, ending on (and including) the end date. */
    public static final int DAYS = 90;
    public static final int TARGET_CLAIMS = 3000;
    public static final int PATIENTS = 300;
    public static final int PRESCRIBERS = 40;

    private static final Logger LOG = LoggerFactory.getLogger(DemoOffice.class);
    private static final Money SUBMITTED_FEE = Money.parse("1.75");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    /** What was created. Money totals are over active paid claims. */
    public record Summary(String pharmacyName, int payers, int plans, int patients, int prescribers, int drugs, int claims,
                          int paidClaims, int rejectedClaims, int reversedClaims, Money planPaidTotal,
                          Money patientPayTotal, LocalDate firstDateOfService, LocalDate lastDateOfService) {
    }

    /** One claim line of a described remittance (an 835 CLP): amounts from the stored adjudication. */
    public record ClaimPaymentDescription(long claimId, String rxNumber, int fillNumber, LocalDate dateOfService,
                                          String authorizationNumber, String ndc, String cardholderId,
                                          Money charged, Money allowed, Money patientResponsibility,
                                          Money contractualAdjustment, Money paid) {
    }

    /** One payment (an 835 BPR/TRN) a payer would send for one weekly cycle of adjudicated claims. */
    public record RemittanceDescription(long payerId, String payerName, String payerIdentifier, LocalDate cycleStart,
                                        LocalDate cycleEnd, LocalDate paymentDate, String traceNumber,
                                        List<ClaimPaymentDescription> claims, Money total) {
        public RemittanceDescription {
            claims = List.copyOf(claims);
        }
    }

    private DemoOffice() {
    }

    /** True when the database holds no office yet: no pharmacy, no patients, no claims. */
    public static boolean isEmpty(Transactions transactions) {
        return transactions.read(tx -> !holdsData(tx));
    }

    private static boolean holdsData(Tx tx) {
        ReferenceRepository reference = tx.port(ReferenceRepository.class);
        return reference.pharmacy().isPresent() || tx.port(ClaimRepository.class).count() > 0
                || !reference.patients().isEmpty() || !reference.payers().isEmpty();
    }

    /**
     * True when this office is the demo office (its creation is in the audit trail): fictional data whose
     * accounts' password is public, so the command line may sign in for the person (docs/adr/0020).
     */
    public static boolean isDemo(Transactions transactions) {
        return transactions.read(tx -> !tx.port(AuditTrail.class).forEntity("office", "demo").isEmpty());
    }

    /** Creates the demo office with claims ending today (the transactions' clock) and the default seed. */
    public static Summary create(Transactions transactions) {
        return create(transactions, null, DEFAULT_SEED);
    }

    /**
     * Creates the demo office in one transaction.
     *
     * @param endDate last date of service (null = today by the transactions' clock)
     * @throws IllegalStateException    when the database already holds an office ({@link #isEmpty} is false)
     * @throws IllegalArgumentException when {@code endDate} is after today
     */
    public static Summary create(Transactions transactions, LocalDate endDate, long seed) {
        long started = System.nanoTime();
        Summary summary = transactions.inTransaction(tx -> {
            if (holdsData(tx)) {
                throw new IllegalStateException("The demo office can only be created in an empty database; this one already holds data");
            }
            LocalDate today = LocalDate.now(tx.clock());
            LocalDate end = endDate != null ? endDate : today;
            if (end.isAfter(today)) {
                // claims cannot have a date of service in the future (DOMAIN.md §8.4)
                throw new IllegalArgumentException("The demo office's last date of service " + end + " is after today " + today);
            }
            return new Generator(seed, end).writeTo(tx);
        });
        LOG.info("demo office created: {} claims ({} rejected, {} reversed) in {} ms", summary.claims(),
                summary.rejectedClaims(), summary.reversedClaims(), (System.nanoTime() - started) / 1_000_000);
        return summary;
    }

    // ------------------------------------------------------------------------------------ remittances

    /** Describes the remittances that would pay the stored claims, for cycles paid on or before {@code asOf}. */
    public static List<RemittanceDescription> describeRemittances(Tx tx, LocalDate asOf) {
        Map<Long, Payer> payersByPlan = new HashMap<>();
        Map<Long, Payer> payers = new HashMap<>();
        tx.port(ReferenceRepository.class).payers().forEach(p -> payers.put(p.id(), p));
        tx.port(ReferenceRepository.class).plans().forEach(p -> payersByPlan.put(p.id(), payers.get(p.payerId())));
        return describeRemittances(tx.port(ClaimRepository.class).all(), payersByPlan, asOf);
    }

    /**
     * Pure: groups active paid claims by payer and by adjudication week (Monday–Sunday); each week is paid on
     * the Friday twelve days after it ends (a typical PBM weekly cycle with a two-week lag), if that date is on
     * or before {@code asOf}. Rejected and reversed claims are left out: rejected ones were never payable, and
     * the demo reverses claims 10–12 days after the date of service, on or before their cycle's payment
     * date (a reversal after payment would need a CLP02 = 22 takeback line, not described here). Charged = gross amount due; allowed = plan paid +
     * patient pay; contractual adjustment (CO) = charged − allowed; patient responsibility (PR) = patient pay.
     */
    public static List<RemittanceDescription> describeRemittances(List<Claim> claims, Map<Long, Payer> payerByPlanId, LocalDate asOf) {
        record CycleKey(long payerId, LocalDate cycleStart) {
        }
        Map<CycleKey, List<Claim>> cycles = new TreeMap<>(Comparator.comparing(CycleKey::cycleStart).thenComparing(CycleKey::payerId));
        for (Claim c : claims) {
            if (c.responseStatus() != ResponseStatus.PAID || c.lifecycle() != Lifecycle.ACTIVE) {
                continue;
            }
            Payer payer = payerByPlanId.get(c.planId());
            if (payer == null) {
                continue;
            }
            LocalDate start = c.dateOfService().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            cycles.computeIfAbsent(new CycleKey(payer.id(), start), k -> new ArrayList<>()).add(c);
        }
        Map<Long, Payer> payers = new HashMap<>();
        payerByPlanId.values().forEach(p -> payers.put(p.id(), p));
        List<RemittanceDescription> result = new ArrayList<>();
        cycles.forEach((key, list) -> {
            LocalDate cycleEnd = key.cycleStart().plusDays(6);
            LocalDate paymentDate = cycleEnd.plusDays(12);
            if (paymentDate.isAfter(asOf)) {
                return;
            }
            Payer payer = payers.get(key.payerId());
            List<ClaimPaymentDescription> lines = list.stream()
                    .sorted(Comparator.comparing(Claim::dateOfService).thenComparing(Claim::rxNumber).thenComparingInt(Claim::fillNumber))
                    .map(c -> {
                        Money allowed = c.planPaid().plus(c.patientPay());
                        return new ClaimPaymentDescription(c.id(), c.rxNumber(), c.fillNumber(), c.dateOfService(),
                                c.authorizationNumber(), c.ndc(), c.cardholderId(), c.grossAmountDue(), allowed, c.patientPay(),
                                c.grossAmountDue().minus(allowed), c.planPaid());
                    })
                    .toList();
            Money total = Money.sum(lines.stream().map(ClaimPaymentDescription::paid).toList());
            String trace = "DEMO" + payer.id() + paymentDate.format(YYYYMMDD);
            result.add(new RemittanceDescription(payer.id(), payer.name(), payer.payerIdentifier(), key.cycleStart(), cycleEnd,
                    paymentDate, trace, lines, total));
        });
        return result;
    }

    // -------------------------------------------------------------------------------------- generator

    /** Builds the whole office in memory from one random stream, then writes it. */
    private static final class Generator {
        private final SplittableRandom rnd;
        private final long seed;
        private final LocalDate end;
        private final LocalDate start;

        private final List<PatientSpec> patients = new ArrayList<>();
        private final List<Prescriber> prescriberSpecs = new ArrayList<>();
        private final List<DrugSpec> drugs = new ArrayList<>();
        private final List<PlanSpec> plans = new ArrayList<>();
        private final List<RxSpec> prescriptions = new ArrayList<>();
        private final List<ClaimSpec> claims = new ArrayList<>();
        private Pharmacy pharmacy;

        Generator(long seed, LocalDate end) {
            this.seed = seed;
            this.rnd = new SplittableRandom(seed);
            this.end = end;
            this.start = end.minusDays(DAYS - 1L);
        }

        private record PlanSpec(int payerIndex, PlanTemplate template) {
        }

        private record PatientSpec(String first, String last, LocalDate dob, Patient.Gender gender, int planIndex,
                                   String cardholderId, String personCode) {
        }

        private record DrugSpec(Drug drug, ProductTemplate template, BigDecimal unitCost) {
        }

        /** One prescription: who, what, how much per fill; the Rx number is assigned once all are known. */
        private static final class RxSpec {
            final int patient;
            final int prescriber;
            final int drug;
            final LocalDate written;
            final BigDecimal quantity;
            final int daysSupply;
            final String daw;
            String rxNumber;

            RxSpec(int patient, int prescriber, int drug, LocalDate written, BigDecimal quantity, int daysSupply, String daw) {
                this.patient = patient;
                this.prescriber = prescriber;
                this.drug = drug;
                this.written = written;
                this.quantity = quantity;
                this.daysSupply = daysSupply;
                this.daw = daw;
            }
        }

        /** One adjudication attempt. */
        private record ClaimSpec(int seq, RxSpec rx, int fill, LocalDate dos, int minuteOfDay, List<String> rejectCodes,
                                 Pricing pricing, boolean collected, LocalDate reversedOn) {
        }

        private record Pricing(Money ingredient, Money fee, Money gross, Money uc, Money ingredientPaid, Money feePaid,
                               Money patientPay, Money planPaid) {
        }

        Summary writeTo(Tx tx) {
            buildReferenceData();
            buildPrescriptions();
            return persist(tx);
        }

        // ---- reference data

        private void buildReferenceData() {
            pharmacy = new Pharmacy("MAPLE STREET PHARMACY", npi(new HashSet<>()), String.format("%07d", 1_000_000 + rnd.nextInt(8_999_999)),
                    "1200 MAPLE STREET", "SPRINGFIELD", "IL", "62704", "217-555-0142");
            for (int p = 0; p < DemoCatalog.PAYERS.size(); p++) {
                for (PlanTemplate t : DemoCatalog.PAYERS.get(p).plans()) {
                    plans.add(new PlanSpec(p, t));
                }
            }
            Set<String> identities = new HashSet<>();
            Set<String> cardholders = new HashSet<>();
            while (patients.size() < PATIENTS) {
                boolean female = rnd.nextBoolean();
                String first = pick(female ? DemoCatalog.FEMALE_NAMES : DemoCatalog.MALE_NAMES);
                String last = pick(DemoCatalog.LAST_NAMES);
                LocalDate dob = birthDate();
                if (!identities.add(first + "|" + last + "|" + dob)) {
                    continue;
                }
                int planIndex = weightedPlan();
                int age = dob.until(end).getYears();
                // Medicare Part D members are 65+ (or disabled); everyone else gets a commercial/Medicaid plan
                if (plans.get(planIndex).template().name().contains("PART D") != age >= 65) {
                    planIndex = age >= 65 ? 1 : (planIndex == 1 ? 0 : planIndex);
                }
                String cardholder;
                do {
                    cardholder = plans.get(planIndex).template().cardPrefix() + String.format("%08d", rnd.nextInt(100_000_000));
                } while (!cardholders.add(cardholder));
                String personCode = age < 19 ? "003" : rnd.nextInt(100) < 80 ? "001" : "002";
                patients.add(new PatientSpec(first, last, dob, female ? Patient.Gender.FEMALE : Patient.Gender.MALE, planIndex,
                        cardholder, personCode));
            }
            Set<String> npis = new HashSet<>();
            npis.add(pharmacy.npi());
            for (int i = 0; i < PRESCRIBERS; i++) {
                String last = pick(DemoCatalog.LAST_NAMES);
                boolean female = rnd.nextBoolean();
                String first = pick(female ? DemoCatalog.FEMALE_NAMES : DemoCatalog.MALE_NAMES);
                // A/B/F/G practitioner registrants, M mid-level practitioners (DOMAIN.md §8.3)
                char type = i % 5 == 4 ? 'M' : "ABFG".charAt(rnd.nextInt(4));
                prescriberSpecs.add(new Prescriber(0, npi(npis), dea(type, last.charAt(0)), last, first));
            }
            buildDrugs();
        }

        private void buildDrugs() {
            Set<String> ndcs = new HashSet<>();
            for (ProductTemplate t : DemoCatalog.PRODUCTS) {
                for (String strength : t.strengths()) {
                    Labeler labeler = DemoCatalog.LABELERS.get(rnd.nextInt(DemoCatalog.LABELERS.size()));
                    String product = productCode(labeler.layout());
                    for (int pkg = 0; pkg < t.packages().size(); pkg++) {
                        String packageCode = labeler.layout().endsWith("-1") ? String.valueOf(pkg + 1) : String.format("%02d", pkg + 1);
                        String nativeForm = labeler.code() + "-" + product + "-" + packageCode;
                        Ndc ndc = Ndc.parse(nativeForm);
                        if (!ndcs.add(ndc.billing())) {
                            continue;
                        }
                        String packageSize = t.packages().get(pkg);
                        String size = packageSize.matches("\\d+") ? packageSize + " EA" : packageSize;
                        BigDecimal unitCost = BigDecimal.valueOf(t.unitCostMin() + rnd.nextInt(t.unitCostMax() - t.unitCostMin() + 1), 4);
                        drugs.add(new DrugSpec(new Drug(0, ndc.billing(), nativeForm, t.name(), strength, t.form(), size, t.uom(), t.brand()),
                                t, unitCost));
                    }
                }
            }
        }

        private String productCode(String layout) {
            int digits = switch (layout) {
                case "5-3-2" -> 3;
                default -> 4;
            };
            return String.format("%0" + digits + "d", rnd.nextInt((int) Math.pow(10, digits)));
        }

        private String npi(Set<String> taken) {
            while (true) {
                String body = "1" + String.format("%08d", rnd.nextInt(100_000_000));
                String npi = body + Npi.checkDigit(body);
                if (taken.add(npi)) {
                    return npi;
                }
            }
        }

        private String dea(char type, char lastInitial) {
            int[] d = new int[6];
            for (int i = 0; i < 6; i++) {
                d[i] = rnd.nextInt(10);
            }
            // check digit: ones digit of (d1 + d3 + d5) + 2 × (d2 + d4 + d6) (DOMAIN.md §8.3)
            int check = ((d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])) % 10;
            String dea = "" + type + lastInitial + d[0] + d[1] + d[2] + d[3] + d[4] + d[5] + check;
            return new Dea(dea).value();
        }

        private LocalDate birthDate() {
            int roll = rnd.nextInt(100);
            int age = roll < 8 ? 1 + rnd.nextInt(17) : roll < 55 ? 18 + rnd.nextInt(47) : 65 + rnd.nextInt(30);
            return end.minusYears(age).minusDays(rnd.nextInt(365));
        }

        private int weightedPlan() {
            int total = plans.stream().mapToInt(p -> p.template().weight()).sum();
            int roll = rnd.nextInt(total);
            for (int i = 0; i < plans.size(); i++) {
                roll -= plans.get(i).template().weight();
                if (roll < 0) {
                    return i;
                }
            }
            return 0;
        }

        private <T> T pick(List<T> list) {
            return list.get(rnd.nextInt(list.size()));
        }

        // ---- prescriptions and claims

        private void buildPrescriptions() {
            int totalWeight = drugs.stream().mapToInt(d -> d.template().weight()).sum();
            int attempts = 0;
            while (attempts < TARGET_CLAIMS) {
                DrugSpec drug = weightedDrug(totalWeight);
                int drugIndex = drugs.indexOf(drug);
                ProductTemplate t = drug.template();
                int days;
                BigDecimal quantity;
                if (t.fixedQuantity() != null) {
                    days = t.fixedDays();
                    quantity = new BigDecimal(t.fixedQuantity());
                } else {
                    days = rnd.nextInt(100) < 72 ? 30 : 90;
                    int perDay = t.perDay() * (rnd.nextInt(100) < 15 ? 2 : 1);
                    quantity = BigDecimal.valueOf((long) perDay * days);
                }
                quantity = quantity.setScale(3);
                String daw = "0";
                if (drug.drug().brand()) {
                    int roll = rnd.nextInt(100);
                    daw = roll < 25 ? "1" : roll < 40 ? "2" : "0";
                }
                int patient = rnd.nextInt(patients.size());
                int prescriber = rnd.nextInt(prescriberSpecs.size());

                // a maintenance Rx may have started before the window: its first fill here is a refill
                boolean ongoing = !t.acute() && rnd.nextInt(100) < 60;
                LocalDate firstDos = start.plusDays(rnd.nextInt(ongoing ? Math.min(days, DAYS) : DAYS));
                int refillsAuthorized = t.acute() ? 0 : days == 90 ? 3 : 11;
                int firstFill = 0;
                LocalDate written;
                if (ongoing) {
                    // refills stay within a year of the written date (DOMAIN.md §8.4)
                    int maxEarlier = Math.max(1, Math.min(refillsAuthorized - 1, 330 / days));
                    firstFill = 1 + rnd.nextInt(maxEarlier);
                    written = firstDos.minusDays((long) firstFill * days + rnd.nextInt(6));
                } else {
                    written = firstDos.minusDays(rnd.nextInt(8));
                }
                RxSpec rx = new RxSpec(patient, prescriber, drugIndex, written, quantity, days, daw);
                prescriptions.add(rx);
                attempts += planFills(rx, firstFill, firstDos, refillsAuthorized);
            }
            // Rx numbers follow the order prescriptions were written, as a pharmacy system numbers them
            prescriptions.sort(Comparator.comparing((RxSpec r) -> r.written));
            int number = 7_000_000 + rnd.nextInt(400_000);
            for (RxSpec rx : prescriptions) {
                number += 1 + rnd.nextInt(3);
                rx.rxNumber = String.valueOf(number);
            }
        }

        private DrugSpec weightedDrug(int totalWeight) {
            int roll = rnd.nextInt(totalWeight);
            for (DrugSpec d : drugs) {
                roll -= d.template().weight();
                if (roll < 0) {
                    return d;
                }
            }
            return drugs.get(0);
        }

        /** Plans the fills of one Rx inside the window; returns the number of adjudication attempts. */
        private int planFills(RxSpec rx, int firstFill, LocalDate firstDos, int refillsAuthorized) {
            int count = 0;
            int fill = firstFill;
            LocalDate dos = firstDos;
            while (!dos.isAfter(end) && fill <= refillsAuthorized) {
                if (rnd.nextInt(1000) < 80) {
                    RejectScenario scenario = rejectScenario(fill > 0);
                    claims.add(new ClaimSpec(claims.size(), rx, fill, dos, minuteOfDay(), rejectCodes(scenario), null, false, null));
                    count++;
                    // most rejects are worked and resubmitted within days (DOMAIN.md §10.1); some are abandoned
                    if (rnd.nextInt(100) < 20) {
                        break;
                    }
                    dos = dos.plusDays(1 + rnd.nextInt(4));
                    if (dos.isAfter(end)) {
                        break;
                    }
                }
                Pricing pricing = price(rx);
                LocalDate reversedOn = null;
                if (rnd.nextInt(1000) < 32) {
                    // 10–12 days: within the return-to-stock window (§1.8) and never after the claim's cycle is paid
                    LocalDate candidate = dos.plusDays(10 + rnd.nextInt(3));
                    reversedOn = candidate.isAfter(end) ? null : candidate;
                }
                boolean collected = pricing.patientPay().isPositive() && rnd.nextInt(100) < 65;
                claims.add(new ClaimSpec(claims.size(), rx, fill, dos, minuteOfDay(), List.of(), pricing, collected, reversedOn));
                count++;
                if (reversedOn != null) {
                    break; // returned to stock: the patient did not pick it up and the Rx goes no further here
                }
                fill++;
                // refills come a few days early or late around the days supply
                dos = dos.plusDays(Math.max(1, rx.daysSupply - 4 + rnd.nextInt(11)));
            }
            return count;
        }

        private RejectScenario rejectScenario(boolean refill) {
            List<RejectScenario> options = DemoCatalog.REJECTS.stream().filter(s -> refill || !s.refillOnly()).toList();
            int total = options.stream().mapToInt(RejectScenario::weight).sum();
            int roll = rnd.nextInt(total);
            for (RejectScenario s : options) {
                roll -= s.weight();
                if (roll < 0) {
                    return s;
                }
            }
            return options.get(0);
        }

        private List<String> rejectCodes(RejectScenario scenario) {
            // payers send the main code first and sometimes only that one
            int n = 1 + rnd.nextInt(scenario.codes().size());
            return List.copyOf(scenario.codes().subList(0, n));
        }

        private int minuteOfDay() {
            return 9 * 60 + rnd.nextInt(10 * 60);
        }

        /** NCPDP pricing and the plan's "lesser of" (DOMAIN.md §1.4 430-DU, §1.7). */
        private Pricing price(RxSpec rx) {
            DrugSpec drug = drugs.get(rx.drug);
            PlanTemplate plan = plans.get(patients.get(rx.patient).planIndex()).template();
            boolean brand = drug.drug().brand();
            Money ingredient = Money.of(drug.unitCost().multiply(rx.quantity).setScale(2, RoundingMode.HALF_UP));
            Money gross = ingredient.plus(SUBMITTED_FEE);
            Money uc;
            if (!brand && rnd.nextInt(100) < 10 && gross.isGreaterThan(Money.parse("9.99"))) {
                uc = Money.parse("9.99"); // a cash discount-program price below what is billed
            } else {
                uc = gross.times(BigDecimal.valueOf(100 + rnd.nextInt(36), 2), RoundingMode.HALF_UP);
            }
            int factor = brand ? between(plan.brandFactorMin(), plan.brandFactorMax()) : between(plan.genericFactorMin(), plan.genericFactorMax());
            Money contractIngredient = ingredient.times(BigDecimal.valueOf(factor, 2), RoundingMode.HALF_UP);
            Money planFee = Money.parse(plan.feePaid());
            Money contract = contractIngredient.plus(planFee);
            Money allowed = min(min(uc, gross), contract);
            Money feePaid = min(planFee, allowed);
            Money ingredientPaid = allowed.minus(feePaid);

            Money patientPay;
            if (plan.deductiblePercent() > 0 && rnd.nextInt(100) < plan.deductiblePercent()) {
                patientPay = allowed;
            } else if (plan.coinsurancePercent() > 0) {
                patientPay = allowed.times(BigDecimal.valueOf(plan.coinsurancePercent(), 2), RoundingMode.HALF_UP);
            } else {
                patientPay = Money.parse(brand ? plan.brandCopay() : plan.genericCopay());
            }
            patientPay = min(patientPay, allowed); // patient pay never exceeds the allowed amount (§1.7)
            return new Pricing(ingredient, SUBMITTED_FEE, gross, uc, ingredientPaid, feePaid, patientPay, allowed.minus(patientPay));
        }

        private int between(int min, int max) {
            return min + rnd.nextInt(max - min + 1);
        }

        private static Money min(Money a, Money b) {
            return a.isLessThan(b) ? a : b;
        }

        // ---- writing

        private Summary persist(Tx tx) {
            tx.port(ReferenceRepository.class).savePharmacy(pharmacy);
            List<Payer> payers = new ArrayList<>();
            for (PayerTemplate t : DemoCatalog.PAYERS) {
                payers.add(tx.port(ReferenceRepository.class).insertPayer(t.name(), "1" + String.format("%09d", rnd.nextInt(1_000_000_000))));
            }
            List<Plan> storedPlans = new ArrayList<>();
            for (PlanSpec p : plans) {
                PlanTemplate t = p.template();
                storedPlans.add(tx.port(ReferenceRepository.class).insertPlan(payers.get(p.payerIndex()).id(), t.name(), t.bin(), t.pcn(), t.groupId()));
            }
            // the office's payer directory: each payer's 835 name and TRN03, and the routings of its plans
            PayerDirectoryService.seedFromReference(tx);
            List<Patient> storedPatients = new ArrayList<>();
            for (PatientSpec p : patients) {
                storedPatients.add(tx.port(ReferenceRepository.class).insertPatient(p.first(), p.last(), p.dob(), p.gender()));
            }
            List<Prescriber> storedPrescribers = new ArrayList<>();
            for (Prescriber p : prescriberSpecs) {
                storedPrescribers.add(tx.port(ReferenceRepository.class).insertPrescriber(p.npi(), p.dea(), p.lastName(), p.firstName()));
            }
            List<Drug> storedDrugs = new ArrayList<>();
            for (DrugSpec d : drugs) {
                storedDrugs.add(tx.port(ReferenceRepository.class).insertDrug(d.drug()));
            }

            claims.sort(Comparator.comparing(ClaimSpec::dos).thenComparingInt(ClaimSpec::minuteOfDay).thenComparingInt(ClaimSpec::seq));
            Map<LocalDate, List<Integer>> reversals = new TreeMap<>();
            List<Claim> toRecord = new ArrayList<>(claims.size());
            List<Long> payerIds = new ArrayList<>(claims.size());
            int authSeq = 0;
            int rejected = 0;
            int paid = 0;
            Money planPaidTotal = Money.ZERO;
            Money patientPayTotal = Money.ZERO;
            for (int i = 0; i < claims.size(); i++) {
                ClaimSpec c = claims.get(i);
                PatientSpec ps = patients.get(c.rx().patient);
                PlanSpec planSpec = plans.get(ps.planIndex());
                Plan plan = storedPlans.get(ps.planIndex());
                Payer payer = payers.get(planSpec.payerIndex());
                DrugSpec drug = drugs.get(c.rx().drug);
                boolean isRejected = !c.rejectCodes().isEmpty();
                Pricing pr = isRejected ? rejectedPricing(drug, c.rx()) : c.pricing();
                String auth = isRejected ? null : DemoCatalog.PAYERS.get(planSpec.payerIndex()).authPrefix()
                        + c.dos().format(YYMMDD) + String.format("%05d", ++authSeq);
                UUID uuid = UUID.nameUUIDFromBytes(("rxledger-demo:" + seed + ":" + end + ":" + i).getBytes(StandardCharsets.UTF_8));
                Claim claim = new Claim(0, uuid, c.rx().rxNumber, c.fill(), c.dos(), c.rx().written, "B1",
                        storedPatients.get(c.rx().patient).id(), plan.id(), plan.bin(), plan.pcn(), plan.groupId(), ps.cardholderId(),
                        ps.personCode(), ps.personCode().equals("001") ? "1" : ps.personCode().equals("002") ? "2" : "3",
                        storedPrescribers.get(c.rx().prescriber).id(), storedDrugs.get(c.rx().drug).id(), drug.drug().ndc(),
                        c.rx().quantity, c.rx().daysSupply, c.rx().daw, "", "1",
                        pr.ingredient(), pr.fee(), pr.uc(), pr.gross(),
                        isRejected ? ResponseStatus.REJECTED : ResponseStatus.PAID, c.rejectCodes(), auth,
                        pr.patientPay(), pr.ingredientPaid(), pr.feePaid(), pr.planPaid(), Channel.ELECTRONIC, c.collected(),
                        Lifecycle.ACTIVE, null, ClaimSource.DEMO,
                        c.dos().atStartOfDay(ZoneOffset.UTC).plusMinutes(c.minuteOfDay()).toInstant(),
                        tx.clock().instant(), tx.actor().user());
                toRecord.add(claim);
                payerIds.add(payer.id());
                if (isRejected) {
                    rejected++;
                } else if (c.reversedOn() != null) {
                    reversals.computeIfAbsent(c.reversedOn(), d -> new ArrayList<>()).add(i);
                } else {
                    paid++;
                    planPaidTotal = planPaidTotal.plus(pr.planPaid());
                    patientPayTotal = patientPayTotal.plus(pr.patientPay());
                }
            }
            // one statement batch per table instead of ~12,000 single statements (measured: 7–10 s → see tests)
            List<Claim> stored = ClaimRecorder.recordAll(tx, toRecord, payerIds);
            int reversed = 0;
            for (Map.Entry<LocalDate, List<Integer>> e : reversals.entrySet()) {
                for (int index : e.getValue()) {
                    ClaimReversals.reverse(tx, stored.get(index).id(), e.getKey(), "return to stock (demo)");
                    reversed++;
                }
            }
            LocalDate first = claims.isEmpty() ? null : claims.get(0).dos();
            LocalDate last = claims.isEmpty() ? null : claims.get(claims.size() - 1).dos();
            Summary summary = new Summary(pharmacy.name(), payers.size(), storedPlans.size(), storedPatients.size(),
                    storedPrescribers.size(), storedDrugs.size(), claims.size(), paid, rejected, reversed, planPaidTotal,
                    patientPayTotal, first, last);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("seed", seed);
            payload.put("endDate", end);
            payload.put("claims", summary.claims());
            payload.put("paid", paid);
            payload.put("rejected", rejected);
            payload.put("reversed", reversed);
            payload.put("planPaidTotal", planPaidTotal);
            tx.port(Journal.class).append(EVENT_DEMO_CREATED, payload);
            tx.port(AuditTrail.class).record("DEMO_CREATED", "office", "demo", Map.of("seed", seed, "claims", summary.claims()));
            return summary;
        }

        /** A rejected claim still carries what was submitted; nothing was paid. */
        private static Pricing rejectedPricing(DrugSpec drug, RxSpec rx) {
            Money ingredient = Money.of(drug.unitCost().multiply(rx.quantity).setScale(2, RoundingMode.HALF_UP));
            Money gross = ingredient.plus(SUBMITTED_FEE);
            Money uc = gross.times(new BigDecimal("1.15"), RoundingMode.HALF_UP);
            return new Pricing(ingredient, SUBMITTED_FEE, gross, uc, null, null, Money.ZERO, Money.ZERO);
        }
    }
}
