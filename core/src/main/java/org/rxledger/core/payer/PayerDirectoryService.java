package org.rxledger.core.payer;

import org.rxledger.core.error.RxLedgerException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.rxledger.core.reference.Payer;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.access.Permission;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use cases of the payer directory: import and export, merge two payers, move or unlink a routing, link one by
 * hand, and the learned link that matching proposes. Every change is one transaction with its journal event and
 * audit record; payer names and routings are not PHI.
 */
public final class PayerDirectoryService {

    public static final String EVENT_IMPORTED = "payer.directory_imported";
    public static final String EVENT_CREATED = "payer.created";
    public static final String EVENT_IDENTITY_ADDED = "payer.identity_added";
    public static final String EVENT_MERGED = "payer.merged";
    public static final String EVENT_ROUTING_LINKED = "payer.routing_linked";
    public static final String EVENT_ROUTING_MOVED = "payer.routing_moved";
    public static final String EVENT_ROUTING_UNLINKED = "payer.routing_unlinked";
    public static final String EVENT_ROUTING_LEARNED = "payer.routing_learned";
    public static final String EVENT_LINK_PROPOSED = "payer.link_proposed";

    /** A learned link is applied when at least this many matched lines of the routing ... */
    public static final int LEARN_MIN_LINES = 3;
    /** ... and at least this share of them were paid by the one payer. */
    public static final int LEARN_SHARE_PERCENT = 80;

    private static final Logger LOG = LoggerFactory.getLogger(PayerDirectoryService.class);

    private final Transactions transactions;

    public PayerDirectoryService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The directory with each payer's CLP07 evidence, as of now. */
    public PayerDirectory directory() {
        return transactions.read(PayerDirectoryService::read);
    }

    public List<PayerRepository.LinkProposal> proposals() {
        return transactions.read(tx -> tx.port(PayerRepository.class).proposals());
    }

    /** The directory inside a caller's transaction; CLP07 evidence is summed per payer through payment identities. */
    public static PayerDirectory read(Tx tx) {
        List<DirectoryPayer> payers = tx.port(PayerRepository.class).payers();
        return withEvidence(payers, tx.port(PayerRepository.class).clp07Lines());
    }

    /**
     * The directory with the CLP07 evidence of one payment's payer only (what matching a payment needs): one query
     * over that payer's payments instead of every matched line of the office.
     */
    public static PayerDirectory readFor(Tx tx, String payerIdentifier, String payerName) {
        return readFor(tx, payerIdentifier, payerName, null);
    }

    /**
     * The same, reading the evidence through {@code memo} (null: none): within one import the payer's evidence is
     * read once, then only the lines of the payments matched since are added (issue 21). The full read scans
     * every matched line of the payer, so doing it for each of a file's payments grew with the square of the file.
     */
    public static PayerDirectory readFor(Tx tx, String payerIdentifier, String payerName, EvidenceMemo memo) {
        List<DirectoryPayer> payers = tx.port(PayerRepository.class).payers();
        PayerDirectory bare = new PayerDirectory(payers, Map.of());
        Optional<DirectoryPayer> payer = bare.forStoredPayment(payerIdentifier, payerName);
        if (payer.isEmpty()) {
            return bare;
        }
        List<String> ids = payer.get().identities().stream().filter(i -> i.kind() != IdentityKind.NAME)
                .map(PayerIdentity::value).toList();
        List<String> names = payer.get().identities().stream().filter(i -> i.kind() == IdentityKind.NAME)
                .map(PayerIdentity::value).toList();
        return withEvidence(payers, memo == null ? tx.port(PayerRepository.class).clp07Lines(ids, names)
                : memo.lines(tx.port(PayerRepository.class), ids, names));
    }

    /**
     * The CLP07 evidence read so far in one import, per set of payer identities. Exact as long as, between two
     * reads, only the payments reported to {@link #matched} change their lines' matches: true inside an import,
     * where matching a payment records decisions for that payment's lines only.
     */
    public static final class EvidenceMemo {
        private final List<Long> matchedPayments = new ArrayList<>();
        private final Map<List<List<String>>, Read> reads = new HashMap<>();

        /** {@code paymentId}'s lines were matched since the last read. */
        public void matched(long paymentId) {
            matchedPayments.add(paymentId);
        }

        List<PayerRepository.Clp07Lines> lines(PayerRepository repo, List<String> ids, List<String> names) {
            List<List<String>> key = List.of(List.copyOf(ids), List.copyOf(names));
            Read read = reads.get(key);
            if (read == null) {
                read = new Read(new ArrayList<>(repo.clp07Lines(ids, names)), matchedPayments.size());
                reads.put(key, read);
            }
            for (; read.folded < matchedPayments.size(); read.folded++) {
                read.lines.addAll(repo.clp07Lines(ids, names, matchedPayments.get(read.folded)));
            }
            return read.lines;
        }

        private static final class Read {
            private final List<PayerRepository.Clp07Lines> lines;
            private int folded;

            Read(List<PayerRepository.Clp07Lines> lines, int folded) {
                this.lines = lines;
                this.folded = folded;
            }
        }
    }

    private static PayerDirectory withEvidence(List<DirectoryPayer> payers, List<PayerRepository.Clp07Lines> lines) {
        PayerDirectory bare = new PayerDirectory(payers, Map.of());
        Map<Long, Clp07Evidence> evidence = new HashMap<>();
        for (PayerRepository.Clp07Lines l : lines) {
            bare.forStoredPayment(l.payment().identifier(), l.payment().name())
                    .ifPresent(p -> evidence.merge(p.id(), new Clp07Evidence(l.lines(), l.equal()), Clp07Evidence::plus));
        }
        return new PayerDirectory(payers, evidence);
    }

    // ---- import / export ----

    public PayerImportResult importCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return importCsv(file.getFileName().toString(), reader);
        }
    }

    /**
     * All or nothing: every row is read and checked against the directory first (a routing or payer id that
     * belongs to another payer is an error naming the line and column); only then is anything stored.
     */
    public PayerImportResult importCsv(String fileName, Reader reader) {
        List<PayerImportError> errors = new ArrayList<>();
        List<PayerCsv.Row> rows = PayerCsv.read(fileName, reader, errors);
        if (!errors.isEmpty()) {
            return new PayerImportResult(0, 0, 0, 0, errors);
        }
        return transactions.inTransaction(Permission.PAYER_DIRECTORY_EDIT, "import the payer directory", tx -> {
            PayerDirectory dir = read(tx);
            Map<Routing, String> routingOwner = new HashMap<>();
            Map<PayerIdentity, String> idOwner = new HashMap<>();
            List<PayerImportError> conflicts = new ArrayList<>();
            for (PayerCsv.Row r : rows) {
                String owner = key(r.payerName());
                if (r.routing() != null) {
                    String other = routingOwner.putIfAbsent(r.routing(), owner);
                    Optional<DirectoryPayer> stored = dir.link(r.routing()).flatMap(l -> dir.payer(l.payerId()));
                    if (other != null && !other.equals(owner)) {
                        conflicts.add(new PayerImportError(fileName, r.line(), "bin", r.routing().label()
                                + " is given to two payers in this file"));
                    } else if (stored.isPresent() && !key(stored.get().name()).equals(owner)) {
                        conflicts.add(new PayerImportError(fileName, r.line(), "bin", r.routing().label()
                                + " already belongs to " + stored.get().name() + "; move it in the directory instead"));
                    }
                }
                for (PayerIdentity id : identities(r)) {
                    String other = idOwner.putIfAbsent(id, owner);
                    Optional<DirectoryPayer> stored = dir.holder(id);
                    String column = id.kind() == IdentityKind.NAME ? "payer_name" : "remit_payer_id";
                    if (other != null && !other.equals(owner)) {
                        conflicts.add(new PayerImportError(fileName, r.line(), column, "835 payer " + id.value()
                                + " is given to two payers in this file"));
                    } else if (stored.isPresent() && !key(stored.get().name()).equals(owner)) {
                        conflicts.add(new PayerImportError(fileName, r.line(), column, "835 payer " + id.value()
                                + " already belongs to " + stored.get().name()));
                    }
                }
            }
            if (!conflicts.isEmpty()) {
                return new PayerImportResult(0, 0, 0, 0, conflicts);
            }
            int created = 0;
            int ids = 0;
            int routings = 0;
            int unchanged = 0;
            Map<String, Long> payerIds = new HashMap<>();
            dir.active().forEach(p -> payerIds.putIfAbsent(key(p.name()), p.id()));
            Set<PayerIdentity> held = new HashSet<>();
            dir.payers().forEach(p -> held.addAll(p.identities()));
            Set<Routing> linked = new HashSet<>();
            dir.payers().forEach(p -> p.routings().forEach(l -> linked.add(l.routing())));
            for (PayerCsv.Row r : rows) {
                Long payerId = payerIds.get(key(r.payerName()));
                boolean changed = false;
                if (payerId == null) {
                    payerId = tx.port(PayerRepository.class).insertPayer(r.payerName().strip(), tx.clock().instant(), tx.actor().user());
                    payerIds.put(key(r.payerName()), payerId);
                    created++;
                    changed = true;
                }
                for (PayerIdentity id : identities(r)) {
                    if (held.add(id)) {
                        tx.port(PayerRepository.class).insertIdentity(payerId, id);
                        ids++;
                        changed = true;
                    }
                }
                if (r.routing() != null && linked.add(r.routing())) {
                    tx.port(PayerRepository.class).insertRouting(payerId, r.routing(), "IMPORT", tx.clock().instant(), tx.actor().user());
                    routings++;
                    changed = true;
                }
                unchanged += changed ? 0 : 1;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("file", fileName);
            payload.put("payersCreated", created);
            payload.put("identitiesAdded", ids);
            payload.put("routingsAdded", routings);
            payload.put("unchangedRows", unchanged);
            tx.port(Journal.class).append(EVENT_IMPORTED, payload);
            tx.port(AuditTrail.class).record("PAYER_DIRECTORY_IMPORTED", "payer_file", fileName, payload);
            return new PayerImportResult(created, ids, routings, unchanged, List.of());
        });
    }

    private static List<PayerIdentity> identities(PayerCsv.Row r) {
        List<PayerIdentity> ids = new ArrayList<>();
        ids.add(new PayerIdentity(IdentityKind.NAME, r.payerName()));
        if (!r.remitPayerId().isBlank()) {
            ids.add(new PayerIdentity(IdentityKind.TRN03, r.remitPayerId()));
        }
        return ids;
    }

    private static String key(String name) {
        return name.strip().toUpperCase(Locale.ROOT);
    }

    /** The active payers as CSV, in the import's format. */
    public String exportCsv() {
        StringWriter out = new StringWriter();
        try {
            PayerCsv.write(directory(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Gives every named payer of the reference tables (charge entry, the demo office) that the directory does not
     * know yet a directory entry: its name and identifier as 835 identities and its plans' routings. Import
     * placeholders ("Payer BIN …") are left out: their 835 name is not known, so they stay unknown until linked.
     * Migration V019 does the same for an office created before the directory existed.
     */
    public static void seedFromReference(Tx tx) {
        PayerDirectory dir = read(tx);
        Map<Long, Long> directoryIdByPayer = new HashMap<>();
        for (Payer p : tx.port(ReferenceRepository.class).payers()) {
            if (p.name().startsWith("Payer BIN ") || dir.byName(p.name()).isPresent()) {
                continue;
            }
            long id = tx.port(PayerRepository.class).insertPayer(p.name(), tx.clock().instant(), tx.actor().user());
            directoryIdByPayer.put(p.id(), id);
            PayerIdentity name = new PayerIdentity(IdentityKind.NAME, p.name());
            if (dir.holder(name).isEmpty()) {
                tx.port(PayerRepository.class).insertIdentity(id, name);
            }
            if (p.payerIdentifier() != null && !p.payerIdentifier().isBlank()
                    && dir.holder(new PayerIdentity(IdentityKind.TRN03, p.payerIdentifier())).isEmpty()) {
                tx.port(PayerRepository.class).insertIdentity(id, new PayerIdentity(IdentityKind.TRN03, p.payerIdentifier()));
            }
        }
        for (Plan plan : tx.port(ReferenceRepository.class).plans()) {
            Long id = directoryIdByPayer.get(plan.payerId());
            Routing routing = new Routing(plan.bin(), plan.pcn(), plan.groupId());
            if (id != null && dir.link(routing).isEmpty()) {
                tx.port(PayerRepository.class).insertRouting(id, routing, "SEED", tx.clock().instant(), tx.actor().user());
            }
        }
    }

    // ---- a person's edits ----

    /** Adds a payer with its display name (also recorded as an N1*PR name it may send). */
    public DirectoryPayer createPayer(String name) {
        String n = Objects.requireNonNull(name, "name").strip();
        if (n.isEmpty() || n.length() > 120) {
            throw RxLedgerException.invalid("A payer name of 1 to 120 characters is required");
        }
        return transactions.inTransaction(Permission.PAYER_DIRECTORY_EDIT, "create a payer", tx -> {
            PayerDirectory dir = read(tx);
            if (dir.byName(n).isPresent()) {
                throw RxLedgerException.refused("There is already a payer named " + dir.byName(n).get().name());
            }
            long id = tx.port(PayerRepository.class).insertPayer(n, tx.clock().instant(), tx.actor().user());
            PayerIdentity nameId = new PayerIdentity(IdentityKind.NAME, n);
            if (dir.holder(nameId).isEmpty()) {
                tx.port(PayerRepository.class).insertIdentity(id, nameId);
            }
            event(tx, EVENT_CREATED, "PAYER_CREATED", id, Map.of("payerId", id, "name", n));
            return read(tx).payer(id).orElseThrow();
        });
    }

    /** Ties an 835 identity (TRN03, N104 / REF*2U, or the name as sent) to a payer. */
    public void addIdentity(long payerId, PayerIdentity identity, String reason) {
        requireReason(reason);
        transactions.inTransaction(Permission.PAYER_DIRECTORY_EDIT, "add a payer identity", tx -> {
            PayerDirectory dir = read(tx);
            DirectoryPayer p = active(dir, payerId);
            dir.holder(identity).ifPresent(h -> {
                throw RxLedgerException.refused("835 payer " + identity.value() + " already belongs to " + h.name());
            });
            tx.port(PayerRepository.class).insertIdentity(p.id(), identity);
            event(tx, EVENT_IDENTITY_ADDED, "PAYER_IDENTITY_ADDED", p.id(), Map.of("payerId", p.id(),
                    "kind", identity.kind().name(), "value", identity.value(), "reason", reason.strip()));
            return null;
        });
    }

    /** Links a routing nobody has yet to a payer. */
    public RoutingLink linkRouting(long payerId, Routing routing, String reason) {
        requireReason(reason);
        return transactions.inTransaction(Permission.PAYER_DIRECTORY_EDIT, "link a routing to a payer", tx -> {
            PayerDirectory dir = read(tx);
            DirectoryPayer p = active(dir, payerId);
            dir.link(routing).ifPresent(l -> {
                throw RxLedgerException.refused(routing.label() + " already belongs to "
                        + dir.payer(l.payerId()).map(DirectoryPayer::name).orElse("payer " + l.payerId())
                        + "; move it instead");
            });
            long id = tx.port(PayerRepository.class).insertRouting(p.id(), routing, "MANUAL", tx.clock().instant(), tx.actor().user());
            event(tx, EVENT_ROUTING_LINKED, "PAYER_ROUTING_LINKED", p.id(), routingPayload(id, routing, null, p.id(), reason));
            return new RoutingLink(id, p.id(), routing, "MANUAL");
        });
    }

    /** Moves a routing to another payer (a wrong learned link, a PBM that took over a plan). */
    public void moveRouting(long routingId, long toPayerId, String reason) {
        requireReason(reason);
        transactions.inTransaction(Permission.PAYER_DIRECTORY_EDIT, "move a routing", tx -> {
            PayerDirectory dir = read(tx);
            RoutingLink link = routing(dir, routingId);
            DirectoryPayer to = active(dir, toPayerId);
            if (link.payerId() == to.id()) {
                throw RxLedgerException.refused(link.routing().label() + " already belongs to " + to.name());
            }
            tx.port(PayerRepository.class).moveRouting(routingId, to.id());
            event(tx, EVENT_ROUTING_MOVED, "PAYER_ROUTING_MOVED", to.id(),
                    routingPayload(routingId, link.routing(), link.payerId(), to.id(), reason));
            return null;
        });
    }

    /** Undoes a link (learned or not): the routing's claims show as an unknown payer again until it is linked. */
    public void unlinkRouting(long routingId, String reason) {
        requireReason(reason);
        transactions.inTransaction(Permission.PAYER_DIRECTORY_EDIT, "unlink a routing", tx -> {
            RoutingLink link = routing(read(tx), routingId);
            tx.port(PayerRepository.class).deleteRouting(routingId);
            event(tx, EVENT_ROUTING_UNLINKED, "PAYER_ROUTING_UNLINKED", link.payerId(),
                    routingPayload(routingId, link.routing(), link.payerId(), null, reason));
            return null;
        });
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}: its identities and routings move to the survivor, and it
     * stays recorded as merged into it (history, and ids kept in old events, still resolve).
     */
    public void merge(long survivorId, long mergedId, String reason) {
        requireReason(reason);
        if (survivorId == mergedId) {
            throw RxLedgerException.invalid("A payer cannot be merged into itself");
        }
        transactions.inTransaction(Permission.PAYER_DIRECTORY_EDIT, "merge payers", tx -> {
            PayerDirectory dir = read(tx);
            DirectoryPayer survivor = active(dir, survivorId);
            DirectoryPayer merged = active(dir, mergedId);
            tx.port(PayerRepository.class).merge(merged.id(), survivor.id(), tx.clock().instant());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("survivorId", survivor.id());
            payload.put("survivor", survivor.name());
            payload.put("mergedId", merged.id());
            payload.put("merged", merged.name());
            payload.put("routingsMoved", merged.routings().size());
            payload.put("identitiesMoved", merged.identities().size());
            payload.put("reason", reason.strip());
            event(tx, EVENT_MERGED, "PAYER_MERGED", merged.id(), payload);
            return null;
        });
    }

    private static DirectoryPayer active(PayerDirectory dir, long payerId) {
        DirectoryPayer p = dir.payers().stream().filter(x -> x.id() == payerId).findFirst()
                .orElseThrow(() -> RxLedgerException.notFound("There is no payer " + payerId));
        if (p.merged()) {
            throw RxLedgerException.refused("Payer " + p.name() + " was merged into "
                    + dir.payer(p.id()).map(DirectoryPayer::name).orElse("another payer"));
        }
        return p;
    }

    private static RoutingLink routing(PayerDirectory dir, long routingId) {
        return dir.payers().stream().flatMap(p -> p.routings().stream()).filter(r -> r.id() == routingId).findFirst()
                .orElseThrow(() -> RxLedgerException.notFound("There is no routing " + routingId));
    }

    private static Map<String, Object> routingPayload(long routingId, Routing r, Long fromPayerId, Long toPayerId,
                                                      String reason) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("routingId", routingId);
        payload.put("bin", r.bin());
        payload.put("pcn", r.pcn());
        payload.put("groupId", r.groupId());
        payload.put("fromPayerId", fromPayerId);
        payload.put("toPayerId", toPayerId);
        payload.put("reason", reason == null ? null : reason.strip());
        return payload;
    }

    private static void event(Tx tx, String type, String action, long payerId, Map<String, ?> payload) {
        tx.port(Journal.class).append(type, payload);
        tx.port(AuditTrail.class).record(action, "payer", String.valueOf(payerId), payload);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw RxLedgerException.invalid("A reason is required");
        }
    }

    // ---- learned links ----

    /**
     * After a payment was matched: the claims it paid whose routing has no payer yet propose routing (BIN + PCN)
     * to the payment's payer. The link is applied when, over every matched claim payment of that routing so far,
     * at least {@value #LEARN_MIN_LINES} lines and {@value #LEARN_SHARE_PERCENT} % came from this payer; otherwise
     * it is recorded as a proposal for a person. A payer the directory does not know yet is created from the
     * payment's N1*PR name and identifier when a link is applied. Runs in the caller's (the import's) transaction.
     *
     * @param dir           the directory as matching read it
     * @param unlinkedLines matched lines of this payment per routing (BIN + PCN) that resolved to no payer
     * @return the links applied
     */
    public static List<RoutingLink> learn(Tx tx, long paymentId, PayerDirectory dir, Map<Routing, Integer> unlinkedLines) {
        if (unlinkedLines.isEmpty()) {
            return List.of();
        }
        PayerRepository.PaymentIdentity me = tx.port(PayerRepository.class).paymentIdentity(paymentId).orElse(null);
        if (me == null || me.name() == null || me.name().isBlank()) {
            return List.of();
        }
        Long payerId = dir.forStoredPayment(me.identifier(), me.name()).map(DirectoryPayer::id).orElse(null);
        List<PayerRepository.LinkProposal> earlier = tx.port(PayerRepository.class).proposals();
        List<RoutingLink> applied = new ArrayList<>();
        for (Routing routing : unlinkedLines.keySet()) {
            if (dir.link(routing).isPresent()) {
                continue;
            }
            long total = 0;
            long mine = 0;
            for (PayerRepository.RoutingLines l : tx.port(PayerRepository.class).routingLines(routing.bin(), routing.pcn())) {
                total += l.lines();
                Optional<DirectoryPayer> theirs = dir.forStoredPayment(l.payment().identifier(), l.payment().name());
                boolean same = payerId != null ? theirs.map(DirectoryPayer::id).orElse(-1L).equals(payerId)
                        : theirs.isEmpty() && key(l.payment().name()).equals(key(me.name()));
                mine += same ? l.lines() : 0;
            }
            boolean clear = total >= LEARN_MIN_LINES && mine * 100 >= total * LEARN_SHARE_PERCENT;
            String payerName = payerId == null ? me.name().strip() : dir.payer(payerId).map(DirectoryPayer::name).orElse(me.name());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("paymentId", paymentId);
            payload.put("bin", routing.bin());
            payload.put("pcn", routing.pcn());
            payload.put("payer", payerName);
            payload.put("lines", total);
            payload.put("fromThisPayer", mine);
            if (clear) {
                if (payerId == null) {
                    payerId = tx.port(PayerRepository.class).insertPayer(payerName, tx.clock().instant(), tx.actor().user());
                    tx.port(PayerRepository.class).insertIdentity(payerId, new PayerIdentity(IdentityKind.NAME, me.name()));
                    if (me.identifier() != null && !me.identifier().isBlank()
                            && dir.holder(new PayerIdentity(IdentityKind.TRN03, me.identifier())).isEmpty()) {
                        tx.port(PayerRepository.class).insertIdentity(payerId, new PayerIdentity(IdentityKind.TRN03, me.identifier()));
                    }
                    payload.put("payerCreated", true);
                }
                long id = tx.port(PayerRepository.class).insertRouting(payerId, routing, "LEARNED", tx.clock().instant(), tx.actor().user());
                tx.port(PayerRepository.class).insertProposal(routing, payerId, payerName, paymentId, (int) total, (int) mine, "APPLIED",
                        tx.clock().instant());
                payload.put("payerId", payerId);
                payload.put("routingId", id);
                event(tx, EVENT_ROUTING_LEARNED, "PAYER_ROUTING_LEARNED", payerId, payload);
                applied.add(new RoutingLink(id, payerId, routing, "LEARNED"));
                LOG.info("payment {}: learned {} -> payer {} ({} of {} matched lines)", paymentId, routing.label(), payerId,
                        mine, total);
            } else if (mine > 0 && earlier.stream().noneMatch(p -> p.routing().equals(routing)
                    && key(p.payerName()).equals(key(payerName)))) {
                tx.port(PayerRepository.class).insertProposal(routing, payerId, payerName, paymentId, (int) total, (int) mine, "PROPOSED",
                        tx.clock().instant());
                tx.port(Journal.class).append(EVENT_LINK_PROPOSED, payload);
                tx.port(AuditTrail.class).record("PAYER_LINK_PROPOSED", "routing", routing.label(), payload);
            }
        }
        return applied;
    }
}
