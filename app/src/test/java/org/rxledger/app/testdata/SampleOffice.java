package org.rxledger.app.testdata;

import java.time.LocalDate;
import java.util.List;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Payer;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.Prescriber;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.tx.Transactions;

/** A small office for UI tests: two payers with one plan each, three patients, one prescriber, two drugs. */
public record SampleOffice(List<Payer> payers, List<Plan> plans, List<Patient> patients, Prescriber prescriber,
                           List<Drug> drugs) {

    public static SampleOffice create(Transactions transactions) {
        return transactions.inTransaction(tx -> {
            var ref = tx.port(ReferenceRepository.class);
            Payer acme = ref.insertPayer("ACME RX SOLUTIONS", "1999999999");
            Payer blue = ref.insertPayer("BLUEPEAK PBM", "1888888888");
            Plan commercial = ref.insertPlan(acme.id(), "ACME Commercial", "999999", "TESTPCN", "GRP7781");
            Plan medicare = ref.insertPlan(blue.id(), "BluePeak Medicare D", "888888", "MEDDPCN", "PDP01");
            Patient smith = ref.insertPatient("JOHN", "SMITH", LocalDate.of(1958, 2, 11), Patient.Gender.MALE);
            Patient smithers = ref.insertPatient("ANNA", "SMITHERS", LocalDate.of(1971, 9, 30), Patient.Gender.FEMALE);
            Patient garcia = ref.insertPatient("MARIA", "GARCIA", LocalDate.of(1985, 6, 2), Patient.Gender.FEMALE);
            Prescriber prescriber = ref.insertPrescriber("1987654328", "AB1234563", "SMITHSON", "JANE");
            Drug atorvastatin = ref.insertDrug(new Drug(0, "12345067890", "12345-067-90", "ATORVASTATIN", "20 MG",
                    "TABLET", "90 EA", "EA", false));
            Drug lisinopril = ref.insertDrug(new Drug(0, "00093711101", "0093-7111-01", "LISINOPRIL", "10 MG",
                    "TABLET", "100 EA", "EA", false));
            return new SampleOffice(List.of(acme, blue), List.of(commercial, medicare),
                    List.of(smith, smithers, garcia), prescriber, List.of(atorvastatin, lisinopril));
        });
    }
}
