package org.rxledger.app.testdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.rxledger.core.claim.Channel;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.claim.ClaimSource;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.claim.ResponseStatus;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.tx.Tx;

/**
 * Test-data builder for claims in a {@link SampleOffice}: a paid claim (plan paid 21.85, patient pay
 * 10.00) changed field by field, recorded through {@link ClaimRecorder} like production code.
 */
public final class ClaimTestData {

    private final SampleOffice office;
    private String rx = "7001234";
    private int fill = 1;
    private LocalDate dos = LocalDate.of(2025, 3, 3);
    private Patient patient;
    private Plan plan;
    private Drug drug;
    private ResponseStatus status = ResponseStatus.PAID;
    private List<String> rejects = List.of();
    private String auth = "A25071000001";
    private Money planPaid = Money.parse("21.85");
    private Money patientPay = Money.parse("10.00");
    private Money ingredient = Money.parse("46.50");
    private Money fee = Money.parse("1.75");
    private String daw = "0";
    private Lifecycle lifecycle = Lifecycle.ACTIVE;
    private Channel channel = Channel.ELECTRONIC;
    private ClaimSource source = ClaimSource.CHARGE_ENTRY;

    private ClaimTestData(SampleOffice office) {
        this.office = office;
        this.patient = office.patients().get(0);
        this.plan = office.plans().get(0);
        this.drug = office.drugs().get(0);
    }

    public static ClaimTestData aPaidClaim(SampleOffice office) {
        return new ClaimTestData(office);
    }

    public ClaimTestData rx(String value) {
        rx = value;
        return this;
    }

    public ClaimTestData fill(int value) {
        fill = value;
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
        daw = value;
        return this;
    }

    public ClaimTestData amounts(String ingredientCost, String dispensingFee, String paid, String copay) {
        ingredient = Money.parse(ingredientCost);
        fee = Money.parse(dispensingFee);
        planPaid = Money.parse(paid);
        patientPay = Money.parse(copay);
        return this;
    }

    public ClaimTestData authorization(String value) {
        auth = value;
        return this;
    }

    public ClaimTestData source(ClaimSource value) {
        source = value;
        return this;
    }

    public ClaimTestData reversed() {
        lifecycle = Lifecycle.REVERSED;
        return this;
    }

    public ClaimTestData captured() {
        status = ResponseStatus.CAPTURED;
        return this;
    }

    public ClaimTestData paper() {
        channel = Channel.PAPER;
        auth = null;
        return this;
    }

    public ClaimTestData rejected(String... codes) {
        status = ResponseStatus.REJECTED;
        rejects = List.of(codes);
        planPaid = Money.ZERO;
        patientPay = Money.ZERO;
        auth = null;
        return this;
    }

    public Claim build() {
        Instant at = dos.atTime(12, 0).toInstant(ZoneOffset.UTC);
        boolean paid = status.createsReceivable();
        return new Claim(0, UUID.randomUUID(), rx, fill, dos, dos.minusDays(30), "B1", patient.id(), plan.id(),
                plan.bin(), plan.pcn(), plan.groupId(), "ZQX00012345", "001", "1", office.prescriber().id(), drug.id(),
                drug.ndc(), new BigDecimal("30.000"), 30, daw, "", "0", ingredient, fee, ingredient.plus(fee).plus(Money.parse("3.75")),
                ingredient.plus(fee), status, rejects, auth, patientPay,
                paid ? planPaid.plus(patientPay).minus(fee) : null, paid ? fee : null, planPaid, channel, false,
                lifecycle, null, source, at, at, "clerk1");
    }

    /** Records the claim with its ledger entries, journal event and audit record. */
    public Claim record(Tx tx) {
        return ClaimRecorder.record(tx, build(), plan.payerId());
    }
}
