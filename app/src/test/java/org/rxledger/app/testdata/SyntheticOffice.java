package org.rxledger.app.testdata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.rxledger.app.ui.Formats;
import org.rxledger.core.claim.ClaimSource;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Payer;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.Prescriber;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.tx.Transactions;

/**
 * A deterministic, fictional office of any size for looking at the workstation and timing it
 * (a stand-in for the real demo office, which lives in core). Not a test of anything.
 */
public final class SyntheticOffice {

    private static final String[] LAST = {"TESTPATIENT", "GARCIA", "NGUYEN", "SMITH", "JOHNSON", "OKAFOR", "KOWALSKI",
        "ROSSI", "MURPHY", "HANSEN", "PATEL", "SCHMIDT", "TANAKA", "DUBOIS", "SILVA", "COHEN", "MILLER", "BROWN"};
    private static final String[] FIRST = {"ALPHA", "MARIA", "JOHN", "ANNA", "DAVID", "LINDA", "CARLOS", "MEI",
        "PETER", "GRACE", "OMAR", "SOFIA", "HENRY", "ROSA", "IVAN", "NORA", "ELI", "RUTH", "SAM", "ZOE"};
    private static final String[][] PAYERS = {
        {"ACME RX SOLUTIONS", "ACME Commercial", "999999", "TESTPCN", "GRP7781"},
        {"BLUEPEAK PBM", "BluePeak Medicare D", "888888", "MEDDPCN", "PDP01"},
        {"NORTHSTAR HEALTH", "NorthStar Medicaid", "777777", "MCAIDRX", "MCD100"},
        {"CEDAR BENEFITS", "Cedar Employer Plan", "666666", "CEDARPCN", "EMP2024"},
        {"HARBOR SCRIPTS", "Harbor Value Rx", "555555", "", "HV01"},
        {"SUMMIT CARE PBM", "Summit Discount Card", "444444", "SUMDC", ""}};
    private static final String[][] DRUGS = {
        {"ATORVASTATIN", "20 MG"}, {"LISINOPRIL", "10 MG"}, {"METFORMIN HCL", "500 MG"}, {"AMLODIPINE", "5 MG"},
        {"LEVOTHYROXINE", "50 MCG"}, {"OMEPRAZOLE", "20 MG"}, {"SERTRALINE", "50 MG"}, {"LOSARTAN", "50 MG"},
        {"ELIQUIS", "5 MG"}, {"JARDIANCE", "10 MG"}, {"GABAPENTIN", "300 MG"}, {"ROSUVASTATIN", "10 MG"},
        {"MONTELUKAST", "10 MG"}, {"ESCITALOPRAM", "10 MG"}, {"HYDROCHLOROTHIAZIDE", "25 MG"}, {"TRULICITY", "1.5 MG/0.5ML"}};
    private static final String[] REJECTS = {"75", "70", "79", "76", "88", "MR", "07", "65", "41"};

    private SyntheticOffice() {
    }

    /** Creates {@code claims} claims (plus reference data) and returns a one-line summary. */
    public static String create(Transactions transactions, int claims, ProgressListener progress) {
        Random random = new Random(20250301L);
        progress.progress(0, claims, "Creating payers, patients and drugs…");
        Ref ref = transactions.inTransaction(tx -> {
            List<Payer> payers = new ArrayList<>();
            List<Plan> plans = new ArrayList<>();
            for (String[] p : PAYERS) {
                Payer payer = tx.port(ReferenceRepository.class).insertPayer(p[0], "1" + p[2] + "000");
                payers.add(payer);
                plans.add(tx.port(ReferenceRepository.class).insertPlan(payer.id(), p[1], p[2], p[3], p[4]));
            }
            List<Patient> patients = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                patients.add(tx.port(ReferenceRepository.class).insertPatient(FIRST[i % FIRST.length], LAST[(i / FIRST.length) % LAST.length],
                        LocalDate.of(1935 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                        i % 2 == 0 ? Patient.Gender.FEMALE : Patient.Gender.MALE));
            }
            List<Prescriber> prescribers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                prescribers.add(tx.port(ReferenceRepository.class).insertPrescriber(String.valueOf(1_100_000_000L + i * 7_919L),
                        "", LAST[(i + 3) % LAST.length], FIRST[(i + 5) % FIRST.length]));
            }
            List<Drug> drugs = new ArrayList<>();
            for (int i = 0; i < DRUGS.length; i++) {
                String labeler = String.format("%05d", 10_000 + i * 37);
                String product = String.format("%04d", 100 + i * 11);
                drugs.add(tx.port(ReferenceRepository.class).insertDrug(new Drug(0, labeler + product + "01",
                        labeler + "-" + product + "-01", DRUGS[i][0], DRUGS[i][1], "TABLET", "90 EA", "EA", i == 8 || i == 9 || i == 15)));
            }
            return new Ref(plans, patients, prescribers, drugs);
        });
        SampleOffice office = new SampleOffice(List.of(), ref.plans(), ref.patients(), ref.prescribers().get(0), ref.drugs());
        LocalDate today = LocalDate.of(2025, 3, 20);
        int batch = 250;
        for (int start = 0; start < claims; start += batch) {
            if (progress.isCancelled()) {
                throw new CancellationException("demo office creation cancelled");
            }
            int from = start;
            int to = Math.min(claims, start + batch);
            transactions.inTransaction(tx -> {
                for (int i = from; i < to; i++) {
                    int drugIndex = random.nextInt(DRUGS.length);
                    long ingredientCents = drugIndex == 8 || drugIndex == 9 || drugIndex == 15
                            ? 45_000 + random.nextInt(60_000) : 800 + random.nextInt(9_000);
                    long copayCents = random.nextInt(5) == 0 ? 0 : 100 * (1 + random.nextInt(40));
                    long feeCents = 150 + random.nextInt(250);
                    long paidCents = Math.max(0, ingredientCents + feeCents - copayCents - random.nextInt(400));
                    ClaimTestData c = ClaimTestData.aPaidClaim(office)
                            .rx(String.valueOf(7_000_000 + i / 3))
                            .fill(i % 3)
                            .dateOfService(today.minusDays(random.nextInt(200)))
                            .patient(ref.patients().get(random.nextInt(ref.patients().size())))
                            .plan(ref.plans().get(random.nextInt(ref.plans().size())))
                            .drug(ref.drugs().get(drugIndex))
                            .daw(random.nextInt(10) == 0 ? "1" : random.nextInt(12) == 0 ? "2" : "0")
                            .amounts(Money.ofCents(ingredientCents).toString(), Money.ofCents(feeCents).toString(),
                                    Money.ofCents(paidCents).toString(), Money.ofCents(copayCents).toString())
                            .authorization(String.format("A%011d", 25_000_000_000L + i))
                            .source(ClaimSource.DEMO);
                    int roll = random.nextInt(100);
                    if (roll < 9) {
                        c.rejected(random.nextInt(4) == 0
                                ? new String[] {REJECTS[random.nextInt(REJECTS.length)], REJECTS[random.nextInt(REJECTS.length)]}
                                : new String[] {REJECTS[random.nextInt(REJECTS.length)]});
                    } else if (roll < 13) {
                        c.reversed();
                    } else if (roll < 15) {
                        c.captured();
                    } else if (roll < 17) {
                        c.paper();
                    }
                    c.record(tx);
                }
                return null;
            });
            progress.progress(to, claims, "Creating demo claims: " + Formats.count(to) + " of " + Formats.count(claims));
        }
        return Formats.count(claims) + " claims for " + ref.patients().size() + " patients across "
                + PAYERS.length + " payers";
    }

    private record Ref(List<Plan> plans, List<Patient> patients, List<Prescriber> prescribers, List<Drug> drugs) {
    }
}
