package org.rxledger.core.claim;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rxledger.core.access.IdentifierMask;
import org.rxledger.core.access.Permission;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.tx.Transactions;

/**
 * A claim's patient identifiers in full, for the claim's detail view (issue 16 item 6): only a role with
 * {@link Permission#VIEW_FULL_IDENTIFIERS} gets them, and every such view is an audit record naming the claim
 * and which identifiers were shown — never their values.
 */
public final class ClaimIdentifiers {

    /** Audit action of a view of full identifiers. */
    public static final String AUDIT_VIEWED = "IDENTIFIERS_VIEWED";

    private final Transactions transactions;

    public ClaimIdentifiers(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** A date of birth and a cardholder id as a screen shows them. */
    public record Shown(String dateOfBirth, String cardholderId) {
    }

    /** True when the person signed in may see identifiers in full; otherwise {@link #masked} is what to show. */
    public boolean fullAllowed() {
        return IdentifierMask.of(transactions.session()) == IdentifierMask.FULL;
    }

    /** The claim's identifiers as the mask shows them: what a person without the permission sees. */
    public static Shown masked(Claim claim, Patient patient) {
        return new Shown(IdentifierMask.MASKED.dateOfBirth(patient == null ? null : patient.dateOfBirth()),
                IdentifierMask.MASKED.cardholderId(claim.cardholderId()));
    }

    /**
     * The claim's identifiers in full, recorded in the audit trail in the same transaction.
     *
     * @throws org.rxledger.core.access.PermissionDenied for a role without the permission (recorded; nothing shown)
     */
    public Shown reveal(long claimId) {
        return transactions.inTransaction(Permission.VIEW_FULL_IDENTIFIERS, "see a patient's full identifiers", tx -> {
            Claim claim = tx.port(ClaimRepository.class).find(claimId).orElseThrow(() ->
                    new RxLedgerException("CLAIM_UNKNOWN", "There is no claim " + claimId + "."));
            Patient patient = tx.port(ReferenceRepository.class).patient(claim.patientId()).orElse(null);
            tx.port(AuditTrail.class).record(AUDIT_VIEWED, "claim", String.valueOf(claimId),
                    Map.of("fields", List.of("date_of_birth", "cardholder_id")));
            return new Shown(IdentifierMask.FULL.dateOfBirth(patient == null ? null : patient.dateOfBirth()),
                    IdentifierMask.FULL.cardholderId(claim.cardholderId()));
        });
    }
}
