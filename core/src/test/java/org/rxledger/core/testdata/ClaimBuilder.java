package org.rxledger.core.testdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.rxledger.core.claim.Channel;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimSource;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.claim.ResponseStatus;
import org.rxledger.core.money.Money;

/**
 * Test data: a paid claim like claim 1 of DOMAIN.md §1.9 (Rx 7001234 fill 2, plan paid 21.85,
 * patient pay 10.00), changed field by field.
 */
public final class ClaimBuilder {

    private String rx = "7001234";
    private int fill = 2;
    private LocalDate dos = LocalDate.of(2025, 3, 3);
    private long patientId;
    private long planId;
    private long prescriberId;
    private long drugId;
    private String bin = "999999";
    private String pcn = "TESTPCN";
    private String group = "GRP7781";
    private String ndc = "12345067890";
    private ResponseStatus status = ResponseStatus.PAID;
    private List<String> rejects = List.of();
    private String auth = "A25071000001";
    private Money ingredient = Money.parse("46.50");
    private Money fee = Money.parse("1.75");
    private Money planPaid = Money.parse("21.85");
    private Money patientPay = Money.parse("10.00");
    private boolean collected;
    private String daw = "0";
    private Channel channel = Channel.ELECTRONIC;
    private Lifecycle lifecycle = Lifecycle.ACTIVE;
    private ClaimSource source = ClaimSource.CHARGE_ENTRY;
    private Instant recordedAt = TestDatabases.NOW;

    public static ClaimBuilder aPaidClaim(TestOffice office) {
        return new ClaimBuilder().parties(office.patient().id(), office.plan().id(), office.plan().bin(),
                office.plan().pcn(), office.plan().groupId(), office.prescriber().id(), office.drug().id(),
                office.drug().ndc());
    }

    /** A paid claim whose parties are set with {@link #parties} (offices other than {@link TestOffice}). */
    public static ClaimBuilder aPaidClaim() {
        return new ClaimBuilder();
    }

    /** Patient, plan (with its BIN, PCN and group), prescriber and drug (with its NDC) by id. */
    public ClaimBuilder parties(long patientId, long planId, String bin, String pcn, String group, long prescriberId,
                                long drugId, String ndc) {
        this.patientId = patientId;
        this.planId = planId;
        this.bin = bin;
        this.pcn = pcn;
        this.group = group;
        this.prescriberId = prescriberId;
        this.drugId = drugId;
        this.ndc = ndc;
        return this;
    }

    public ClaimBuilder rx(String value) {
        rx = value;
        return this;
    }

    public ClaimBuilder fill(int value) {
        fill = value;
        return this;
    }

    public ClaimBuilder dateOfService(LocalDate value) {
        dos = value;
        return this;
    }

    public ClaimBuilder authorization(String value) {
        auth = value;
        return this;
    }

    public ClaimBuilder planPaid(String value) {
        planPaid = Money.parse(value);
        return this;
    }

    public ClaimBuilder patientPay(String value) {
        patientPay = Money.parse(value);
        return this;
    }

    /** Ingredient cost, dispensing fee, plan paid and patient pay (usual and customary = cost + fee + 3.75). */
    public ClaimBuilder amounts(String ingredientCost, String dispensingFee, String paid, String copay) {
        ingredient = Money.parse(ingredientCost);
        fee = Money.parse(dispensingFee);
        planPaid = Money.parse(paid);
        patientPay = Money.parse(copay);
        return this;
    }

    public ClaimBuilder source(ClaimSource value) {
        source = value;
        return this;
    }

    public ClaimBuilder reversed() {
        lifecycle = Lifecycle.REVERSED;
        return this;
    }

    public ClaimBuilder captured() {
        status = ResponseStatus.CAPTURED;
        return this;
    }

    /** When the claim was recorded (default {@link TestDatabases#NOW}). */
    public ClaimBuilder recordedAt(Instant value) {
        recordedAt = value;
        return this;
    }

    public ClaimBuilder collectedAtCounter() {
        collected = true;
        return this;
    }

    public ClaimBuilder daw(String value) {
        daw = value;
        return this;
    }

    public ClaimBuilder paper() {
        channel = Channel.PAPER;
        auth = null;
        return this;
    }

    public ClaimBuilder rejected(String... codes) {
        status = ResponseStatus.REJECTED;
        rejects = List.of(codes);
        planPaid = Money.ZERO;
        patientPay = Money.ZERO;
        auth = null;
        return this;
    }

    public Claim build() {
        Instant at = dos.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
        boolean paid = status.createsReceivable();
        return new Claim(0, UUID.randomUUID(), rx, fill, dos, dos.minusDays(30), "B1", patientId, planId, bin, pcn,
                group, "ZQX00012345", "001", "1", prescriberId, drugId, ndc, new BigDecimal("30.000"), 30, daw, "", "0",
                ingredient, fee, ingredient.plus(fee).plus(Money.parse("3.75")), ingredient.plus(fee), status, rejects,
                auth, patientPay, paid ? planPaid.plus(patientPay).minus(fee) : null, paid ? fee : null, planPaid,
                channel, collected, lifecycle, null, source, at, recordedAt, "clerk1");
    }
}
