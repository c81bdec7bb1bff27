package org.rxledger.app.audits;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rxledger.app.task.JobHandle;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.audit.AuditCaseDetail;
import org.rxledger.core.audit.AuditCaseException;
import org.rxledger.core.audit.AuditCaseOverview;
import org.rxledger.core.audit.AuditCaseService;
import org.rxledger.core.audit.AuditDocument;
import org.rxledger.core.audit.AuditFinding;
import org.rxledger.core.audit.AuditPacketAssembler;
import org.rxledger.core.audit.AuditStatus;
import org.rxledger.core.audit.DocumentKind;
import org.rxledger.core.audit.NewAuditCase;
import org.rxledger.core.audit.RequestedClaim;
import org.rxledger.core.audit.RequestedClaimsCsv;
import org.rxledger.core.audit.RequestedLine;
import org.rxledger.core.audit.TransmittalMethod;
import org.rxledger.core.money.Money;
import org.rxledger.reports.pdf.AuditPacketExport;
import org.rxledger.reports.pdf.AuditPacketPdfWriter;
import org.rxledger.reports.pdf.PacketProgress;
import org.rxledger.reports.pdf.PdfPrinting;

/**
 * The audits area: the case list with deadline flags, the open case (requested claims matched to
 * stored claims, status, transmittals, findings, documents) and the packet: generate with progress
 * and cancel, then open, save as or print it. Everything touching the database or files runs on
 * the {@link TaskRunner}; results come back as property changes.
 */
public final class AuditsViewModel {

    /** One requested claim of the open case as the detail table shows it. */
    public record LineRow(int lineNo, String rxFill, LocalDate dateOfService, boolean onFile, String finding,
                          Money recoupment, int documents) {
    }

    /** A line of the new-case preview: the requested claim and whether it is on file. */
    public record DraftLine(int lineNo, RequestedLine line, boolean onFile) {
    }

    /** The packet last generated for the open case. */
    public record Packet(String auditId, Path file, int pages, String sha256) {
    }

    private final AuditCaseService service;
    private final AuditPacketAssembler assembler;
    private final TaskRunner runner;
    private final Consumer<Notice> notify;
    private final Path packetDir;
    private final Clock clock;

    private final ObservableList<AuditCaseOverview> cases = FXCollections.observableArrayList();
    private final ObjectProperty<AuditCaseOverview> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<AuditCaseDetail> detail = new SimpleObjectProperty<>(this, "detail");
    private final ObservableList<LineRow> lines = FXCollections.observableArrayList();
    private final ObservableList<AuditStatus> nextStatuses = FXCollections.observableArrayList();
    private final ObjectProperty<Packet> packet = new SimpleObjectProperty<>(this, "packet");
    private final BooleanProperty generating = new SimpleBooleanProperty(this, "generating");
    private final BooleanBinding caseOpen = detail.isNotNull();
    private final BooleanBinding packetReady;
    private JobHandle packetJob = JobHandle.DONE;

    /**
     * @param dataDir the data folder: documents live in {@code documents/}, packets are written to {@code packets/}
     */
    public AuditsViewModel(AuditCaseService service, AuditPacketAssembler assembler, Path dataDir, Clock clock,
                           TaskRunner runner, Consumer<Notice> notify) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.service = Objects.requireNonNull(service, "service");
        this.assembler = Objects.requireNonNull(assembler, "assembler");
        this.runner = runner;
        this.notify = notify;
        this.packetDir = dataDir.resolve("packets");
        packetReady = Bindings.createBooleanBinding(() -> packet.get() != null && detail.get() != null
                && packet.get().auditId().equals(detail.get().auditCase().auditId()) && !generating.get(),
                packet, detail, generating);
        selected.addListener((o, was, now) -> {
            if (now != null && (detail.get() == null || !detail.get().auditCase().auditId().equals(now.auditCase().auditId()))) {
                open(now.auditCase().auditId());
            }
        });
    }

    // ------------------------------------------------------------------ list

    /** The case the next reload selects (the global search opened it). */
    private String showNext;

    public void reload() {
        runner.run("Loading audit cases", p -> service.listCases(), list -> {
            String keep = showNext != null ? showNext : detail.get() == null ? null : detail.get().auditCase().auditId();
            showNext = null;
            cases.setAll(list);
            if (keep != null) {
                cases.stream().filter(c -> c.auditCase().auditId().equals(keep)).findFirst().ifPresent(selected::set);
            }
        }, f -> notify.accept(explain("loading the audit cases", f)));
    }

    /** The next {@link #reload()} selects (and so opens) the case {@code auditId}. */
    public void showNext(String auditId) {
        showNext = auditId;
    }

    public void open(String auditId) {
        runner.run("Opening audit " + auditId, p -> service.find(auditId).orElseThrow(
                () -> new AuditCaseException("No audit with id " + auditId + " is on file.")), this::show,
                f -> notify.accept(explain("opening audit " + auditId, f)));
    }

    private void show(AuditCaseDetail d) {
        detail.set(d);
        Map<Integer, List<AuditFinding>> findings = d.findings().stream()
                .collect(Collectors.groupingBy(AuditFinding::lineNo));
        Map<Integer, Long> docs = d.documents().stream().collect(Collectors.groupingBy(AuditDocument::lineNo,
                Collectors.counting()));
        List<LineRow> rows = new ArrayList<>();
        for (RequestedClaim r : d.requestedClaims()) {
            List<AuditFinding> f = findings.getOrDefault(r.lineNo(), List.of());
            rows.add(new LineRow(r.lineNo(), r.rxFill(), r.dateOfService(), r.isKnown(),
                    f.stream().map(AuditFinding::finding).collect(Collectors.joining("; ")),
                    f.isEmpty() ? null : Money.sum(f.stream().map(AuditFinding::recoupment).toList()),
                    docs.getOrDefault(r.lineNo(), 0L).intValue()));
        }
        lines.setAll(rows);
        nextStatuses.setAll(d.auditCase().status().next());
    }

    // ------------------------------------------------------------------ new case

    /** Checks each typed line against the stored claims (background); {@code done} gets the preview. */
    public void preview(List<RequestedLine> requested, Consumer<List<DraftLine>> done) {
        runner.run("Checking the claim list", p -> {
            List<Boolean> onFile = service.onFile(requested);
            List<DraftLine> out = new ArrayList<>();
            for (int i = 0; i < requested.size(); i++) {
                out.add(new DraftLine(i + 1, requested.get(i), onFile.get(i)));
            }
            return out;
        }, done, f -> notify.accept(explain("checking the claim list", f)));
    }

    /** Reads a CSV claim list (rx_number, fill_number, date_of_service) for the dialog's text area. */
    public static List<RequestedLine> readCsv(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return RequestedClaimsCsv.parse(r);
        }
    }

    public void create(NewAuditCase header, List<RequestedLine> requested, Consumer<AuditCaseDetail> done) {
        runner.run("Creating audit " + header.auditId(), p -> service.create(header, requested), d -> {
            long unknown = d.requestedClaims().stream().filter(l -> !l.isKnown()).count();
            notify.accept(unknown == 0
                    ? Notice.info("Audit created", "Audit " + d.auditCase().auditId() + " with "
                    + d.requestedClaims().size() + " claims, all on file.")
                    : new Notice(Notice.Kind.WARNING, "Audit created — " + unknown + (unknown == 1 ? " claim" : " claims")
                    + " not on file",
                    "Audit " + d.auditCase().auditId() + ": " + unknown + " of " + d.requestedClaims().size()
                            + " requested claims have no matching claim on file. They stay on the case and are listed "
                            + "as exceptions in the packet."));
            show(d);
            reload();
            done.accept(d);
        }, f -> notify.accept(explain("creating the audit", f)));
    }

    // ------------------------------------------------------------------ case actions

    public void changeStatus(AuditStatus target) {
        String id = openId();
        runner.run("Changing the status of audit " + id, p -> service.changeStatus(id, target), c -> refresh(),
                f -> notify.accept(explain("changing the status", f)));
    }

    public void logTransmittal(TransmittalMethod method, Instant sentAt, String tracking, String person) {
        String id = openId();
        runner.run("Logging a transmittal", p -> service.logTransmittal(id, method, sentAt, tracking, person),
                t -> refresh(), f -> notify.accept(explain("logging the transmittal", f)));
    }

    public void recordFinding(int lineNo, String finding, Money recoupment) {
        String id = openId();
        runner.run("Recording a finding", p -> service.recordFinding(id, lineNo, finding, recoupment),
                t -> refresh(), f -> notify.accept(explain("recording the finding", f)));
    }

    public void attachDocument(int lineNo, DocumentKind kind, Path file) {
        String id = openId();
        runner.run("Attaching a document", p -> service.attachDocument(id, lineNo, kind, file), d -> {
            notify.accept(Notice.info("Document attached", kind.label() + " attached to line " + lineNo + "."));
            refresh();
        }, f -> notify.accept(explain("attaching the document", f)));
    }

    private void refresh() {
        open(openId());
        reload();
    }

    // ------------------------------------------------------------------ packet

    /** Generates the packet into the data folder's packets/ with progress; cancellable with {@link #cancelPacket()}. */
    public void generatePacket() {
        String id = openId();
        if (generating.get()) {
            return;
        }
        generating.set(true);
        Path target = packetDir.resolve(fileName(id) + "-packet.pdf");
        packetJob = runner.run("Generating the packet for audit " + id, progress -> {
            AuditPacketExport export = new AuditPacketExport(assembler, new AuditPacketPdfWriter(), service);
            return export.export(id, target, new PacketProgress() {
                @Override
                public void progress(int done, int total, String step) {
                    progress.progress(done, total, "Packet: " + step);
                }

                @Override
                public boolean cancelled() {
                    return progress.isCancelled();
                }
            });
        }, result -> {
            generating.set(false);
            packet.set(new Packet(id, result.file(), result.pageCount(), result.sha256()));
            notify.accept(Notice.info("Packet ready", "Audit " + id + ": " + result.pageCount() + " pages, "
                    + result.file().getFileName() + ". Open, save or print it from the case."));
        }, f -> {
            generating.set(false);
            notify.accept(f instanceof CancellationException
                    ? Notice.info("Packet cancelled", "The packet for audit " + id + " was not written; nothing was recorded.")
                    : explain("generating the packet", f));
        });
    }

    public void cancelPacket() {
        packetJob.cancel();
    }

    public void openPacket() {
        Packet p = packet.get();
        runner.run("Opening the packet", progress -> {
            org.rxledger.app.ui.SystemViewer.open(p.file());
            return null;
        }, r -> { }, f -> notify.accept(Notice.error("The packet could not be opened: " + f.getMessage())));
    }

    public void savePacketAs(Path target) {
        Packet p = packet.get();
        runner.run("Saving the packet", progress -> Files.copy(p.file(), target, StandardCopyOption.REPLACE_EXISTING),
                r -> notify.accept(Notice.info("Packet saved", "Saved as " + target + ".")),
                f -> notify.accept(Notice.error("The packet could not be saved as " + target + ": " + f.getMessage())));
    }

    public void printPacket() {
        Packet p = packet.get();
        runner.run("Printing the packet", progress -> PdfPrinting.print(p.file(), "Audit " + p.auditId()),
                printed -> {
                    if (printed) {
                        notify.accept(Notice.info("Sent to the printer", "Audit " + p.auditId() + ": " + p.pages() + " pages."));
                    }
                }, f -> notify.accept(Notice.error("The packet could not be printed: " + f.getMessage())));
    }

    // ------------------------------------------------------------------ state

    private String openId() {
        AuditCaseDetail d = detail.get();
        if (d == null) {
            throw new IllegalStateException("no audit case is open");
        }
        return d.auditCase().auditId();
    }

    static String fileName(String auditId) {
        return auditId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static Notice explain(String doing, Throwable f) {
        if (f instanceof AuditCaseException) {
            return Notice.error(f.getMessage());
        }
        if (f instanceof IllegalStateException && f.getMessage() != null && f.getMessage().contains("font")) {
            return Notice.error(f.getMessage());
        }
        return Failures.explain(doing, f);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ObservableList<AuditCaseOverview> cases() {
        return cases;
    }

    /** "1 case", "3 cases": the list's count for the toolbar. */
    public javafx.beans.binding.StringBinding caseCountProperty() {
        return Bindings.createStringBinding(() -> Formats.count(cases.size(), "case", "cases"), cases);
    }

    public ObjectProperty<AuditCaseOverview> selectedProperty() {
        return selected;
    }

    public ObjectProperty<AuditCaseDetail> detailProperty() {
        return detail;
    }

    public ObservableList<LineRow> lines() {
        return lines;
    }

    public ObservableList<AuditStatus> nextStatuses() {
        return nextStatuses;
    }

    public ObjectProperty<Packet> packetProperty() {
        return packet;
    }

    public BooleanProperty generatingProperty() {
        return generating;
    }

    /** The background jobs' progress and message (the packet job reports there). */
    public org.rxledger.app.task.JobStatus jobs() {
        return runner.status();
    }

    public BooleanBinding caseOpen() {
        return caseOpen;
    }

    public BooleanBinding packetReady() {
        return packetReady;
    }
}
