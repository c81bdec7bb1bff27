package org.rxledger.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rxledger.core.claim.ClaimField;
import org.rxledger.core.claim.ClaimImportError;
import org.rxledger.core.claim.ClaimImportResult;
import org.rxledger.core.claim.ClaimImportService;
import org.rxledger.core.claim.ClaimKey;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.claim.ClaimRules;
import org.rxledger.core.claim.ClaimValues;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.posting.MatchingService;
import org.rxledger.core.posting.PostingRepository;
import org.rxledger.core.posting.PostingResult;
import org.rxledger.core.posting.RemittancePosting;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.ImportedPayment;
import org.rxledger.core.remit.PaymentStatus;
import org.rxledger.core.remit.PostImportStep;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.remit.RejectionLog;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.tx.Tx;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.remit.RemittanceRepository;

/**
 * Pull side of ADR 0021: applies another workstation's event here through the same use cases a clerk uses,
 * keyed by business keys, so the same rules (duplicate 835s, claim keys, balanced postings) hold. What
 * cannot be applied is parked with its reason and never stops the events behind it.
 */
final class EventApplier {

    /** Written while applying their cause here (matching runs within an import) or only describing local work. */
    static final Set<String> NOT_APPLIED_ELSEWHERE = Set.of(
            ClaimImportService.EVENT_IMPORTED, MatchingService.EVENT_MATCHED, MatchAndPostStep.EVENT_HELD,
            RejectionLog.EVENT_REJECTED, "remittance.import_repaired", "remittance.import_completed_on_open",
            PayerDirectoryService.EVENT_LINK_PROPOSED, PayerDirectoryService.EVENT_ROUTING_LEARNED,
            "demo.created", "office.initialised");

    /** Event types applied here; the rest are parked until a version of RxLedger applies them. */
    static final Set<String> APPLIED = Set.of(RemittanceImportService.EVENT_IMPORTED, RemittancePosting.EVENT_POSTED,
            RemittancePosting.EVENT_UNPOSTED, ClaimRecorder.EVENT_CLAIM_RECORDED);

    private final SyncStore store;
    private final Path archiveDir;
    private final Clock clock;
    private final SyncService.Checkpoint checkpoint;
    /** The person retrying parked events (ADR 0034), or null while pulling. */
    private final String retriedBy;

    EventApplier(SyncStore store, Path archiveDir, Clock clock, SyncService.Checkpoint checkpoint) {
        this(store, archiveDir, clock, checkpoint, null);
    }

    private EventApplier(SyncStore store, Path archiveDir, Clock clock, SyncService.Checkpoint checkpoint, String retriedBy) {
        this.store = store;
        this.archiveDir = archiveDir;
        this.clock = clock;
        this.checkpoint = checkpoint;
        this.retriedBy = retriedBy;
    }

    /** The same rules applied to events parked here before, each outcome recorded as {@code person}'s retry. */
    EventApplier retriedBy(String person) {
        return new EventApplier(store, archiveDir, clock, checkpoint, person);
    }

    private void record(RemoteEvent e, Inbound outcome) {
        if (retriedBy == null) {
            store.record(e, outcome);
        } else {
            store.recordRetry(e, retriedBy, outcome);
        }
    }

    private Inbound applyOnce(RemoteEvent e, java.util.function.Function<Tx, Inbound> work) {
        return retriedBy == null ? store.applyOnce(e, work) : store.retryOnce(e, retriedBy, work);
    }

    Inbound apply(RemoteEvent e, CentralJournal central) {
        if (NOT_APPLIED_ELSEWHERE.contains(e.type())) {
            Inbound skipped = Inbound.skipped(e.type() + " is repeated here by applying its cause, or was local to " + e.originName());
            record(e, skipped);
            return skipped;
        }
        if (!APPLIED.contains(e.type())) {
            return park(e, e.type() + " events are not applied on other workstations by this version of RxLedger;"
                    + " kept here and on the central server");
        }
        JsonNode context = EventContexts.parse(e.context());
        if (context.isMissingNode()) {
            return park(e, e.type() + " arrived without what is needed to apply it (its records were gone from "
                    + e.originName() + " when it was sent)");
        }
        return switch (e.type()) {
            case RemittanceImportService.EVENT_IMPORTED -> importRemittance(e, context, central);
            case ClaimRecorder.EVENT_CLAIM_RECORDED -> recordClaim(e, context);
            default -> {
                try {
                    yield applyOnce(e, tx -> guarded(() -> posting(tx, e, context)));
                } catch (Refused refused) {
                    yield park(e, refused.getMessage());
                }
            }
        };
    }

    private Inbound park(RemoteEvent e, String reason) {
        Inbound parked = Inbound.parked(reason);
        record(e, parked);
        return parked;
    }

    private Inbound importRemittance(RemoteEvent e, JsonNode context, CentralJournal central) {
        String sha256 = context.path("sha256").asText();
        Optional<byte[]> bytes = central.blob(sha256);
        if (bytes.isEmpty()) {
            return park(e, "the 835 imported at " + e.originName() + " (SHA-256 " + sha256 + ") is not on the central server");
        }
        Inbound result;
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rxledger-sync");
            String name = Path.of(context.path("fileName").asText("remittance.835")).getFileName().toString();
            Path file = dir.resolve(name.isBlank() ? "remittance.835" : name);
            Files.write(file, bytes.get());
            Set<String> postedAtOrigin = new HashSet<>();
            for (JsonNode k : context.path("postedWithImport")) {
                postedAtOrigin.add(EventContexts.keyOf(k.path("payerIdentifier").asText(null), k.path("trace").asText(),
                        k.path("amount").asText()));
            }
            ImportOutcome outcome = new RemittanceImportService(store.transactionsFor(e), archiveDir, asAtOrigin(postedAtOrigin))
                    .importFile(file, ProgressListener.NONE, () -> false);
            result = switch (outcome.status()) {
                case IMPORTED -> Inbound.applied(outcome.message());
                case DUPLICATE -> Inbound.duplicate(e.originName() + " imported " + outcome.message() + "; counted once");
                case REJECTED, CANCELLED -> Inbound.parked(outcome.message());
            };
        } catch (IOException ex) {
            throw new UncheckedIOException("a temporary copy of a synced 835 could not be written", ex);
        } finally {
            deleteQuietly(dir);
        }
        checkpoint.reached(SyncService.STEP_IMPORT_APPLIED);
        record(e, result);
        return result;
    }

    /**
     * Matches every payment as a clerk's import does, and posts those the origin's import posted — not by this
     * workstation's payer settings, so both end with the same postings.
     */
    private static PostImportStep asAtOrigin(Set<String> postedAtOrigin) {
        return (tx, imported) -> {
            for (long paymentId : imported.paymentIds()) {
                MatchingService.matchPayment(tx, paymentId);
                PostingRepository.PaymentHeader h = tx.port(PostingRepository.class).payment(paymentId).orElseThrow();
                if (postedAtOrigin.contains(EventContexts.keyOf(h.payerIdentifier(), h.traceNumber(),
                        h.amount().amount().toPlainString()))) {
                    RemittancePosting.post(tx, paymentId);
                }
            }
        };
    }

    /** Pulled claims of one origin user, in order, that may be applied by one claims import. */
    static boolean claimOnItsOwn(RemoteEvent e) {
        return e.type().equals(ClaimRecorder.EVENT_CLAIM_RECORDED) && EventContexts.parse(e.context()).path("claim").isObject();
    }

    /**
     * Applies a run of claims (same origin user, {@link #claimOnItsOwn}) by one claims import — one transaction instead
     * of one per claim (ADR 0034). Only when none is here already and the import takes every row; otherwise nothing
     * is written and false says to apply them one by one, which names each outcome (duplicate, conflict, parked).
     */
    boolean applyClaimsTogether(List<RemoteEvent> run) {
        if (retriedBy != null || run.size() < 2) {
            return false;
        }
        List<JsonNode> claims = new ArrayList<>();
        for (RemoteEvent e : run) {
            JsonNode claim = EventContexts.parse(e.context()).path("claim");
            if (!run.get(0).user().equals(e.user()) || sameKeyHere(e, claim).isPresent()) {
                return false;
            }
            claims.add(claim);
        }
        String csv = csv(claims);
        if (csv == null) {
            return false;
        }
        ClaimImportResult r;
        try {
            r = new ClaimImportService(store.transactionsFor(run.get(0)), new ClaimRules(clock))
                    .importCsv("claims from " + run.get(0).originName(), new StringReader(csv));
        } catch (RuntimeException ex) {
            return false;
        }
        if (!r.errors().isEmpty() || r.imported() != run.size()) {
            return false; // refused: nothing written; or some already here: the one-by-one pass names them duplicates
        }
        checkpoint.reached(SyncService.STEP_CLAIM_APPLIED);
        store.recordAll(run, Inbound.applied("claim recorded"));
        return true;
    }

    /** The claims as one CSV file with a header row; null when their columns differ (written by different versions). */
    private static String csv(List<JsonNode> claims) {
        List<String> columns = new ArrayList<>();
        claims.get(0).properties().forEach(f -> columns.add(f.getKey()));
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
            printer.printRecord(columns);
            for (JsonNode claim : claims) {
                List<String> names = new ArrayList<>();
                claim.properties().forEach(f -> names.add(f.getKey()));
                if (!names.equals(columns)) {
                    return null;
                }
                List<String> values = new ArrayList<>();
                for (Map.Entry<String, JsonNode> f : claim.properties()) {
                    values.add(f.getValue().asText());
                }
                printer.printRecord(values);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return csv.toString();
    }

    private Inbound recordClaim(RemoteEvent e, JsonNode context) {
        JsonNode claim = context.path("claim");
        String csv = csv(List.of(claim));
        Optional<Inbound> here = sameKeyHere(e, claim);
        if (here.isPresent()) {
            checkpoint.reached(SyncService.STEP_CLAIM_APPLIED);
            record(e, here.get());
            return here.get();
        }
        ClaimImportResult r;
        try {
            r = new ClaimImportService(store.transactionsFor(e), new ClaimRules(clock))
                    .importCsv("claim from " + e.originName(), new StringReader(csv));
        } catch (RuntimeException ex) {
            return park(e, "the claim from " + e.originName() + " could not be recorded here: " + ex.getMessage());
        }
        Inbound result;
        if (!r.errors().isEmpty()) {
            result = Inbound.parked("the claim from " + e.originName() + " breaks the claim rules here: "
                    + String.join("; ", r.errors().stream().map(ClaimImportError::toString).toList()));
        } else if (r.imported() == 1) {
            result = Inbound.applied("claim recorded");
        } else {
            result = Inbound.duplicate("a claim with the same Rx, fill, date of service, BIN and PCN is already here;"
                    + " one claim kept");
        }
        checkpoint.reached(SyncService.STEP_CLAIM_APPLIED);
        record(e, result);
        return result;
    }

    /**
     * A claim with the same key (Rx, fill, date of service, BIN, PCN) already here: the same claim is a
     * duplicate (one claim kept); a different one is parked for a person, naming the fields that differ (not
     * their values).
     */
    private Optional<Inbound> sameKeyHere(RemoteEvent e, JsonNode claim) {
        ClaimKey key;
        try {
            key = new ClaimKey(claim.path(ClaimField.RX_NUMBER.column()).asText(),
                    Integer.parseInt(claim.path(ClaimField.FILL_NUMBER.column()).asText()),
                    LocalDate.parse(claim.path(ClaimField.DATE_OF_SERVICE.column()).asText()),
                    claim.path(ClaimField.BIN.column()).asText(), claim.path(ClaimField.PCN.column()).asText());
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // the import names what is wrong
        }
        return store.transactionsFor(e).read(tx -> tx.port(ClaimRepository.class).findActive(key).map(existing -> {
            var patient = tx.port(ReferenceRepository.class).patient(existing.patientId()).orElseThrow();
            var prescriber = tx.port(ReferenceRepository.class).prescriber(existing.prescriberId()).orElseThrow();
            List<String> differ = new ArrayList<>();
            List<String> hereValues = new ArrayList<>();
            List<String> thereValues = new ArrayList<>();
            for (Map.Entry<ClaimField, String> v : ClaimValues.of(existing, patient, prescriber).entrySet()) {
                String mine = v.getValue() == null ? "" : v.getValue();
                JsonNode theirs = claim.path(v.getKey().column());
                if (!theirs.isMissingNode() && !theirs.asText().equals(mine)) {
                    differ.add(v.getKey().label());
                    hereValues.add(v.getKey().label() + ": " + mine);
                    thereValues.add(v.getKey().label() + ": " + theirs.asText());
                }
            }
            if (differ.isEmpty()) {
                return Inbound.duplicate("the same claim (Rx, fill, date of service, BIN, PCN) is already here as claim "
                        + existing.id() + "; one claim kept");
            }
            return Inbound.parked("claim " + existing.id() + " here has the same Rx, fill, date of service, BIN and PCN "
                    + "as the claim entered at " + e.originName() + " by " + e.user() + ", but differs in: "
                    + String.join(", ", differ) + "; decide which is right and correct the claim here")
                    .with(new Inbound.Conflict(SyncConflict.Kind.CLAIM_DIFFERS, "claim " + existing.id() + " (Rx "
                            + existing.rxNumber() + ")", String.join("; ", hereValues),
                            "entered at " + e.originName() + " by " + e.user() + ": " + String.join("; ", thereValues),
                            "each workstation keeps its own claim until a person corrects one"));
        }));
    }

    private static Inbound posting(Tx tx, RemoteEvent e, JsonNode key) {
        String trace = key.path("trace").asText();
        Money amount = Money.parse(key.path("amount").asText());
        String what = "payment trace " + trace + " of " + amount.amount().toPlainString();
        Optional<ImportedPayment> payment = tx.port(RemittanceRepository.class).findSamePayment(key.path("payerIdentifier").asText(null),
                key.path("payerName").asText(), trace, amount);
        if (payment.isEmpty() && key.path("withImport").asBoolean(false)) {
            return Inbound.skipped(what + " was posted by its import at " + e.originName() + ", and is posted here with it");
        }
        if (payment.isEmpty()) {
            return Inbound.parked(what + " is not on this workstation (its 835 was not applied here)");
        }
        long id = payment.get().id();
        PostingRepository.PaymentHeader h = tx.port(PostingRepository.class).payment(id).orElseThrow();
        JsonNode payload = EventContexts.parse(e.payload());
        if (e.type().equals(RemittancePosting.EVENT_POSTED)) {
            if (h.status() != PaymentStatus.POSTED) {
                RemittancePosting.post(tx, id);
                return Inbound.applied(what + " posted as at " + e.originName());
            }
            List<PostingRepository.PostingRecord> log = tx.port(PostingRepository.class).postings(id);
            PostingRepository.PostingRecord standing = log.get(log.size() - 1);
            if (standing.postedBy().startsWith(SyncStore.SYNC_USER_PREFIX)) {
                return Inbound.applied(what + " was already posted here as at another workstation");
            }
            return postedTwice(tx, e, id, what, standing, payload.path("batchId").asText(""));
        }
        if (h.status() == PaymentStatus.POSTED) {
            String reason = payload.path("reason").asText("");
            RemittancePosting.unpost(tx, id, "unposted at " + e.originName() + " by " + e.user()
                    + (reason.isBlank() ? "" : ": " + reason));
            return Inbound.applied(what + " unposted as at " + e.originName());
        }
        return Inbound.skipped(what + " is not posted here; nothing to unpost");
    }

    /**
     * The same payment posted here by a clerk and at another workstation while apart. Exactly one posting may
     * stand, chosen the same way everywhere without talking: the one with the lower batch id (batch ids are
     * time-ordered, ADR 0012, so usually the earlier). If it is the other workstation's, this workstation's
     * posting is reversed here, where it was made, by the unpost use case (a reversing batch) and the payment is
     * posted as at the other workstation; the other workstation keeps its own when it meets ours. Both sides
     * record a conflict item with both versions.
     */
    private static Inbound postedTwice(Tx tx, RemoteEvent e, long paymentId, String what,
                                       PostingRepository.PostingRecord ours, String theirBatch) {
        String here = "posted here by " + ours.postedBy() + " at " + ours.postedAt() + " (batch " + ours.batchId() + ")";
        String there = "posted at " + e.originName() + " by " + e.user() + " at " + e.occurredAt() + " (batch "
                + theirBatch + ")";
        if (ours.batchId().toString().compareTo(theirBatch) <= 0) {
            return Inbound.duplicate(what + " was posted here by " + ours.postedBy() + " and at " + e.originName() + " by "
                            + e.user() + "; the posting made here stands, " + e.originName() + " reverses its own")
                    .with(new Inbound.Conflict(SyncConflict.Kind.PAYMENT_POSTED_TWICE, what, here, there,
                            "the posting made here stands (the lower batch id); " + e.originName()
                                    + " reverses its own with a reversing batch"));
        }
        PostingResult reversal = RemittancePosting.unpost(tx, paymentId, "sync conflict: the same payment was posted at "
                + e.originName() + " by " + e.user() + "; that posting stands and this one is reversed");
        RemittancePosting.post(tx, paymentId);
        return Inbound.applied(what + " was posted here by " + ours.postedBy() + " and at " + e.originName() + " by "
                        + e.user() + "; the posting made at " + e.originName() + " stands, the one made here was reversed")
                .with(new Inbound.Conflict(SyncConflict.Kind.PAYMENT_POSTED_TWICE, what, here, there,
                        "the posting made at " + e.originName() + " stands (the lower batch id); the one made here was "
                                + "reversed by batch " + reversal.batchId() + " and the payment posted as at "
                                + e.originName()));
    }

    /** A use case that refuses (a posting that would not balance, a state that moved on) parks the event. */
    private static Inbound guarded(java.util.function.Supplier<Inbound> work) {
        try {
            return work.get();
        } catch (IllegalStateException | IllegalArgumentException | org.rxledger.core.error.RxLedgerException ex) {
            throw new Refused(ex.getMessage(), ex);
        }
    }

    /** Thrown inside {@link SyncStore#applyOnce} to roll back and park: see {@link SyncService}. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary folder left behind holds nothing the archive does not
        }
    }
}
