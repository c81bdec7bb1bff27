package org.rxledger.core.audit;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimStatus;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Payer;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.Prescriber;

/**
 * The data of one desk-audit packet (DOMAIN.md §5.5), ready for a renderer: plain values, no
 * formatting and no I/O left to do except reading the attached files.
 *
 * <p>Minimum necessary (DOMAIN.md §9.2): it holds only the claims the auditor requested, plus the
 * other fills of the same prescriptions for the refill history the auditor asks for (§5.2).
 *
 * @param pharmacy     who answers the audit (name, NPI, NCPDP #, address)
 * @param auditCase    the case header (PBM, audit id, letter and due dates, contact)
 * @param index        one row per requested line, auditor's order
 * @param claims       one section per requested line, same order; unknown lines have no claim
 * @param exceptions   items not found or not on file, with the reason (§5.5 item 4)
 * @param transmittals earlier sendings of this case (§5.5 item 5)
 * @param assembledAt  when the data was read
 * @param preparedBy   the user who assembled it (the cover letter's signer)
 */
public record AuditPacket(Pharmacy pharmacy, AuditCase auditCase, List<IndexLine> index, List<ClaimSection> claims,
                          List<PacketException> exceptions, List<Transmittal> transmittals, Instant assembledAt,
                          String preparedBy) {

    public AuditPacket {
        index = List.copyOf(index);
        claims = List.copyOf(claims);
        exceptions = List.copyOf(exceptions);
        transmittals = List.copyOf(transmittals);
    }

    /**
     * One row of the index table. Claim fields are null for an unknown line; {@code amountPaid} is
     * the plan's Total Amount Paid (509-F9).
     */
    public record IndexLine(int lineNo, String rxNumber, int fillNumber, LocalDate dateOfService, boolean known,
                            String ndc11, String drug, BigDecimal quantity, Integer daysSupply, String daw,
                            Money amountPaid, List<DocumentKind> documents) {
        public IndexLine {
            documents = List.copyOf(documents);
        }
    }

    /**
     * Everything for one requested line (§5.5 item 3). For an unknown line {@code claim} is null and
     * the lists are empty.
     *
     * @param remittanceLines the optional "Remittance lines" section, fed by {@link RemittanceHistory}
     */
    public record ClaimSection(RequestedClaim requested, ClaimDetail claim, List<HistoryEntry> fillHistory,
                               List<RefillEntry> refillHistory, DaysSupplyWorksheet worksheet,
                               List<PacketDocument> documents, List<MissingDocument> missing,
                               List<RemittanceHistory.Line> remittanceLines) {
        public ClaimSection {
            fillHistory = List.copyOf(fillHistory);
            refillHistory = List.copyOf(refillHistory);
            documents = List.copyOf(documents);
            missing = List.copyOf(missing);
            remittanceLines = List.copyOf(remittanceLines);
        }

        public boolean known() {
            return claim != null;
        }
    }

    /** The claim as billed and as paid, with the reference records its ids point to. */
    public record ClaimDetail(Claim claim, Patient patient, Prescriber prescriber, Drug drug, Plan plan, Payer payer) {
    }

    /** One adjudication of the same Rx and fill: the original, its reversal, the rebill (§1.8). */
    public record HistoryEntry(long claimId, String transactionCode, LocalDate dateOfService, ClaimStatus status,
                               String authorizationNumber, Money planPaid, Instant adjudicatedAt,
                               Long replacesClaimId, boolean requested) {
    }

    /**
     * One fill of the prescription for the refill history (§5.5 g): {@code nextDue} is DOS + days
     * supply; {@code daysEarly} is how many days before the previous fill's next-due date this fill
     * was dispensed (0 when on time), which is what an auditor checks for overlap.
     */
    public record RefillEntry(int fillNumber, LocalDate dateOfService, BigDecimal quantity, int daysSupply,
                              LocalDate nextDue, long daysEarly, ClaimStatus status, boolean requested) {
    }

    /**
     * Days-supply worksheet data (§5.5 d). Sig, units per dose and doses per day come from the
     * prescription, which the workstation does not store: the renderer leaves them to be filled in.
     * {@code quantityPerDay} is null when the billed days supply is 0.
     */
    public record DaysSupplyWorksheet(BigDecimal quantity, String unitOfMeasure, String packageSize,
                                      int billedDaysSupply, BigDecimal quantityPerDay) {
    }

    /** An attached document to enclose: its absolute path in the data folder and its checked hash. */
    public record PacketDocument(long documentId, DocumentKind kind, DocumentContentType contentType, Path file,
                                 String sha256) {
    }

    /** An expected document that is not on file; the packet prints a "Not on file" page for it. */
    public record MissingDocument(String description, List<DocumentKind> acceptedKinds) {
        public MissingDocument {
            acceptedKinds = List.copyOf(acceptedKinds);
        }
    }

    /** An item of the exceptions list: which line, what is wrong, in words. */
    public record PacketException(int lineNo, String rxFill, LocalDate dateOfService, Kind kind, String explanation) {

        public enum Kind {
            UNKNOWN_CLAIM, NOT_PAID, MISSING_HARD_COPY, MISSING_SIGNATURE_OR_DELIVERY, DAW1_WITHOUT_HARD_COPY,
            DOCUMENT_UNREADABLE
        }
    }
}
