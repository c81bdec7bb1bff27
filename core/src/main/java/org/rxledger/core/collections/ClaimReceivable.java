package org.rxledger.core.collections;

import java.time.LocalDate;
import org.rxledger.core.money.Money;

/**
 * One claim a plan still owes on as of a date (its THIRD_PARTY_RECEIVABLE ledger entries sum to more than zero): what
 * the third-party write-off rules may take. A credit (paid twice, or paid after a counter reversal) is money owed
 * back to the payer and never appears here.
 *
 * @param rebilled a later claim for the same Rx, fill and date of service exists: the office rebilled it
 */
public record ClaimReceivable(long claimId, long patientId, long payerId, String payer, String rxNumber, int fillNumber,
                              LocalDate dateOfService, Money balance, boolean rebilled) {

    public String rxFill() {
        return rxNumber + "-" + String.format("%02d", fillNumber);
    }
}
