package org.rxledger.core.collections;

import java.time.LocalDate;
import org.rxledger.core.money.Money;

/**
 * One fill's open amount on a patient account: the sum of its PATIENT_RECEIVABLE ledger entries (patient pay not
 * collected at the counter, PR moved in by remittances, payments, refunds, write-offs). Negative is a credit.
 *
 * @param thirdPartyBalance what the plan still owes on the same fill: while it is not zero the patient share is
 *                          not final and no write-off may touch this item
 * @param federalProgram    the fill was billed to a federal-program plan (no routine copay waivers)
 */
public record AccountItem(String accountKey, String accountName, long claimId, long patientId, String rxNumber,
                          int fillNumber, LocalDate dateOfService, String drugName, Money balance,
                          Money thirdPartyBalance, boolean federalProgram) {

    public String rxFill() {
        return rxNumber + "-" + String.format("%02d", fillNumber);
    }

    public long ageDays(LocalDate asOf) {
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(dateOfService, asOf));
    }

    public boolean thirdPartyOpen() {
        return !thirdPartyBalance.isZero();
    }
}
