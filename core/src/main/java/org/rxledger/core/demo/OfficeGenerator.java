package org.rxledger.core.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.rxledger.core.claim.ClaimImportResult;
import org.rxledger.core.claim.ClaimImportService;
import org.rxledger.core.demo.DemoOffice.ClaimPaymentDescription;
import org.rxledger.core.demo.DemoOffice.RemittanceDescription;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Payer;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.Prescriber;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.Remittance;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.tx.Transactions;

/**
 * A busy office for benchmarks (issue 20): {@code claims} adjudicated claims spread evenly over {@code days} days
 * ending on {@code end}, and the 835s that pay them, written through the real use cases — the claims as weekly CSV
 * files through {@link ClaimImportService}, the payments as 835 files through {@link RemittanceImportService}
 * (matched and posted as any 835 is). Same seed, size and end date → the same office.
 *
 * <p>It adds to an office that has reference data (the demo office: pharmacy, payers and plans, patients,
 * prescribers, drugs). Each Rx is refilled about every 30 days, so a year holds ~12 fills per Rx; about 4 % of
 * claims plan-pay nothing (the patient paid it all). Payments follow {@link DemoOffice#describeRemittances}: per
 * payer and adjudication week, paid twelve days after the week ends (weeks paid after {@code end} stay unpaid, as
 * in a real office); every four weeks are built together by {@link DemoRemittances#build(List, Pharmacy)}, so the
 * first payers' payments of each four weeks carry the demo's exceptions (short-paid, denied, reversed and repaid, a
 * takeback, interest, a fee, an unknown claim, an ambiguous one). The generated files are deleted once imported.
 */
public final class OfficeGenerator {

    /** First Rx number of the generated prescriptions, above the demo office's. */
    static final int RX_BASE = 8_000_000;
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Money FEE = Money.parse("1.75");
    private static final Money[] COPAYS = {Money.ZERO, Money.parse("5.00"), Money.parse("10.00"), Money.parse("25.00")};
    private static final String HEADER = "rx_number,fill_number,date_of_service,bin,pcn,group_id,cardholder_id,person_code,"
            + "patient_first_name,patient_last_name,patient_dob,ndc,quantity,days_supply,daw,prescriber_npi,"
            + "ingredient_cost_submitted,dispensing_fee_submitted,usual_and_customary,gross_amount_due,patient_pay_amount,"
            + "plan_paid_amount,authorization_number";

    /** What to generate. */
    public record Options(int claims, int days, long seed, LocalDate end) {
        public Options {
            if (claims < 1 || days < 1) {
                throw new IllegalArgumentException("claims and days must be at least 1");
            }
            if ((long) claims * 30 / days > 1_999_999) {
                throw new IllegalArgumentException("at most 1,999,999 prescriptions: use fewer claims or more days");
            }
        }
    }

    /** What was written, with the wall time of each half. */
    public record Summary(int claimFiles, int claims, int remittanceFiles, int claimPayments, int matched, Money paid,
                          long claimMillis, long remittanceMillis) {
    }

    /** Told after each file, for a progress line. */
    @FunctionalInterface
    public interface Progress {
        void step(String message);
    }

    private record Reference(Pharmacy pharmacy, List<Patient> patients, List<Prescriber> prescribers, List<Drug> drugs,
                             List<Plan> plans, Map<Long, Payer> payers) {
    }

    /** One generated claim: what the CSV row says, enough to describe its payment. */
    private record Generated(String rx, int fill, LocalDate dos, Plan plan, Patient patient, Drug drug, String npi,
                             String cardholder, Money ingredient, Money gross, Money uc, Money patientPay, Money planPaid,
                             String authorization) {
    }

    private final Transactions transactions;
    private final ClaimImportService claimImports;
    private final RemittanceImportService remittanceImports;

    public OfficeGenerator(Transactions transactions, ClaimImportService claimImports,
                           RemittanceImportService remittanceImports) {
        this.transactions = transactions;
        this.claimImports = claimImports;
        this.remittanceImports = remittanceImports;
    }

    /** Generates into the office; {@code workDir} holds the files while they are imported. */
    public Summary generate(Options options, Path workDir, Progress progress) {
        Reference ref = reference();
        LocalDate start = options.end().minusDays(options.days() - 1L);
        int weeks = (options.days() + 6) / 7;
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + workDir, e);
        }
        long t0 = System.nanoTime();
        int claims = 0;
        for (int w = 0; w < weeks; w++) {
            List<Generated> week = week(options, ref, start, w);
            Path csv = workDir.resolve(String.format(Locale.ROOT, "claims-%03d.csv", w + 1));
            writeCsv(week, csv);
            ClaimImportResult result = claimImports.importFile(csv);
            if (!result.succeeded()) {
                // lines and columns only: an error's message may quote a value
                throw new IllegalStateException("generated claims file " + csv.getFileName() + " was refused: "
                        + result.errors().size() + " problem(s), first at " + result.errors().stream().limit(3)
                        .map(e -> "line " + e.line() + " column " + e.column()).toList());
            }
            claims += result.imported();
            delete(csv);
            progress.step("claims week " + (w + 1) + " of " + weeks + ": " + claims + " claims");
        }
        long t1 = System.nanoTime();
        int files = 0;
        int payments = 0;
        int matched = 0;
        Money paid = Money.ZERO;
        int control = 1;
        for (int month = 0; month * 4 < weeks; month++) {
            List<RemittanceDescription> descriptions = new ArrayList<>();
            for (int w = month * 4; w < Math.min(weeks, month * 4 + 4); w++) {
                descriptions.addAll(describe(week(options, ref, start, w), ref, options.end()));
            }
            List<Remittance.Transaction> built = DemoRemittances.build(descriptions, ref.pharmacy());
            for (Remittance.Transaction t : built) {
                Path file = workDir.resolve(String.format(Locale.ROOT, "%05d-%s.835", control++, t.payment().traceNumber()));
                try {
                    DemoRemittances.write(t, file);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not write " + file, e);
                }
                ImportOutcome outcome = remittanceImports.importFile(file, ProgressListener.NONE, () -> false);
                if (!(outcome instanceof ImportOutcome.Imported imported)) {
                    throw new IllegalStateException("generated 835 " + file.getFileName() + " was not imported: " + outcome);
                }
                for (var p : imported.payments()) {
                    payments += p.claimCount();
                    matched += p.matchedCount();
                    paid = paid.plus(p.amount());
                }
                files++;
                delete(file);
                progress.step("835 " + files + " (" + t.payment().financial().paymentDate() + "): " + payments
                        + " claim payments, " + matched + " matched");
            }
        }
        long t2 = System.nanoTime();
        return new Summary(weeks, claims, files, payments, matched, paid, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    private Reference reference() {
        return transactions.read(tx -> {
            ReferenceRepository r = tx.port(ReferenceRepository.class);
            Pharmacy pharmacy = r.pharmacy().orElseThrow(() -> new IllegalStateException(
                    "There is no pharmacy yet: the generator adds to an office with reference data (create the demo office first)"));
            Map<Long, Payer> payers = new HashMap<>();
            r.payers().forEach(p -> payers.put(p.id(), p));
            List<Plan> plans = r.plans().stream().filter(p -> payers.containsKey(p.payerId())).toList();
            if (plans.isEmpty() || r.patients().isEmpty() || r.prescribers().isEmpty() || r.drugs().isEmpty()) {
                throw new IllegalStateException("The office needs plans, patients, prescribers and drugs first (the demo office has them)");
            }
            return new Reference(pharmacy, r.patients(), r.prescribers(), r.drugs(), plans, payers);
        });
    }

    /**
     * The claims of week {@code w}: claim k (over the whole run) is Rx {@code RX_BASE + k % R}, fill {@code k / R},
     * where R prescriptions are refilled every ~30 days; its values come from one random stream per week.
     */
    private static List<Generated> week(Options o, Reference ref, LocalDate start, int w) {
        SplittableRandom rnd = new SplittableRandom(o.seed() * 1_000_003L + w);
        int prescriptions = (int) Math.max(1, Math.min(o.claims(), (long) o.claims() * 30 / o.days()));
        List<Generated> result = new ArrayList<>();
        for (int day = w * 7; day < Math.min(o.days(), w * 7 + 7); day++) {
            long first = (long) o.claims() * day / o.days();
            long next = (long) o.claims() * (day + 1) / o.days();
            LocalDate dos = start.plusDays(day);
            for (long k = first; k < next; k++) {
                int rx = (int) (k % prescriptions);
                int fill = (int) (k / prescriptions);
                // an Rx keeps its patient, plan and drug across fills
                SplittableRandom byRx = new SplittableRandom(o.seed() ^ (rx * 0x9E3779B97F4A7C15L));
                Patient patient = ref.patients().get(byRx.nextInt(ref.patients().size()));
                Plan plan = ref.plans().get(byRx.nextInt(ref.plans().size()));
                Drug drug = ref.drugs().get(byRx.nextInt(ref.drugs().size()));
                String npi = ref.prescribers().get(byRx.nextInt(ref.prescribers().size())).npi();
                Money ingredient = Money.of(BigDecimal.valueOf(500 + rnd.nextInt(29_500), 2));
                Money gross = ingredient.plus(FEE);
                Money uc = gross.times(new BigDecimal("1.15"), RoundingMode.HALF_UP);
                Money discount = ingredient.times(BigDecimal.valueOf(rnd.nextInt(16), 2), RoundingMode.HALF_UP);
                Money allowed = gross.minus(discount);
                Money patientPay;
                if (rnd.nextInt(100) < 4) {
                    patientPay = allowed;
                } else {
                    Money copay = COPAYS[rnd.nextInt(COPAYS.length)];
                    patientPay = copay.isGreaterThan(allowed) ? allowed : copay;
                }
                String cardholder = String.format(Locale.ROOT, "GC%09d", patient.id());
                String auth = String.format(Locale.ROOT, "G%s%07d", dos.format(DateTimeFormatter.ofPattern("yyMMdd")), k % 10_000_000);
                result.add(new Generated(Integer.toString(RX_BASE + rx), fill, dos, plan, patient, drug, npi, cardholder,
                        ingredient, gross, uc, patientPay, allowed.minus(patientPay), auth));
            }
        }
        return result;
    }

    private static void writeCsv(List<Generated> claims, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (Generated g : claims) {
                w.write(String.join(",", g.rx(), Integer.toString(g.fill()), g.dos().toString(), g.plan().bin(),
                        nullToEmpty(g.plan().pcn()), nullToEmpty(g.plan().groupId()), g.cardholder(), "001",
                        g.patient().firstName(), g.patient().lastName(), g.patient().dateOfBirth().toString(), g.drug().ndc(),
                        "30", "30", "0", g.npi(), g.ingredient().toString(), FEE.toString(), g.uc().toString(),
                        g.gross().toString(), g.patientPay().toString(), g.planPaid().toString(), g.authorization()));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** Per payer, the week's claims as one payment (as {@link DemoOffice#describeRemittances} describes a cycle). */
    private static List<RemittanceDescription> describe(List<Generated> week, Reference ref, LocalDate end) {
        Map<Long, List<ClaimPaymentDescription>> byPayer = new TreeMap<>();
        LocalDate cycleStart = null;
        for (Generated g : week) {
            if (cycleStart == null) {
                cycleStart = g.dos().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            }
            Money allowed = g.planPaid().plus(g.patientPay());
            byPayer.computeIfAbsent(g.plan().payerId(), k -> new ArrayList<>()).add(new ClaimPaymentDescription(0, g.rx(),
                    g.fill(), g.dos(), g.authorization(), g.drug().ndc(), g.cardholder(), g.gross(), allowed, g.patientPay(),
                    g.gross().minus(allowed), g.planPaid()));
        }
        List<RemittanceDescription> result = new ArrayList<>();
        if (cycleStart == null) {
            return result;
        }
        LocalDate cycleEnd = cycleStart.plusDays(6);
        LocalDate paymentDate = cycleEnd.plusDays(12);
        if (paymentDate.isAfter(end)) {
            return result;
        }
        for (var e : byPayer.entrySet()) {
            Payer payer = ref.payers().get(e.getKey());
            Money total = Money.sum(e.getValue().stream().map(ClaimPaymentDescription::paid).toList());
            result.add(new RemittanceDescription(payer.id(), payer.name(), payer.payerIdentifier(), cycleStart, cycleEnd,
                    paymentDate, "GEN" + payer.id() + paymentDate.format(YYYYMMDD), e.getValue(), total));
        }
        return result;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + file, e);
        }
    }
}
