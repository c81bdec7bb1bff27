package org.rxledger.core.remit;

import java.time.LocalDate;
import java.util.Objects;
import org.rxledger.core.money.Money;

/**
 * BPR financial information (DOMAIN.md §2.2). Every element is kept; empty elements are null.
 *
 * @param handlingCode BPR01: C payment with advice, I information only, H notification only, D, P, U, X
 * @param amount BPR02 total actual provider payment, never negative
 * @param creditDebit BPR03: C credit, D debit
 * @param method BPR04: ACH, CHK, FWT, BOP, NON
 * @param format BPR05: CCP or CTX (ACH only)
 * @param paymentDate BPR16 check issue or EFT effective date
 */
public record FinancialInfo(String handlingCode, Money amount, String creditDebit, String method, String format,
                            String senderDfiQualifier, String senderDfiNumber, String senderAccountQualifier,
                            String senderAccountNumber, String originatingCompanyId,
                            String originatingCompanySupplementalCode, String receiverDfiQualifier,
                            String receiverDfiNumber, String receiverAccountQualifier, String receiverAccountNumber,
                            LocalDate paymentDate) {

    public FinancialInfo {
        Objects.requireNonNull(handlingCode, "handlingCode");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(creditDebit, "creditDebit");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(paymentDate, "paymentDate");
    }

    /** A check or EFT without bank details (CHK, NON, or tests). */
    public static FinancialInfo simple(String handlingCode, Money amount, String method, LocalDate paymentDate) {
        return new FinancialInfo(handlingCode, amount, "C", method, null, null, null, null, null, null, null, null,
                null, null, null, paymentDate);
    }
}
