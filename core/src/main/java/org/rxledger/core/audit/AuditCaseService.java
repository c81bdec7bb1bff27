package org.rxledger.core.audit;

import org.rxledger.core.error.RxLedgerException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.claim.ResponseStatus;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.DirectoryPayer;
import org.rxledger.core.payer.PayerDirectory;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.security.DisclosureLog;
import org.rxledger.core.access.Permission;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;

/**
 * Use cases of PBM audit cases (DOMAIN.md §5): open a case from the audit letter and its claim list,
 * move it through its statuses, log each transmittal, record findings and attach documents per line.
 *
 * <p>Every write runs in one transaction together with its journal event and its audit-trail
 * record (ARCHITECTURE.md rule 3). Journal payloads and audit details carry ids only, no patient
 * data (DOMAIN.md §9.2). Cases are addressed by the auditor's audit id, which is what the letter,
 * the clerk and the CLI know.
 */
public final class AuditCaseService {

    /** An unsubmitted case due within this many days (today included) is flagged "due soon". */
    public static final int DUE_SOON_DAYS = 3;

    public static final String EVENT_CASE_CREATED = "audit.case.created";
    public static final String EVENT_CLAIMS_REQUESTED = "audit.claims.requested";
    public static final String EVENT_STATUS_CHANGED = "audit.case.status_changed";
    public static final String EVENT_TRANSMITTAL_LOGGED = "audit.transmittal.logged";
    public static final String EVENT_FINDING_RECORDED = "audit.finding.recorded";
    public static final String EVENT_DOCUMENT_ATTACHED = "audit.document.attached";
    public static final String EVENT_PACKET_GENERATED = "audit.packet.generated";

    /** Entity type of audit-trail records about cases; the entity id is the audit id. */
    public static final String ENTITY = "audit_case";

    private final Transactions transactions;
    private final DocumentFiles documentFiles;
    private final Clock clock;

    /**
     * @param dataDir the data folder; attached documents are copied to {@code dataDir/documents}
     * @param clock   decides "today" for the due-soon/overdue flags
     */
    public AuditCaseService(Transactions transactions, Path dataDir, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.documentFiles = new DocumentFiles(dataDir);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens a case with its requested claims in the given (auditor's) order, numbered from 1.
     * Each line is resolved against the stored claims; a line with no matching claim is kept with
     * no claim id and reported as unknown, never dropped.
     *
     * @throws AuditCaseException when the audit id is already on file
     */
    public AuditCaseDetail create(NewAuditCase header, List<RequestedLine> lines) {
        return create(header, lines, null);
    }

    /**
     * {@link #create} that accepts listed claims billed to another payer than the case's PBM when a person says
     * why ({@code otherPayersReason}, recorded in the audit trail with the lines it let in); with null such
     * claims are refused and nothing is created (issue 20: a packet for one PBM must not disclose another PBM's
     * patients — HIPAA minimum necessary).
     */
    public AuditCaseDetail create(NewAuditCase header, List<RequestedLine> lines, String otherPayersReason) {
        Objects.requireNonNull(header, "header");
        return transactions.inTransaction(Permission.AUDIT_CASE_MANAGE, "open a PBM audit case", tx -> {
            AuditCaseRepository cases = tx.port(AuditCaseRepository.class);
            if (cases.findByAuditId(header.auditId()).isPresent()) {
                throw new AuditCaseException("An audit with id " + header.auditId()
                        + " is already on file. Open that case instead of creating it again.");
            }
            AuditCase stored = cases.insert(new AuditCase(0, header.auditId(), header.pbmName(), header.type(),
                    header.letterDate(), header.dueDate(), header.contact(), AuditStatus.RECEIVED,
                    Instant.now(clock), tx.actor().user()));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("auditId", stored.auditId());
            payload.put("pbm", stored.pbmName());
            payload.put("type", stored.type().name());
            payload.put("letterDate", stored.letterDate());
            payload.put("dueDate", stored.dueDate());
            tx.port(Journal.class).append(EVENT_CASE_CREATED, payload);
            tx.port(AuditTrail.class).record("AUDIT_CASE_CREATED", ENTITY, stored.auditId(),
                    Map.of("pbm", stored.pbmName(), "type", stored.type().name(), "dueDate", stored.dueDate()));
            addLines(tx, stored, lines, otherPayersReason);
            return detail(tx, stored);
        });
    }

    /** {@link #create} with the claim list read from a CSV file (see {@link RequestedClaimsCsv}). */
    public AuditCaseDetail createFromCsv(NewAuditCase header, Path csv) {
        return createFromCsv(header, csv, null);
    }

    /** {@link #create(NewAuditCase, List, String)} with the claim list read from a CSV file. */
    public AuditCaseDetail createFromCsv(NewAuditCase header, Path csv, String otherPayersReason) {
        return create(header, readCsv(csv), otherPayersReason);
    }

    /**
     * Appends the claims of a CSV list to an existing case, numbered after its last line (auditors
     * sometimes send the list in parts). Nothing is added unless the whole file is valid.
     *
     * @throws RequestedClaimsCsv.InvalidCsvException naming every bad line and column
     */
    public AuditCaseDetail importRequestedClaimsCsv(String auditId, Path csv) {
        return appendLines(auditId, readCsv(csv));
    }

    /** Same as {@link #importRequestedClaimsCsv(String, Path)} for a list already open as text. */
    public AuditCaseDetail importRequestedClaimsCsv(String auditId, Reader csv) {
        return appendLines(auditId, RequestedClaimsCsv.parse(csv));
    }

    private AuditCaseDetail appendLines(String auditId, List<RequestedLine> lines) {
        return transactions.inTransaction(Permission.AUDIT_CASE_MANAGE, "add claims to a PBM audit case", tx -> {
            AuditCase c = requireCase(tx, auditId);
            addLines(tx, c, lines, null);
            return detail(tx, c);
        });
    }

    /**
     * Moves the case to {@code target} if {@link AuditStatus#canMoveTo} allows it.
     *
     * @throws AuditCaseException in plain words when the move is not allowed
     */
    public AuditCase changeStatus(String auditId, AuditStatus target) {
        Objects.requireNonNull(target, "target");
        return transactions.inTransaction(Permission.AUDIT_CASE_MANAGE, "change a PBM audit case's status", tx -> {
            AuditCase c = requireCase(tx, auditId);
            if (!c.status().canMoveTo(target)) {
                String allowed = c.status().next().isEmpty() ? "a closed audit cannot change any more"
                        : "from " + c.status().label() + " it can only move to "
                        + String.join(" or ", c.status().next().stream().map(AuditStatus::label).toList());
                throw new AuditCaseException("Audit " + auditId + " cannot move from " + c.status().label() + " to "
                        + target.label() + ": " + allowed + ".");
            }
            tx.port(AuditCaseRepository.class).updateStatus(c.id(), target);
            tx.port(Journal.class).append(EVENT_STATUS_CHANGED,
                    Map.of("auditId", auditId, "from", c.status().name(), "to", target.name()));
            tx.port(AuditTrail.class).record("AUDIT_STATUS_CHANGED", ENTITY, auditId,
                    Map.of("from", c.status().name(), "to", target.name()));
            return c.withStatus(target);
        });
    }

    /** Records one sending of the packet (DOMAIN.md §5.5 item 5). */
    public Transmittal logTransmittal(String auditId, TransmittalMethod method, Instant sentAt, String trackingNumber,
                                      String person) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(sentAt, "sentAt");
        if (person == null || person.isBlank()) {
            throw RxLedgerException.invalid("who sent the packet is empty");
        }
        String tracking = trackingNumber == null ? "" : trackingNumber.strip();
        return transactions.inTransaction(Permission.AUDIT_CASE_MANAGE, "log a packet transmittal", tx -> {
            AuditCase c = requireCase(tx, auditId);
            Transmittal t = tx.port(AuditCaseRepository.class).insertTransmittal(new Transmittal(0, c.id(), method, sentAt, tracking,
                    person.strip()));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("auditId", auditId);
            payload.put("method", method.name());
            payload.put("sentAt", sentAt);
            payload.put("trackingNumber", tracking);
            payload.put("person", t.person());
            tx.port(Journal.class).append(EVENT_TRANSMITTAL_LOGGED, payload);
            tx.port(AuditTrail.class).record("AUDIT_TRANSMITTAL", ENTITY, auditId, payload);
            return t;
        });
    }

    /** Records the auditor's finding and intended recoupment on one requested line. */
    public AuditFinding recordFinding(String auditId, int lineNo, String finding, Money recoupment) {
        Objects.requireNonNull(recoupment, "recoupment");
        if (finding == null || finding.isBlank()) {
            throw RxLedgerException.invalid("the finding text is empty");
        }
        if (recoupment.isNegative()) {
            throw RxLedgerException.invalid("a recoupment of " + recoupment + " is negative; enter the amount the PBM takes back");
        }
        return transactions.inTransaction(Permission.AUDIT_CASE_MANAGE, "record an audit finding", tx -> {
            AuditCase c = requireCase(tx, auditId);
            requireLine(tx, c, lineNo);
            AuditFinding f = tx.port(AuditCaseRepository.class).insertFinding(new AuditFinding(0, c.id(), lineNo, finding.strip(),
                    recoupment, Instant.now(clock), tx.actor().user()));
            tx.port(Journal.class).append(EVENT_FINDING_RECORDED,
                    Map.of("auditId", auditId, "line", lineNo, "findingId", f.id(), "recoupment", recoupment));
            tx.port(AuditTrail.class).record("AUDIT_FINDING", ENTITY, auditId,
                    Map.of("line", lineNo, "findingId", f.id(), "recoupment", recoupment));
            return f;
        });
    }

    /**
     * Copies {@code file} into the documents folder under its SHA-256 and attaches it to a line.
     * The copy happens before the transaction: if the transaction fails, an unreferenced
     * content-named file is left behind, which is harmless and reused by the next attempt.
     *
     * @throws AuditCaseException when the file is not a PDF, PNG or JPEG (by its bytes) or the line does not exist
     */
    public AuditDocument attachDocument(String auditId, int lineNo, DocumentKind kind, Path file) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        transactions.read(tx -> requireLine(tx, requireCase(tx, auditId), lineNo));
        DocumentFiles.Stored stored = documentFiles.store(file);
        return transactions.inTransaction(Permission.AUDIT_CASE_MANAGE, "attach a document to a PBM audit case", tx -> {
            AuditCase c = requireCase(tx, auditId);
            requireLine(tx, c, lineNo);
            AuditDocument d = tx.port(AuditCaseRepository.class).insertDocument(new AuditDocument(0, c.id(), lineNo, kind,
                    stored.contentType(), stored.sha256(), stored.relativePath(), file.getFileName().toString(),
                    stored.sizeBytes(), Instant.now(clock), tx.actor().user()));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("auditId", auditId);
            payload.put("line", lineNo);
            payload.put("documentId", d.id());
            payload.put("kind", kind.name());
            payload.put("contentType", stored.contentType().name());
            payload.put("sha256", stored.sha256());
            tx.port(Journal.class).append(EVENT_DOCUMENT_ATTACHED, payload);
            tx.port(AuditTrail.class).record("AUDIT_DOCUMENT_ATTACHED", ENTITY, auditId, payload);
            return d;
        });
    }

    /**
     * Records that a packet was generated — a disclosure of PHI for payment (DOMAIN.md §5.5 privacy,
     * §9.2 internal disclosure log): who, when (the trail stamps both), which claims, how many pages
     * and the PDF's SHA-256. Call it after the file is in place.
     */
    public void recordPacketGenerated(String auditId, int pageCount, String pdfSha256) {
        if (pageCount < 1) {
            throw RxLedgerException.invalid("a packet has at least one page");
        }
        if (pdfSha256 == null || !pdfSha256.matches("[0-9a-f]{64}")) {
            throw RxLedgerException.invalid("the packet hash must be 64 lower-case hex digits (SHA-256)");
        }
        transactions.inTransaction(Permission.AUDIT_CASE_MANAGE, "produce a desk-audit packet", tx -> {
            AuditCase c = requireCase(tx, auditId);
            List<Long> claimIds = tx.port(AuditCaseRepository.class).requestedClaims(c.id()).stream()
                    .map(RequestedClaim::claimId).filter(Objects::nonNull).toList();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("claimIds", claimIds);
            detail.put("pageCount", pageCount);
            detail.put("sha256", pdfSha256);
            tx.port(AuditTrail.class).record("AUDIT_PACKET_GENERATED", ENTITY, auditId, detail);
            // the packet leaves the office for the PBM: an entry in the accounting of disclosures
            java.util.Set<Long> patients = new java.util.TreeSet<>();
            for (Long id : claimIds) {
                tx.port(ClaimRepository.class).find(id).ifPresent(claim -> patients.add(claim.patientId()));
            }
            tx.port(DisclosureLog.class).record(org.rxledger.core.security.Disclosure.Kind.AUDIT_PACKET, c.pbmName(),
                    "audit " + auditId, patients);
            Map<String, Object> payload = new LinkedHashMap<>(detail);
            payload.put("auditId", auditId);
            tx.port(Journal.class).append(EVENT_PACKET_GENERATED, payload);
            return null;
        });
    }

    /** Every case with its deadline flag as of today (the service clock), earliest due date first. */
    public List<AuditCaseOverview> listCases() {
        LocalDate today = LocalDate.now(clock);
        return transactions.read(tx -> {
            List<AuditCaseOverview> rows = new ArrayList<>();
            for (AuditCase c : tx.port(AuditCaseRepository.class).all()) {
                List<RequestedClaim> lines = tx.port(AuditCaseRepository.class).requestedClaims(c.id());
                int unknown = (int) lines.stream().filter(l -> !l.isKnown()).count();
                long days = ChronoUnit.DAYS.between(today, c.dueDate());
                rows.add(new AuditCaseOverview(c, lines.size(), unknown, days, deadline(c.status(), days)));
            }
            return rows;
        });
    }

    /**
     * For each requested line, in order, whether a stored claim answers it ({@link #resolve}): what the new-case
     * dialog shows before the case is created.
     */
    public List<Boolean> onFile(List<RequestedLine> requested) {
        return transactions.read(tx -> {
            Map<String, List<Claim>> byRx = new java.util.HashMap<>();
            List<Boolean> out = new ArrayList<>();
            for (RequestedLine l : requested) {
                List<Claim> ofRx = byRx.computeIfAbsent(l.rxNumber(), rx -> tx.port(ClaimRepository.class).forRx(rx));
                out.add(resolve(ofRx, l.fillNumber(), l.dateOfService()).isPresent());
            }
            return out;
        });
    }

    /** The case with its lines, transmittals, findings and documents. */
    public Optional<AuditCaseDetail> find(String auditId) {
        return transactions.read(tx -> tx.port(AuditCaseRepository.class).findByAuditId(auditId).map(c -> detail(tx, c)));
    }

    /** The deadline flag of a case {@code daysUntilDue} days before its due date (negative = past it). */
    public static DeadlineFlag deadline(AuditStatus status, long daysUntilDue) {
        if (!status.awaitsSubmission()) {
            return DeadlineFlag.NONE;
        }
        if (daysUntilDue < 0) {
            return DeadlineFlag.OVERDUE;
        }
        return daysUntilDue <= DUE_SOON_DAYS ? DeadlineFlag.DUE_SOON : DeadlineFlag.NONE;
    }

    /**
     * The stored claim an auditor means by Rx, fill and date of service: among that Rx and fill's
     * claims with exactly that date, the active paid adjudication; failing that any active one;
     * failing that the latest (a reversed claim was still billed, and the packet must say so).
     */
    public static Optional<Claim> resolve(List<Claim> claimsOfRx, int fillNumber, LocalDate dateOfService) {
        return claimsOfRx.stream()
                .filter(c -> c.fillNumber() == fillNumber && c.dateOfService().equals(dateOfService))
                .max(PREFERRED_ADJUDICATION);
    }

    /** Orders adjudications of one fill: active before reversed/rebilled, paid before not, then newest. */
    static final Comparator<Claim> PREFERRED_ADJUDICATION = Comparator
            .<Claim>comparingInt(c -> c.lifecycle() == Lifecycle.ACTIVE ? 1 : 0)
            .thenComparingInt(c -> c.responseStatus() == ResponseStatus.PAID ? 1 : 0)
            .thenComparingLong(Claim::id);

    private static List<RequestedLine> readCsv(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return RequestedClaimsCsv.parse(reader);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new AuditCaseException("The claim list " + csv.getFileName() + " does not exist.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the claim list " + csv.getFileName(), e);
        }
    }

    private void addLines(Tx tx, AuditCase c, List<RequestedLine> lines, String otherPayersReason) {
        if (lines.isEmpty()) {
            return;
        }
        AuditCaseRepository cases = tx.port(AuditCaseRepository.class);
        int lineNo = cases.requestedClaims(c.id()).stream().mapToInt(RequestedClaim::lineNo).max().orElse(0);
        Map<String, List<Claim>> byRx = new java.util.HashMap<>();
        int unknown = 0;
        List<Long> claimIds = new ArrayList<>();
        // the case's PBM in the payer directory: a listed claim the directory puts with another payer is refused
        // (or let in with a reason); a PBM the directory does not know cannot be checked (docs/audit-cases.md)
        PayerDirectory directory = PayerDirectoryService.read(tx);
        Optional<DirectoryPayer> casePayer = directory.byName(c.pbmName());
        List<String> otherPayer = new ArrayList<>();
        int n = lineNo;
        for (RequestedLine line : lines) {
            n++;
            List<Claim> ofRx = byRx.computeIfAbsent(line.rxNumber(), rx -> tx.port(ClaimRepository.class).forRx(rx));
            Optional<Claim> claim = resolve(ofRx, line.fillNumber(), line.dateOfService());
            if (casePayer.isPresent() && claim.isPresent()) {
                Optional<DirectoryPayer> billedTo = directory.forRouting(claim.get().bin(), claim.get().pcn(),
                        claim.get().groupId());
                if (billedTo.isPresent() && billedTo.get().id() != casePayer.get().id()) {
                    otherPayer.add("line " + n + ": Rx " + line.rxNumber() + " fill " + line.fillNumber() + " ("
                            + line.dateOfService() + ") was billed to " + billedTo.get().name());
                }
            }
        }
        if (!otherPayer.isEmpty()) {
            if (otherPayersReason == null || otherPayersReason.isBlank()) {
                throw new AuditCaseException(otherPayer.size() + (otherPayer.size() == 1 ? " listed claim was" : " listed claims were")
                        + " billed to another payer than " + casePayer.get().name() + ", and its packet would disclose "
                        + "those patients to " + c.pbmName() + ": " + String.join("; ", otherPayer)
                        + ". Nothing was added. Remove them from the list, or accept them with a reason "
                        + "(audit create --allow-other-payers REASON).");
            }
            Map<String, Object> accepted = new LinkedHashMap<>();
            accepted.put("auditId", c.auditId());
            accepted.put("reason", otherPayersReason.strip());
            accepted.put("lines", otherPayer.size());
            tx.port(AuditTrail.class).record("AUDIT_OTHER_PAYER_CLAIMS_ACCEPTED", ENTITY, c.auditId(), accepted);
        }
        for (RequestedLine line : lines) {
            List<Claim> ofRx = byRx.computeIfAbsent(line.rxNumber(), rx -> tx.port(ClaimRepository.class).forRx(rx));
            Long claimId = resolve(ofRx, line.fillNumber(), line.dateOfService()).map(Claim::id).orElse(null);
            cases.insertRequestedClaim(new RequestedClaim(0, c.id(), ++lineNo, line.rxNumber(), line.fillNumber(),
                    line.dateOfService(), claimId));
            if (claimId == null) {
                unknown++;
            } else {
                claimIds.add(claimId);
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("auditId", c.auditId());
        payload.put("lines", lines.size());
        payload.put("unknown", unknown);
        payload.put("claimIds", claimIds);
        tx.port(Journal.class).append(EVENT_CLAIMS_REQUESTED, payload);
        tx.port(AuditTrail.class).record("AUDIT_CLAIMS_REQUESTED", ENTITY, c.auditId(), payload);
    }

    private static AuditCase requireCase(Tx tx, String auditId) {
        if (auditId == null || auditId.isBlank()) {
            throw RxLedgerException.invalid("the audit id is empty");
        }
        return tx.port(AuditCaseRepository.class).findByAuditId(auditId.strip()).orElseThrow(
                () -> new AuditCaseException("No audit with id " + auditId.strip() + " is on file."));
    }

    private static RequestedClaim requireLine(Tx tx, AuditCase c, int lineNo) {
        return tx.port(AuditCaseRepository.class).requestedClaims(c.id()).stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> new AuditCaseException("Audit " + c.auditId() + " has no line " + lineNo + "."));
    }

    private static AuditCaseDetail detail(Tx tx, AuditCase c) {
        AuditCaseRepository cases = tx.port(AuditCaseRepository.class);
        AuditCase current = cases.findByAuditId(c.auditId()).orElse(c);
        return new AuditCaseDetail(current, cases.requestedClaims(c.id()), cases.transmittals(c.id()),
                cases.findings(c.id()), cases.documents(c.id()));
    }
}
