package org.rxledger.core.recon;

import java.time.LocalDate;
import org.rxledger.core.money.Money;

/**
 * One matched claim payment as reconciliation sees it.
 *
 * @param paid     CLP04, negative on reversals
 * @param reversal CLP02 = 22
 * @param denied   CLP02 = 4, or nothing paid with a denial adjustment
 */
public record RemitLine(LocalDate paymentDate, Money paid, boolean reversal, boolean denied) {
}
