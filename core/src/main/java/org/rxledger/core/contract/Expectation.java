package org.rxledger.core.contract;

import java.math.BigDecimal;
import org.rxledger.core.money.Money;

/**
 * What a claim should have been paid under its contract, with the pieces that make it up, or why it cannot be
 * priced (no price of the basis for the NDC on the date of service).
 *
 * @param unitPrice      the basis price per unit used (5 decimals as published)
 * @param formulaAmount  basis × quantity adjusted by the percent, plus the dispensing fee
 * @param contractAmount the formula amount, or U&amp;C or the submitted amount when lower and the contract says lesser-of
 * @param lesserOf       "U&amp;C" or "submitted" when one of them set the contract amount, else null
 * @param fees           transaction fee and post-adjudication fees the contract lets the PBM take
 * @param expected       what the plan should pay: contract amount − patient pay − fees, never below zero
 * @param working        the arithmetic in words, for the screen, the CLI and the appeal packet
 * @param unpriced       why no expectation could be made; the other amounts are null then
 */
public record Expectation(ContractTerms terms, Formula formula, BigDecimal unitPrice, Money formulaAmount,
                          Money contractAmount, String lesserOf, Money fees, Money expected, String working,
                          String unpriced) {

    public boolean priced() {
        return unpriced == null;
    }

    static Expectation unpriced(ContractTerms terms, Formula formula, String why) {
        return new Expectation(terms, formula, null, null, null, null, null, null, why, why);
    }
}
