package org.rxledger.core.claim;

import java.util.EnumMap;
import java.util.Map;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Prescriber;

/**
 * A stored claim as the field values a clerk or a claims file would give ({@link ClaimRules}' input), so a
 * correction or a rebill is checked by the same rules as a new charge.
 */
public final class ClaimValues {

    private ClaimValues() {
    }

    public static Map<ClaimField, String> of(Claim c, Patient patient, Prescriber prescriber) {
        Map<ClaimField, String> v = new EnumMap<>(ClaimField.class);
        v.put(ClaimField.RX_NUMBER, c.rxNumber());
        v.put(ClaimField.FILL_NUMBER, String.valueOf(c.fillNumber()));
        v.put(ClaimField.DATE_OF_SERVICE, c.dateOfService().toString());
        v.put(ClaimField.DATE_WRITTEN, c.dateWritten() == null ? "" : c.dateWritten().toString());
        v.put(ClaimField.BIN, c.bin());
        v.put(ClaimField.PCN, c.pcn());
        v.put(ClaimField.GROUP_ID, c.groupId());
        v.put(ClaimField.CARDHOLDER_ID, c.cardholderId());
        v.put(ClaimField.PERSON_CODE, c.personCode());
        v.put(ClaimField.RELATIONSHIP_CODE, c.relationshipCode());
        v.put(ClaimField.OTHER_COVERAGE_CODE, c.otherCoverageCode());
        v.put(ClaimField.PATIENT_FIRST_NAME, patient.firstName());
        v.put(ClaimField.PATIENT_LAST_NAME, patient.lastName());
        v.put(ClaimField.PATIENT_DOB, patient.dateOfBirth().toString());
        v.put(ClaimField.NDC, c.ndc());
        v.put(ClaimField.QUANTITY, c.quantity().stripTrailingZeros().toPlainString());
        v.put(ClaimField.DAYS_SUPPLY, String.valueOf(c.daysSupply()));
        v.put(ClaimField.DAW, c.daw());
        v.put(ClaimField.SCC_CODES, c.sccCodes());
        v.put(ClaimField.PRESCRIBER_NPI, prescriber.npi());
        v.put(ClaimField.PRESCRIBER_LAST_NAME, prescriber.lastName());
        v.put(ClaimField.INGREDIENT_COST_SUBMITTED, text(c.ingredientCostSubmitted()));
        v.put(ClaimField.DISPENSING_FEE_SUBMITTED, text(c.dispensingFeeSubmitted()));
        v.put(ClaimField.USUAL_AND_CUSTOMARY, text(c.usualAndCustomary()));
        v.put(ClaimField.GROSS_AMOUNT_DUE, text(c.grossAmountDue()));
        v.put(ClaimField.RESPONSE_STATUS, String.valueOf(c.responseStatus().code()));
        v.put(ClaimField.REJECT_CODES, String.join(",", c.rejectCodes()));
        v.put(ClaimField.AUTHORIZATION_NUMBER, c.authorizationNumber() == null ? "" : c.authorizationNumber());
        v.put(ClaimField.PATIENT_PAY_AMOUNT, text(c.patientPay()));
        v.put(ClaimField.PLAN_PAID_AMOUNT, text(c.planPaid()));
        v.put(ClaimField.INGREDIENT_COST_PAID, text(c.ingredientCostPaid()));
        v.put(ClaimField.DISPENSING_FEE_PAID, text(c.dispensingFeePaid()));
        v.put(ClaimField.CHANNEL, c.channel().name());
        return v;
    }

    private static String text(Money m) {
        return m == null ? "" : m.amount().toPlainString();
    }
}
