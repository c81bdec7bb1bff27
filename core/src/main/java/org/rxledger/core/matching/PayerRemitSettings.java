package org.rxledger.core.matching;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.ledger.PostingMode;

/**
 * Per-payer settings for remittances, keyed by the payer name as sent in N1*PR (case-insensitive).
 * A payer without settings gets {@link #defaults}: automatic posting, default CLP01 patterns only.
 *
 * @param clp01Patterns regular expressions with named groups {@code rx} (required), {@code fill},
 *                      {@code dos}; tried before the defaults (see {@link Clp01Patterns})
 */
public record PayerRemitSettings(String payerName, PostingMode postingMode, List<String> clp01Patterns) {

    public PayerRemitSettings {
        Objects.requireNonNull(payerName, "payerName");
        if (payerName.isBlank()) {
            throw RxLedgerException.invalid("payer name is required");
        }
        payerName = payerName.strip().toUpperCase(Locale.ROOT);
        postingMode = postingMode == null ? PostingMode.AUTOMATIC : postingMode;
        clp01Patterns = clp01Patterns == null ? List.of()
                : clp01Patterns.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
        // validates the patterns now, with a message naming the payer, rather than at the next import
        new Clp01Patterns().forPayer(payerName, clp01Patterns);
    }

    public static PayerRemitSettings defaults(String payerName) {
        return new PayerRemitSettings(payerName, PostingMode.AUTOMATIC, List.of());
    }
}
