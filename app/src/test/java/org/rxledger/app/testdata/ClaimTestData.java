package org.rxledger.app.testdata;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.claim.ClaimSource;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.tx.Tx;

/**
 * Test-data builder for claims in a {@link SampleOffice}: a paid claim (Rx 7001234 fill 1, plan paid 21.85,
 * patient pay 10.00) changed field by field, recorded through {@link ClaimRecorder} like production code.
 * The claim itself is built by core's {@link ClaimBuilder}; this adds the office's parties and recording.
 */
public final class ClaimTestData {

    private final SampleOffice office;
    private final ClaimBuilder claim;
    private LocalDate dos = LocalDate.of(2025, 3, 3);
    private Patient patient;
    private Plan plan;
    private Drug drug;

    private ClaimTestData(SampleOffice office) {
        this.office = office;
        this.patient = office.patients().get(0);
        this.plan = office.plans().get(0);
        this.drug = office.drugs().get(0);
        this.claim = ClaimBuilder.aPaidClaim().fill(1);
    }

    public static ClaimTestData aPaidClaim(SampleOffice office) {
        return new ClaimTestData(office);
    }

    public ClaimTestData rx(String value) {
        claim.rx(value);
        return this;
    }

    public ClaimTestData fill(int value) {
        claim.fill(value);
        return this;
    }

    public ClaimTestData dateOfService(LocalDate value) {
        dos = value;
        return this;
    }

    public ClaimTestData patient(Patient value) {
        patient = value;
        return this;
    }

    public ClaimTestData plan(Plan value) {
        plan = value;
        return this;
    }

    public ClaimTestData drug(Drug value) {
        drug = value;
        return this;
    }

    public ClaimTestData daw(String value) {
        claim.daw(value);
        return this;
    }

    public ClaimTestData amounts(String ingredientCost, String dispensingFee, String paid, String copay) {
        claim.amounts(ingredientCost, dispensingFee, paid, copay);
        return this;
    }

    public ClaimTestData authorization(String value) {
        claim.authorization(value);
        return this;
    }

    public ClaimTestData source(ClaimSource value) {
        claim.source(value);
        return this;
    }

    public ClaimTestData reversed() {
        claim.reversed();
        return this;
    }

    public ClaimTestData captured() {
        claim.captured();
        return this;
    }

    public ClaimTestData paper() {
        claim.paper();
        return this;
    }

    public ClaimTestData rejected(String... codes) {
        claim.rejected(codes);
        return this;
    }

    public Claim build() {
        return claim.parties(patient.id(), plan.id(), plan.bin(), plan.pcn(), plan.groupId(),
                        office.prescriber().id(), drug.id(), drug.ndc())
                .dateOfService(dos).recordedAt(dos.atTime(12, 0).toInstant(ZoneOffset.UTC)).build();
    }

    /** Records the claim with its ledger entries, journal event and audit record. */
    public Claim record(Tx tx) {
        return ClaimRecorder.record(tx, build(), plan.payerId());
    }
}
