package org.rxledger.core.reporting;

import java.time.LocalDate;
import org.rxledger.core.money.Money;

/**
 * One denied or rejected claim with its primary code. For an 835 claim the code is the CARC of its
 * largest non-patient (not PR) adjustment, written "CO-16"; an 835 denial with no such CAS has code
 * "CLP02-4". For an NCPDP reject the code is the first reject code (511-FB). {@code date} is the
 * payment date (835) or the date of service (reject); {@code reference} the trace number or the
 * authorization/claim reference.
 */
public record DenialRow(DenialSource source, String code, String description, String payerName, LocalDate date,
                        String rxFill, LocalDate dateOfService, Money billed, Money paid, String reference) {
}
