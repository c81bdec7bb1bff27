package org.rxledger.core.claim;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields of an adjudicated claim as a clerk or a claims file supplies them, with the canonical
 * CSV column name (issue 2 contract) and the words a clerk knows the field by.
 *
 * <p>{@code requiredColumn} says whether a claims CSV must have the column in its header; whether a
 * value may be blank is decided by {@link ClaimRules}.
 */
public enum ClaimField {
    RX_NUMBER("rx_number", "Rx number", true),
    FILL_NUMBER("fill_number", "Fill number", true),
    DATE_OF_SERVICE("date_of_service", "Date of service", true),
    BIN("bin", "BIN", true),
    PCN("pcn", "PCN", true),
    GROUP_ID("group_id", "Group ID", true),
    CARDHOLDER_ID("cardholder_id", "Cardholder ID", true),
    PERSON_CODE("person_code", "Person code", true),
    PATIENT_FIRST_NAME("patient_first_name", "Patient first name", true),
    PATIENT_LAST_NAME("patient_last_name", "Patient last name", true),
    PATIENT_DOB("patient_dob", "Patient date of birth", true),
    NDC("ndc", "NDC", true),
    QUANTITY("quantity", "Quantity", true),
    DAYS_SUPPLY("days_supply", "Days supply", true),
    DAW("daw", "DAW code", true),
    PRESCRIBER_NPI("prescriber_npi", "Prescriber NPI", true),
    INGREDIENT_COST_SUBMITTED("ingredient_cost_submitted", "Ingredient cost submitted", true),
    DISPENSING_FEE_SUBMITTED("dispensing_fee_submitted", "Dispensing fee submitted", true),
    USUAL_AND_CUSTOMARY("usual_and_customary", "Usual and customary charge", true),
    GROSS_AMOUNT_DUE("gross_amount_due", "Gross amount due", true),
    PATIENT_PAY_AMOUNT("patient_pay_amount", "Patient pay amount", true),
    PLAN_PAID_AMOUNT("plan_paid_amount", "Plan paid amount", true),
    AUTHORIZATION_NUMBER("authorization_number", "Authorization number", true),
    RESPONSE_STATUS("response_status", "Response status", false),
    REJECT_CODES("reject_codes", "Reject codes", false),
    DATE_WRITTEN("date_written", "Date written", false),
    PRESCRIBER_LAST_NAME("prescriber_last_name", "Prescriber last name", false),
    // charge entry (issue 3): optional in a claims file, blank means the NCPDP default
    RELATIONSHIP_CODE("relationship_code", "Patient relationship code", false),
    OTHER_COVERAGE_CODE("other_coverage_code", "Other coverage code", false),
    SCC_CODES("scc_codes", "Submission clarification codes", false),
    INGREDIENT_COST_PAID("ingredient_cost_paid", "Ingredient cost paid", false),
    DISPENSING_FEE_PAID("dispensing_fee_paid", "Dispensing fee paid", false),
    CHANNEL("channel", "Claim channel", false),
    // patient accounts (issue 18): blank means the whole patient pay was collected at the counter
    PATIENT_PAID_AT_POS("patient_paid_at_pos", "Patient paid at the counter", false),
    /** A house-charge account (LTC facility, family) billed for the patient pay instead of the patient. */
    CHARGE_ACCOUNT("charge_account", "Charge account", false);

    private final String column;
    private final String label;
    private final boolean requiredColumn;

    ClaimField(String column, String label, boolean requiredColumn) {
        this.column = column;
        this.label = label;
        this.requiredColumn = requiredColumn;
    }

    /** The canonical CSV column name, e.g. {@code prescriber_npi}. */
    public String column() {
        return column;
    }

    /** What a clerk calls it, e.g. "Prescriber NPI". */
    public String label() {
        return label;
    }

    /** True when a claims CSV must name this column in its header row. */
    public boolean requiredColumn() {
        return requiredColumn;
    }

    public static Optional<ClaimField> byColumn(String column) {
        String wanted = column == null ? "" : column.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.column.equals(wanted)).findFirst();
    }

    public static List<ClaimField> requiredColumns() {
        return Arrays.stream(values()).filter(ClaimField::requiredColumn).toList();
    }
}
