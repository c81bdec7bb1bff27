package org.rxledger.core.remit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rxledger.core.money.Money;

/**
 * The header of one 835 transaction set (ST…SE): one payment (check, EFT or notice) from one payer
 * to one payee. Claims and provider adjustments are delivered separately so that a file of any size
 * streams (see {@link RemittanceHandler}).
 *
 * @param transactionControlNumber ST02
 * @param references header REF segments (EV receiver id, F2 version)
 * @param productionDate DTM*405, null when absent
 */
public record Payment(Interchange interchange, FunctionalGroup group, String transactionControlNumber,
                      FinancialInfo financial, Trace trace, List<Reference> references, LocalDate productionDate,
                      Party payer, Party payee) {

    public Payment {
        Objects.requireNonNull(interchange, "interchange");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(transactionControlNumber, "transactionControlNumber");
        Objects.requireNonNull(financial, "financial");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(payee, "payee");
        references = List.copyOf(references);
    }

    public Money amount() {
        return financial.amount();
    }

    public String traceNumber() {
        return trace.number();
    }

    /**
     * The payer's identifier for duplicate detection: TRN03 (1 + EIN, required), else N104, else
     * BPR10.
     */
    public String payerIdentifier() {
        if (trace.originatorId() != null) {
            return trace.originatorId();
        }
        return payer.id() != null ? payer.id() : financial.originatingCompanyId();
    }

    /** Payee NPI: N104 when N103 is XX. */
    public Optional<String> payeeNpi() {
        return "XX".equals(payee.idQualifier()) ? Optional.ofNullable(payee.id()) : Optional.empty();
    }

    /** REF*D3: NCPDP pharmacy number. */
    public Optional<String> payeeNcpdp() {
        return payee.reference("D3");
    }

    /** REF*TJ or N104 when N103 is FI: payee tax id. */
    public Optional<String> payeeTaxId() {
        return payee.reference("TJ").or(() -> "FI".equals(payee.idQualifier())
                ? Optional.ofNullable(payee.id()) : Optional.empty());
    }

    /** How a clerk names this payment in messages: "Payment 1 (trace EFT1234)". */
    public String label(int number) {
        return "Payment " + number + " (trace " + trace.number() + ")";
    }
}
