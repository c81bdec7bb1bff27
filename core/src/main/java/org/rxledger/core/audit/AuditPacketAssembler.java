package org.rxledger.core.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.rxledger.core.audit.AuditPacket.ClaimDetail;
import org.rxledger.core.audit.AuditPacket.ClaimSection;
import org.rxledger.core.audit.AuditPacket.DaysSupplyWorksheet;
import org.rxledger.core.audit.AuditPacket.HistoryEntry;
import org.rxledger.core.audit.AuditPacket.IndexLine;
import org.rxledger.core.audit.AuditPacket.MissingDocument;
import org.rxledger.core.audit.AuditPacket.PacketDocument;
import org.rxledger.core.audit.AuditPacket.PacketException;
import org.rxledger.core.audit.AuditPacket.RefillEntry;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.claim.ClaimStatus;
import org.rxledger.core.payer.PayerDirectory;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Payer;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;

/**
 * Builds the data of a desk-audit packet for one case (DOMAIN.md §5.5) in one read transaction.
 * It decides what goes in and what is missing; rendering (PDF) is the reports module's job.
 *
 * <p>Expected documents per claim (§5.2, §5.4 items 2–3): the prescription hard copy front, and a
 * signature log <em>or</em> proof of delivery. Each one not on file gets a {@link MissingDocument}
 * (a "Not on file" page) and an exceptions-list entry. A DAW 1 claim without a hard copy is listed
 * separately because its recoupment risk is the brand–generic difference (§1.5).
 *
 * <p>Attached files are re-hashed: a file that is gone or whose SHA-256 no longer matches the one
 * recorded at attachment is not enclosed and is reported as an exception (§9.1 integrity).
 */
public final class AuditPacketAssembler {

    private static final Set<DocumentKind> HARD_COPY = EnumSet.of(DocumentKind.HARD_COPY_FRONT);
    private static final Set<DocumentKind> PICKUP_PROOF = EnumSet.of(DocumentKind.SIGNATURE_LOG, DocumentKind.DELIVERY_PROOF);

    private final Transactions transactions;
    private final DocumentFiles documentFiles;
    private final RemittanceHistory remittances;
    private final Clock clock;

    /**
     * @param dataDir     the data folder holding {@code documents/}
     * @param remittances remittance lines per claim, or {@link RemittanceHistory#NONE} until the 835 work lands
     */
    public AuditPacketAssembler(Transactions transactions, Path dataDir, RemittanceHistory remittances, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.documentFiles = new DocumentFiles(dataDir);
        this.remittances = Objects.requireNonNull(remittances, "remittances");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws AuditCaseException when the audit id is unknown or the pharmacy's own details (name,
     *                            NPI, NCPDP #) have not been set up: the cover letter cannot go without them
     */
    public AuditPacket assemble(String auditId) {
        return transactions.read(tx -> {
            AuditCase auditCase = tx.port(AuditCaseRepository.class).findByAuditId(auditId == null ? "" : auditId.strip())
                    .orElseThrow(() -> new AuditCaseException("No audit with id " + auditId + " is on file."));
            Pharmacy pharmacy = tx.port(ReferenceRepository.class).pharmacy().orElseThrow(() -> new AuditCaseException(
                    "The pharmacy's name, NPI and NCPDP number are not set up yet; enter them in Settings first."));
            Map<Integer, List<AuditDocument>> docsByLine = tx.port(AuditCaseRepository.class).documents(auditCase.id()).stream()
                    .collect(Collectors.groupingBy(AuditDocument::lineNo, LinkedHashMap::new, Collectors.toList()));
            Map<String, List<Claim>> claimsByRx = new LinkedHashMap<>();
            PayerDirectory directory = PayerDirectoryService.read(tx);

            List<IndexLine> index = new ArrayList<>();
            List<ClaimSection> sections = new ArrayList<>();
            List<PacketException> exceptions = new ArrayList<>();
            for (RequestedClaim line : tx.port(AuditCaseRepository.class).requestedClaims(auditCase.id())) {
                List<AuditDocument> attached = docsByLine.getOrDefault(line.lineNo(), List.of());
                ClaimSection section = line.isKnown()
                        ? knownSection(tx, directory, line, claimsByRx, attached, exceptions)
                        : unknownSection(line, exceptions);
                sections.add(section);
                index.add(indexLine(section));
            }
            return new AuditPacket(pharmacy, auditCase, index, sections, exceptions,
                    tx.port(AuditCaseRepository.class).transmittals(auditCase.id()), Instant.now(clock), tx.actor().user());
        });
    }

    /** The payer a claim was billed to as the payer directory names it (issue 14), else the plan's payer. */
    private static Payer billedPayer(PayerDirectory directory, Claim claim, Payer planPayer) {
        return directory.forRouting(claim.bin(), claim.pcn(), claim.groupId())
                .map(p -> new Payer(planPayer.id(), p.name(), planPayer.payerIdentifier()))
                .orElse(planPayer);
    }

    private ClaimSection unknownSection(RequestedClaim line, List<PacketException> exceptions) {
        exceptions.add(new PacketException(line.lineNo(), line.rxFill(), line.dateOfService(),
                PacketException.Kind.UNKNOWN_CLAIM, "No claim with this Rx number, fill number and date of service is in the "
                + "pharmacy's records. Check the Rx number and date of service with the auditor."));
        return new ClaimSection(line, null, List.of(), List.of(), null, List.of(), List.of(), List.of());
    }

    private ClaimSection knownSection(Tx tx, PayerDirectory directory, RequestedClaim line, Map<String, List<Claim>> claimsByRx,
                                      List<AuditDocument> attached, List<PacketException> exceptions) {
        List<Claim> ofRx = claimsByRx.computeIfAbsent(line.rxNumber(), rx -> tx.port(ClaimRepository.class).forRx(rx));
        Claim claim = ofRx.stream().filter(c -> c.id() == line.claimId()).findFirst()
                .or(() -> tx.port(ClaimRepository.class).find(line.claimId()))
                .orElseThrow(() -> new IllegalStateException("claim " + line.claimId() + " of an audit line is gone"));
        ReferenceRepository ref = tx.port(ReferenceRepository.class);
        Plan plan = ref.plan(claim.planId()).orElseThrow();
        Drug drug = ref.drug(claim.drugId()).orElseThrow();
        ClaimDetail detail = new ClaimDetail(claim, ref.patient(claim.patientId()).orElseThrow(),
                ref.prescriber(claim.prescriberId()).orElseThrow(), drug, plan, billedPayer(directory, claim,
                        ref.payer(plan.payerId()).orElseThrow()));

        if (claim.status() != ClaimStatus.PAID) {
            exceptions.add(new PacketException(line.lineNo(), line.rxFill(), line.dateOfService(),
                    PacketException.Kind.NOT_PAID, "The claim on file is " + claim.status().label().toLowerCase(java.util.Locale.ROOT)
                    + ", not paid; see its reversal/rebill history."));
        }

        List<PacketDocument> documents = new ArrayList<>();
        for (AuditDocument d : attached) {
            Path file = documentFiles.resolve(d.storedPath());
            if (DocumentFiles.sha256Of(file).filter(d.sha256()::equals).isPresent()) {
                documents.add(new PacketDocument(d.id(), d.kind(), d.contentType(), file, d.sha256()));
            } else {
                exceptions.add(new PacketException(line.lineNo(), line.rxFill(), line.dateOfService(),
                        PacketException.Kind.DOCUMENT_UNREADABLE, d.kind().label() + " (document " + d.id()
                        + ") is missing from the documents folder or has changed since it was attached; attach it again."));
            }
        }
        Set<DocumentKind> onFile = documents.stream().map(PacketDocument::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DocumentKind.class)));
        List<MissingDocument> missing = new ArrayList<>();
        if (onFile.stream().noneMatch(HARD_COPY::contains)) {
            missing.add(new MissingDocument(DocumentKind.HARD_COPY_FRONT.label(), List.copyOf(HARD_COPY)));
            boolean daw1 = "1".equals(claim.daw());
            exceptions.add(new PacketException(line.lineNo(), line.rxFill(), line.dateOfService(),
                    daw1 ? PacketException.Kind.DAW1_WITHOUT_HARD_COPY : PacketException.Kind.MISSING_HARD_COPY,
                    daw1 ? "Billed DAW 1 (substitution not allowed) but no prescription hard copy is on file to show the "
                            + "prescriber's instruction; the brand–generic difference is at risk."
                            : "The prescription hard copy (front) is not on file."));
        }
        if (onFile.stream().noneMatch(PICKUP_PROOF::contains)) {
            missing.add(new MissingDocument("Signature log or proof of delivery", List.copyOf(PICKUP_PROOF)));
            exceptions.add(new PacketException(line.lineNo(), line.rxFill(), line.dateOfService(),
                    PacketException.Kind.MISSING_SIGNATURE_OR_DELIVERY,
                    "No signature log line or proof of delivery is on file for this fill."));
        }

        return new ClaimSection(line, detail, fillHistory(ofRx, claim), refillHistory(ofRx, claim),
                worksheet(claim, drug), documents, missing, remittances.forClaim(claim.id()));
    }

    private static List<HistoryEntry> fillHistory(List<Claim> ofRx, Claim requested) {
        return ofRx.stream().filter(c -> c.fillNumber() == requested.fillNumber())
                .map(c -> new HistoryEntry(c.id(), c.transactionCode(), c.dateOfService(), c.status(),
                        c.authorizationNumber(), c.planPaid(), c.adjudicatedAt(), c.replacesClaimId(),
                        c.id() == requested.id()))
                .toList();
    }

    /**
     * One row per fill of the prescription, using the fill's representative adjudication (the same
     * rule as resolving a requested claim), in fill order.
     */
    private static List<RefillEntry> refillHistory(List<Claim> ofRx, Claim requested) {
        Map<Integer, Claim> byFill = new java.util.TreeMap<>();
        for (Claim c : ofRx) {
            byFill.merge(c.fillNumber(), c, (a, b) -> AuditCaseService.PREFERRED_ADJUDICATION.compare(a, b) >= 0 ? a : b);
        }
        byFill.put(requested.fillNumber(), requested);
        List<RefillEntry> rows = new ArrayList<>();
        LocalDate previousNextDue = null;
        for (Claim c : byFill.values()) {
            LocalDate nextDue = c.dateOfService().plusDays(c.daysSupply());
            long early = previousNextDue == null ? 0
                    : Math.max(0, ChronoUnit.DAYS.between(c.dateOfService(), previousNextDue));
            rows.add(new RefillEntry(c.fillNumber(), c.dateOfService(), c.quantity(), c.daysSupply(), nextDue, early,
                    c.status(), c.id() == requested.id()));
            if (c.status() == ClaimStatus.PAID) {
                previousNextDue = nextDue;
            }
        }
        return rows;
    }

    private static DaysSupplyWorksheet worksheet(Claim claim, Drug drug) {
        BigDecimal perDay = claim.daysSupply() == 0 ? null
                : claim.quantity().divide(BigDecimal.valueOf(claim.daysSupply()), 3, RoundingMode.HALF_UP).stripTrailingZeros();
        return new DaysSupplyWorksheet(claim.quantity().stripTrailingZeros(), drug.unitOfMeasure(), drug.packageSize(),
                claim.daysSupply(), perDay);
    }

    private static IndexLine indexLine(ClaimSection s) {
        RequestedClaim r = s.requested();
        if (!s.known()) {
            return new IndexLine(r.lineNo(), r.rxNumber(), r.fillNumber(), r.dateOfService(), false, null, null, null,
                    null, null, null, List.of());
        }
        Claim c = s.claim().claim();
        return new IndexLine(r.lineNo(), r.rxNumber(), r.fillNumber(), r.dateOfService(), true, c.ndc(),
                s.claim().drug().label(), c.quantity().stripTrailingZeros(), c.daysSupply(), c.daw(), c.planPaid(),
                s.documents().stream().map(PacketDocument::kind).toList());
    }
}
