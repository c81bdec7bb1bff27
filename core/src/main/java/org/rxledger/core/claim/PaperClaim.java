package org.rxledger.core.claim;

import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Payer;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.Prescriber;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.tx.Tx;

/**
 * Everything a paper document about one claim prints: the universal claim form sheet (DOMAIN.md §7.2) and
 * the itemised receipt for direct member reimbursement (§7.3). Read in one transaction; contains PHI, so
 * it is printed, never logged.
 */
public record PaperClaim(Claim claim, Patient patient, Plan plan, Payer payer, Prescriber prescriber, Drug drug,
                         Pharmacy pharmacy) {

    /**
     * @throws IllegalArgumentException when the claim does not exist
     * @throws IllegalStateException    when the pharmacy's own NPI/NCPDP id is not set up yet
     */
    public static PaperClaim load(Tx tx, long claimId) {
        Claim c = tx.port(ClaimRepository.class).find(claimId).orElseThrow(() -> RxLedgerException.notFound("Claim " + claimId + " does not exist"));
        Pharmacy pharmacy = tx.port(ReferenceRepository.class).pharmacy().orElseThrow(() -> RxLedgerException.refused(
                "The pharmacy's name, NPI and NCPDP number are not set up yet; they are printed on every paper claim"));
        ReferenceRepository reference = tx.port(ReferenceRepository.class);
        Plan plan = reference.plan(c.planId()).orElseThrow();
        return new PaperClaim(c, reference.patient(c.patientId()).orElseThrow(), plan,
                reference.payer(plan.payerId()).orElseThrow(), reference.prescriber(c.prescriberId()).orElseThrow(),
                reference.drug(c.drugId()).orElseThrow(), pharmacy);
    }
}
