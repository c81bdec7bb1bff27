package org.rxledger.core.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.rxledger.core.money.Money;

/**
 * One adjudicated submission of a prescription fill: the NCPDP D.0 fields as billed (DOMAIN.md §1.4)
 * and as answered (§1.7). {@code planPaid} (509-F9) is the third-party receivable; {@code patientPay}
 * (505-F5) is the patient's share. An id of 0 means "not stored yet".
 */
public record Claim(
        long id,
        UUID uuid,
        String rxNumber,
        int fillNumber,
        LocalDate dateOfService,
        LocalDate dateWritten,
        String transactionCode,
        long patientId,
        long planId,
        String bin,
        String pcn,
        String groupId,
        String cardholderId,
        String personCode,
        String relationshipCode,
        long prescriberId,
        long drugId,
        String ndc,
        BigDecimal quantity,
        int daysSupply,
        String daw,
        String sccCodes,
        String otherCoverageCode,
        Money ingredientCostSubmitted,
        Money dispensingFeeSubmitted,
        Money usualAndCustomary,
        Money grossAmountDue,
        ResponseStatus responseStatus,
        List<String> rejectCodes,
        String authorizationNumber,
        Money patientPay,
        Money ingredientCostPaid,
        Money dispensingFeePaid,
        Money planPaid,
        Channel channel,
        boolean patientPayCollected,
        Lifecycle lifecycle,
        Long replacesClaimId,
        ClaimSource source,
        Instant adjudicatedAt,
        Instant createdAt,
        String createdBy) {

    public Claim {
        rejectCodes = List.copyOf(rejectCodes);
    }

    public ClaimStatus status() {
        return ClaimStatus.of(responseStatus, lifecycle);
    }

    /** Rx/fill as clerks write it: 7001234-02. */
    public String rxFill() {
        return rxNumber + "-" + String.format("%02d", fillNumber);
    }

    public Claim withId(long newId) {
        return new Claim(newId, uuid, rxNumber, fillNumber, dateOfService, dateWritten, transactionCode, patientId,
                planId, bin, pcn, groupId, cardholderId, personCode, relationshipCode, prescriberId, drugId, ndc,
                quantity, daysSupply, daw, sccCodes, otherCoverageCode, ingredientCostSubmitted,
                dispensingFeeSubmitted, usualAndCustomary, grossAmountDue, responseStatus, rejectCodes,
                authorizationNumber, patientPay, ingredientCostPaid, dispensingFeePaid, planPaid, channel,
                patientPayCollected, lifecycle, replacesClaimId, source, adjudicatedAt, createdAt, createdBy);
    }

    /** The key a re-import must not duplicate: Rx, fill, DOS, BIN, PCN (issue 2). */
    public ClaimKey key() {
        return new ClaimKey(rxNumber, fillNumber, dateOfService, bin, pcn);
    }
}
