package org.rxledger.core.sync;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rxledger.core.claim.ClaimField;
import org.rxledger.core.claim.ClaimImportError;
import org.rxledger.core.claim.ClaimImportResult;
import org.rxledger.core.claim.ClaimImportService;
import org.rxledger.core.claim.ClaimRules;
import org.rxledger.core.tx.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: take the adjudications the pharmacy system wrote to the central {@code claims_feed} since this
 * workstation's watermark, one batch at a time, each imported exactly as {@code claims import} imports a CSV file
 * (same columns, rules and errors; all or nothing). A rejected batch is recorded with its errors and passed: the
 * pharmacy system sends a corrected one under a new batch name. A claim already here is skipped, as in the import,
 * so a batch taken again after a crash doubles nothing.
 */
public final class ClaimsFeed {

    /** What became of one batch. */
    public record Batch(String name, long firstSeq, long lastSeq, boolean imported, int claims, int skipped,
                        List<ClaimImportError> errors) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ClaimsFeed.class);

    private final Transactions local;
    private final SyncStore store;

    public ClaimsFeed(Transactions local, SyncStore store) {
        this.local = Objects.requireNonNull(local, "local");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Takes every batch after the watermark, oldest first. */
    public List<Batch> pull(CentralJournal central) {
        List<Batch> done = new ArrayList<>();
        while (true) {
            List<FeedRow> rows = central.claimsFeedBatch(store.claimsFeedWatermark());
            if (rows.isEmpty()) {
                return done;
            }
            Batch b = importBatch(rows);
            store.recordClaimsFeedBatch(b, local.clock().instant());
            LOG.info("claims feed: batch of {} row(s) up to feed seq {} {}: {} imported, {} already here, {} problem(s)",
                    rows.size(), b.lastSeq(), b.imported() ? "imported" : "rejected", b.claims(), b.skipped(), b.errors().size());
            done.add(b);
        }
    }

    private Batch importBatch(List<FeedRow> rows) {
        String name = rows.get(0).batch();
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
            List<String> header = new ArrayList<>();
            for (ClaimField f : ClaimField.values()) {
                header.add(f.column());
            }
            printer.printRecord(header);
            for (FeedRow r : rows) {
                List<String> values = new ArrayList<>();
                for (ClaimField f : ClaimField.values()) {
                    String v = r.values().get(f.column());
                    values.add(v == null ? "" : v);
                }
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClaimImportResult r = new ClaimImportService(local, new ClaimRules(local.clock()))
                .importCsv("claims feed batch " + name, new StringReader(csv.toString()));
        long first = rows.get(0).seq();
        long last = rows.get(rows.size() - 1).seq();
        return new Batch(name, first, last, r.errors().isEmpty(), r.imported(), r.skippedDuplicates(), r.errors());
    }
}
