package org.rxledger.core.collections;

import java.time.LocalDate;
import org.rxledger.core.money.Money;

/**
 * One account referred to a collection agency: the row of the export file. It names the debtor (the agency needs
 * it to collect, a disclosure for payment that HIPAA permits without an accounting entry) but no drug or diagnosis.
 */
public record AgencyReferral(String accountKey, String name, String agency, Money balance, LocalDate oldestService,
                             int statementsSent, LocalDate lastStatement, LocalDate lastPayment, LocalDate referredOn,
                             String by) {
}
