package org.rxledger.core.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rxledger.core.payer.Routing;

/**
 * One version of a contract for one routing, in force from {@code effectiveFrom} until a later version of the same
 * routing. Post-adjudication fees are what the PBM may take after adjudication: a percent of the contract amount
 * and a flat amount per claim; the transaction fee is per claim too.
 *
 * @param id 0 until stored
 */
public record ContractTerms(long id, String contractName, long payerId, String payerName, Routing routing,
                            LocalDate effectiveFrom, Formula brand, Formula generic, String macList, boolean lesserOfUc,
                            BigDecimal transactionFee, BigDecimal postAdjPercent, BigDecimal postAdjFlat) {

    public Formula formulaFor(boolean brandDrug) {
        return brandDrug ? brand : generic;
    }

    /** "contract X for routing R from D": what a clerk reads in a notice. */
    public String label() {
        return contractName + " (" + routing.label() + ") from " + effectiveFrom;
    }

    /** The terms of {@code previous} this version changes, one phrase each ("generic AWP − 15% + 1.75 → MAC × qty + 1.00"). */
    public List<String> changesFrom(ContractTerms previous) {
        List<String> changes = new ArrayList<>();
        if (!brand.sameAs(previous.brand)) {
            changes.add("brand " + previous.brand.label() + " → " + brand.label());
        }
        if (!generic.sameAs(previous.generic)) {
            changes.add("generic " + previous.generic.label() + " → " + generic.label());
        }
        if (!macList.equals(previous.macList)) {
            changes.add("MAC list '" + previous.macList + "' → '" + macList + "'");
        }
        if (lesserOfUc != previous.lesserOfUc) {
            changes.add(lesserOfUc ? "lesser of U&C/submitted now applies" : "lesser of U&C/submitted no longer applies");
        }
        compare(changes, "transaction fee", previous.transactionFee, transactionFee);
        compare(changes, "post-adjudication fee %", previous.postAdjPercent, postAdjPercent);
        compare(changes, "post-adjudication flat fee", previous.postAdjFlat, postAdjFlat);
        return changes;
    }

    private static void compare(List<String> changes, String what, BigDecimal before, BigDecimal after) {
        if (before.compareTo(after) != 0) {
            changes.add(what + " " + before.stripTrailingZeros().toPlainString() + " → " + after.stripTrailingZeros().toPlainString());
        }
    }
}
