package org.rxledger.core.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Pharmacy;

/**
 * What a MAC appeal to the payer holds for one claim priced on a MAC list (docs/contracts.md): the pharmacy, the
 * claim by Rx, fill, date of service and product, the MAC price and list, NADAC and the pharmacy's invoice cost on
 * the date of service when known, and the MAC ingredient reimbursement against the acquisition cost. Nothing names
 * the patient (a payer needs the claim, not the person: minimum necessary).
 *
 * @param nadacUnitPrice   null when no NADAC row covers the NDC on the date of service
 * @param invoiceUnitCost  null when no invoice of the NDC is on or before the date of service
 * @param macReimbursement MAC unit price × quantity, to the cent (the ingredient cost the MAC pays)
 * @param acquisitionCost  invoice cost per unit × quantity when known, else NADAC × quantity
 * @param costBasis        "invoice" or "NADAC": which of the two {@code acquisitionCost} is
 */
public record MacAppeal(Pharmacy pharmacy, long claimId, String payer, String contract, String rx, int fill,
                        LocalDate dateOfService, String ndc, String drug, BigDecimal quantity, String macList,
                        BigDecimal macUnitPrice, BigDecimal nadacUnitPrice, BigDecimal invoiceUnitCost,
                        Money macReimbursement, Money acquisitionCost, String costBasis, String formula, String working) {

    /** Acquisition cost − MAC reimbursement: what the MAC rate leaves the pharmacy short on the ingredient. */
    public Money shortfall() {
        return acquisitionCost.minus(macReimbursement);
    }

    /** The request, in the words state MAC-appeal rules ask for: the rate, the cost available in the market, the ask. */
    public String statement() {
        return "The MAC rate of " + macUnitPrice.toPlainString() + " per unit (" + macList + ") for NDC " + ndc
                + " on " + dateOfService + " is below the pharmacy's acquisition cost available in the market ("
                + ("invoice".equals(costBasis) ? "wholesaler invoice " : "NADAC ") + acquisitionCost + " for "
                + quantity.stripTrailingZeros().toPlainString() + " units against a MAC reimbursement of "
                + macReimbursement + "). We request an adjustment of the MAC rate for this NDC to at least the "
                + "acquisition cost and a reprocessing of this claim, paying the shortfall of " + shortfall() + ".";
    }
}
