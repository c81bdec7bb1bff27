package org.rxledger.core.testdata;

import java.time.LocalDate;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Payer;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.Prescriber;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.tx.Transactions;

/** The smallest office a claim can be stored in: one payer, plan, patient, prescriber and drug. */
public record TestOffice(Payer payer, Plan plan, Patient patient, Prescriber prescriber, Drug drug) {

    public static TestOffice create(Transactions transactions) {
        return transactions.inTransaction(tx -> {
            var ref = tx.port(ReferenceRepository.class);
            Payer payer = ref.insertPayer("ACME RX SOLUTIONS", "1999999999");
            Plan plan = ref.insertPlan(payer.id(), "ACME Commercial", "999999", "TESTPCN", "GRP7781");
            Patient patient = ref.insertPatient("ALPHA", "TESTPATIENT", LocalDate.of(1962, 4, 15), Patient.Gender.FEMALE);
            Prescriber prescriber = ref.insertPrescriber("1987654328", "AB1234563", "SMITHSON", "JANE");
            Drug drug = ref.insertDrug(new Drug(0, "12345067890", "12345-067-90", "ATORVASTATIN", "20 MG", "TABLET",
                    "90 EA", "EA", false));
            return new TestOffice(payer, plan, patient, prescriber, drug);
        });
    }
}
