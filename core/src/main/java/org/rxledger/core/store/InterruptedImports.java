package org.rxledger.core.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.rxledger.core.remit.InterruptedImport;
import org.rxledger.core.access.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on every open, before anyone reads: each import a killed process left RUNNING (V018) is checked
 * against its manifest and either published (the whole file is on disk) or removed (part of it is), so
 * no screen, report or command ever sees part of a file (docs/adr/0015-crash-consistent-imports.md).
 * The cost is one indexed lookup when nothing was interrupted, and the size of the interrupted file
 * otherwise — never a scan of the books.
 *
 * <p>Rows are found by their ids above the marks taken before the import began and by belonging to the
 * file (or to a parent row that is not there any more), not through the file's secondary indexes, which a
 * torn store may hold only in part. Removing them is the one DELETE the append-only tables allow
 * ({@link AppendOnlyTrigger}): only inside this repair, only for an import still RUNNING.
 */
final class InterruptedImports {

    /** Journal event and audit action of a repair. */
    static final String EVENT_REPAIRED = "remittance.import_repaired";
    static final String EVENT_COMPLETED = "remittance.import_completed_on_open";

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedImports.class);
    private static final List<String> LEDGER_SOURCES = List.of("REMIT_PAYMENT", "REMIT_CLAIM", "REMIT_PLB");

    private InterruptedImports() {
    }

    /**
     * How long the settling of one interrupted import may take before the open gives up (system property
     * {@code rxledger.repair.limitSeconds}, default 180). The crash harness found states a kill inside H2's commit
     * leaves that H2 itself cannot get past — a removal spinning in its lock wait for more than ten minutes
     * (docs/crash-safety.md) — and a clerk must get a message, not a window that never opens.
     */
    static final Duration DEFAULT_LIMIT = Duration.ofSeconds(Long.getLong("rxledger.repair.limitSeconds", 180));

    static List<InterruptedImport> recover(Jdbi jdbi, Actor actor, Clock clock) {
        return recover(jdbi, actor, clock, DEFAULT_LIMIT);
    }

    static List<InterruptedImport> recover(Jdbi jdbi, Actor actor, Clock clock, Duration limit) {
        List<Map<String, Object>> running = jdbi.withHandle(h -> h.createQuery(
                "SELECT id, file_name FROM remit_import WHERE state = 'RUNNING' ORDER BY id").mapToMap().list());
        List<InterruptedImport> found = new ArrayList<>();
        for (Map<String, Object> r : running) {
            long id = ((Number) r.get("id")).longValue();
            found.add(withinLimit(() -> recoverOne(jdbi, actor, clock, id), limit, id, (String) r.get("file_name")));
        }
        return List.copyOf(found);
    }

    /**
     * Runs one settle on its own (daemon) thread and waits at most {@code limit}. Past it the open fails with a
     * message naming the file; the attempt stays RUNNING, so the next open tries again (H2 may have ended the
     * leftover transaction by then) and a restored backup is not touched. The stuck thread is interrupted and,
     * being a daemon, does not keep the process alive.
     */
    static InterruptedImport withinLimit(java.util.concurrent.Callable<InterruptedImport> settle, Duration limit,
                                         long importId, String fileName) {
        java.util.concurrent.ExecutorService one = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rxledger-import-repair-" + importId);
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.Future<InterruptedImport> result = one.submit(settle);
        try {
            return result.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            result.cancel(true);
            LOG.error("import {}: settling the interrupted import did not finish within {} s; the open is refused",
                    importId, limit.toSeconds());
            throw new StoreException("The import of " + fileName + " was interrupted by a crash and the database could "
                    + "not settle it within " + limit.toSeconds() + " seconds (the database engine is stuck on what the "
                    + "crash left). Nothing has been changed. Try once more; if this message comes back, restore the data "
                    + "folder from its latest backup and import the files received since then again "
                    + "(docs/crash-safety.md).", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new StoreException("Opening the data folder was interrupted while an interrupted import of " + fileName
                    + " was being settled; open it again.", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new StoreException("Settling the interrupted import of " + fileName + " failed", e.getCause());
        } finally {
            one.shutdownNow();
        }
    }

    private static InterruptedImport recoverOne(Jdbi jdbi, Actor actor, Clock clock, long importId) {
        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("SELECT * FROM remit_import WHERE id = :id")
                .bind("id", importId).mapToMap().one());
        String name = (String) row.get("file_name");
        String sha = ((String) row.get("sha256")).trim();
        long started = System.nanoTime();
        try {
            Long fileId = jdbi.withHandle(h -> fileOf(h, row, sha));
            JdbiImportPublications.Manifest recorded = JdbiImportPublications.Manifest.recorded(row);
            if (fileId != null && recorded != null) {
                JdbiImportPublications.Manifest actual = jdbi.withHandle(h -> JdbiImportPublications.Manifest.measure(h, fileId));
                if (actual.sameAs(recorded) && actual.balanced()) {
                    finish(jdbi, actor, clock, importId, "PUBLISHED", "completed before the process stopped; verified on open",
                            EVENT_COMPLETED, Map.of("remitFileId", fileId));
                    LOG.warn("import {} of {}: interrupted after it was stored completely; verified and kept ({} ms)",
                            importId, name, ms(started));
                    return new InterruptedImport(importId, name, InterruptedImport.Outcome.COMPLETED, "The import of " + name
                            + " was interrupted after the file had been stored completely; it was checked and kept.");
                }
            }
            Removed removed = jdbi.inTransaction(h -> remove(h, row, fileId, importId));
            // the removal is flushed before the attempt is marked repaired: a crash in between repeats it
            jdbi.useHandle(h -> h.execute("CHECKPOINT"));
            if (removed.isEmpty()) {
                finish(jdbi, actor, clock, importId, "ABANDONED", "interrupted before anything was stored", null, Map.of());
                LOG.warn("import {} of {}: interrupted before anything was stored", importId, name);
                return new InterruptedImport(importId, name, InterruptedImport.Outcome.NOTHING_STORED, "The import of "
                        + name + " was interrupted before anything was stored; import the file again.");
            }
            finish(jdbi, actor, clock, importId, "REPAIRED", "interrupted; " + removed.describe() + " removed",
                    EVENT_REPAIRED, removed.detail());
            LOG.warn("import {} of {}: interrupted while it was being stored; removed {} ({} ms)", importId, name,
                    removed.describe(), ms(started));
            return new InterruptedImport(importId, name, InterruptedImport.Outcome.REMOVED, "The import of " + name
                    + " was interrupted and only part of it had reached the disk; that part (" + removed.describe()
                    + ") was removed. Import the file again.");
        } catch (RuntimeException e) {
            String state = sqlState(e);
            LOG.error("import {} of {}: interrupted and could not be repaired (SQL state {}, {})", importId, name, state,
                    e.getClass().getName());
            try {
                finish(jdbi, actor, clock, importId, "QUARANTINED", "could not be repaired, SQL state " + state, EVENT_REPAIRED,
                        Map.of("quarantined", true, "sqlState", state));
            } catch (RuntimeException again) {
                LOG.error("import {}: could not be marked quarantined ({})", importId, again.getClass().getName());
            }
            return new InterruptedImport(importId, name, InterruptedImport.Outcome.QUARANTINED, "The import of " + name
                    + " was interrupted and part of it could not be removed (database error, SQL state " + state
                    + "). Its payments may be incomplete: restore the data folder from a backup or ask for help.");
        }
    }

    /** The file row the attempt wrote, found by the id range it was written in (not by the SHA-256 index). */
    private static Long fileOf(Handle h, Map<String, Object> row, String sha) {
        return h.createQuery("SELECT id, sha256 FROM remit_file WHERE id > :m ORDER BY id")
                .bind("m", mark(row, "file_mark"))
                .map((rs, ctx) -> sha.equals(rs.getString("sha256").trim()) ? rs.getLong("id") : null)
                .list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static Removed remove(Handle h, Map<String, Object> row, Long fileId, long importId) {
        Removed r = new Removed();
        h.execute("SET @RXLEDGER_REPAIR = " + importId);
        try {
            List<Long> payments = h.createQuery("""
                            SELECT p.id FROM payment p WHERE p.id > :m
                              AND (p.remit_file_id = :f OR NOT EXISTS (SELECT 1 FROM remit_file x WHERE x.id = p.remit_file_id))""")
                    .bind("m", mark(row, "payment_mark")).bind("f", fileId == null ? -1L : fileId).mapTo(Long.class).list();
            List<Long> claims = owned(h, "remit_claim", "payment_id", "payment", mark(row, "claim_mark"), payments);
            List<Long> lines = owned(h, "remit_service_line", "remit_claim_id", "remit_claim", mark(row, "line_mark"), claims);
            List<Long> plbs = owned(h, "plb_item", "payment_id", "payment", mark(row, "plb_mark"), payments);
            List<Long> decisions = owned(h, "match_decision", "remit_claim_id", "remit_claim", mark(row, "decision_mark"), claims);
            List<Long> adjustments = owned(h, "remit_adjustment", "remit_claim_id", "remit_claim",
                    mark(row, "adjustment_mark"), claims);
            List<Long> remarks = owned(h, "remit_remark", "service_line_id", "remit_service_line", mark(row, "remark_mark"), lines);
            List<Long> postings = owned(h, "remit_posting", "payment_id", "payment", mark(row, "posting_mark"), payments);
            Set<UUID> batches = new HashSet<>(h.createQuery("SELECT batch_id FROM remit_posting WHERE id = ANY(:ids)")
                    .bindArray("ids", Long.class, postings).mapTo(UUID.class).list());
            batches.addAll(ledgerBatches(h, mark(row, "ledger_mark"), payments, claims, plbs));

            r.ledgerEntries = batches.isEmpty() ? 0 : h.createUpdate(
                            "DELETE FROM ledger_entry WHERE seq > :m AND batch_id = ANY(:b)")
                    .bind("m", mark(row, "ledger_mark")).bindArray("b", UUID.class, (Object[]) batches.toArray(new UUID[0])).execute();
            r.postings = delete(h, "remit_posting", postings);
            r.decisions = delete(h, "match_decision", decisions);
            delete(h, "remit_remark", remarks);
            delete(h, "remit_adjustment", adjustments);
            delete(h, "remit_service_line", lines);
            r.claims = delete(h, "remit_claim", claims);
            delete(h, "plb_item", plbs);
            // routing links the payer directory proposed from these payments (learned while matching them)
            if (!payments.isEmpty()) {
                h.createUpdate("DELETE FROM directory_link_proposal WHERE payment_id = ANY(:p)")
                        .bindArray("p", Long.class, payments).execute();
            }
            r.payments = delete(h, "payment", payments);
            r.files = fileId == null ? 0 : h.createUpdate("DELETE FROM remit_file WHERE id = :f").bind("f", fileId).execute();
            r.fileId = fileId;
            r.rows = r.ledgerEntries + r.postings + r.decisions + remarks.size() + adjustments.size() + lines.size() + r.claims
                    + plbs.size() + r.payments + r.files;
        } finally {
            h.execute("SET @RXLEDGER_REPAIR = NULL");
        }
        return r;
    }

    /** Rows above the mark whose parent is one of {@code parents} or is not there at all (a torn parent). */
    private static List<Long> owned(Handle h, String table, String parentColumn, String parentTable, long mark,
                                    List<Long> parents) {
        return h.createQuery("SELECT t.id FROM " + table + " t WHERE t.id > :m AND (t." + parentColumn + " = ANY(:p)"
                        + " OR NOT EXISTS (SELECT 1 FROM " + parentTable + " x WHERE x.id = t." + parentColumn + "))")
                .bind("m", mark).bindArray("p", Long.class, parents).mapTo(Long.class).list();
    }

    /**
     * Ledger batches above the mark with an entry sourced from the file's payments, claims or PLB items,
     * or from such a row that is not there (its remit_posting row may be missing from a torn store).
     */
    private static Set<UUID> ledgerBatches(Handle h, long mark, List<Long> payments, List<Long> claims, List<Long> plbs) {
        Map<String, Set<String>> ours = Map.of("REMIT_PAYMENT", strings(payments), "REMIT_CLAIM", strings(claims),
                "REMIT_PLB", strings(plbs));
        Map<String, String> parent = Map.of("REMIT_PAYMENT", "payment", "REMIT_CLAIM", "remit_claim", "REMIT_PLB", "plb_item");
        Set<UUID> batches = new HashSet<>();
        h.createQuery("SELECT batch_id, source_type, source_id FROM ledger_entry WHERE seq > :m AND source_type IN (<types>)")
                .bind("m", mark).bindList("types", LEDGER_SOURCES)
                .map((rs, ctx) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)})
                .forEach(e -> {
                    String type = (String) e[1];
                    String source = (String) e[2];
                    if (ours.get(type).contains(source) || !exists(h, parent.get(type), source)) {
                        batches.add((UUID) e[0]);
                    }
                });
        return batches;
    }

    private static boolean exists(Handle h, String table, String id) {
        try {
            return h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE id = :id").bind("id", Long.parseLong(id))
                    .mapTo(Long.class).one() > 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static Set<String> strings(List<Long> ids) {
        Set<String> s = new HashSet<>();
        ids.forEach(id -> s.add(String.valueOf(id)));
        return s;
    }

    private static int delete(Handle h, String table, List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return h.createUpdate("DELETE FROM " + table + " WHERE id = ANY(:ids)").bindArray("ids", Long.class, ids).execute();
    }

    private static void finish(Jdbi jdbi, Actor actor, Clock clock, long importId, String state, String note, String event,
                               Map<String, ?> detail) {
        jdbi.useTransaction(h -> {
            JdbiImportPublications.finish(h, importId, state, note, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
            if (event != null) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("importId", importId);
                payload.put("state", state);
                payload.putAll(detail);
                new JdbiJournal(h, actor, clock).append(event, payload);
                new JdbiAuditTrail(h, actor, clock).record(event, "remit_import", String.valueOf(importId), payload);
            }
        });
        jdbi.useHandle(h -> h.execute("CHECKPOINT"));
    }

    private static long mark(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return "none";
    }

    private static long ms(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** What a repair removed: counts only (no patient data). */
    private static final class Removed {
        Long fileId;
        int files;
        int payments;
        int claims;
        int decisions;
        int postings;
        int ledgerEntries;
        int rows;

        boolean isEmpty() {
            return rows == 0;
        }

        String describe() {
            return payments + " payment(s), " + claims + " claim payment(s), " + decisions + " match decision(s), "
                    + postings + " posting(s), " + ledgerEntries + " ledger entries";
        }

        Map<String, Object> detail() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("remitFileId", fileId);
            d.put("payments", payments);
            d.put("claimPayments", claims);
            d.put("matchDecisions", decisions);
            d.put("postings", postings);
            d.put("ledgerEntries", ledgerEntries);
            d.put("rows", rows);
            return d;
        }
    }
}
