package org.rxledger.core.matching;

import java.util.Optional;
import org.rxledger.core.payer.Clp07Convention;
import org.rxledger.core.payer.DirectoryPayer;
import org.rxledger.core.payer.PayerDirectory;

/**
 * What the payer directory says for one payment: who sent it (by TRN03, N104 / REF*2U, name), who adjudicated
 * each candidate claim (by routing), and whether this payer's CLP07 carries the authorization number. Unknown on
 * either side makes the payer key "not available", never a disagreement.
 *
 * @param remitPayer the payment's directory payer; null when the directory does not know it
 */
public record PayerContext(PayerDirectory directory, DirectoryPayer remitPayer, Clp07Convention clp07) {

    /** No directory: payer and COB keys not available, CLP07 not known. */
    public static final PayerContext NONE = new PayerContext(PayerDirectory.EMPTY, null, Clp07Convention.UNKNOWN);

    public PayerContext {
        directory = directory == null ? PayerDirectory.EMPTY : directory;
        clp07 = clp07 == null ? Clp07Convention.UNKNOWN : clp07;
    }

    /** The context of a payment as stored: identifier (TRN03, else N104, else BPR10) and N1*PR name. */
    public static PayerContext of(PayerDirectory directory, String payerIdentifier, String payerName) {
        DirectoryPayer payer = directory.forStoredPayment(payerIdentifier, payerName).orElse(null);
        return new PayerContext(directory, payer, payer == null ? Clp07Convention.UNKNOWN
                : directory.clp07(payer.id()).convention());
    }

    /** The directory payer of a claim, by its routing. */
    public Optional<DirectoryPayer> claimPayer(ClaimFacts claim) {
        return claim.bin() == null ? Optional.empty() : directory.forRouting(claim.bin(), claim.pcn(), claim.groupId());
    }

    /** Whether CLP07 is this payer's authorization number, so a different CLP07 speaks against a claim. */
    public boolean clp07IsAuthorization() {
        return clp07 == Clp07Convention.AUTHORIZATION;
    }
}
