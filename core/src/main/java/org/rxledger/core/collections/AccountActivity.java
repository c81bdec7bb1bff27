package org.rxledger.core.collections;

import java.time.LocalDate;
import org.rxledger.core.money.Money;

/** One PATIENT_RECEIVABLE ledger entry of an account, as its detail lists it (positive: owed; negative: paid, credited). */
public record AccountActivity(LocalDate date, String rxFill, String sourceType, String memo, Money amount, String by) {
}
