package org.rxledger.app.remits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RejectionLog;
import org.rxledger.core.remit.RemittanceProblem;
import org.rxledger.core.task.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remittance inbox, {@code <data dir>/remittances/inbox}: files a clearinghouse client or a clerk
 * drops there are imported by the workstation, then moved to {@code inbox/archive/} (imported or
 * duplicate) or {@code inbox/rejected/} with a {@code <name>.reason.txt} beside them.
 *
 * <p>Polling (every {@code interval}) rather than {@link java.nio.file.WatchService}: a file is handed
 * over only once its size and modification time were the same on two polls, so a file still being
 * copied is never imported half-written, and polling behaves the same on network shares, where
 * WatchService events are unreliable. Polling runs on its own daemon thread and only lists a folder;
 * the imports themselves run on the TaskRunner (see {@link RemittancesViewModel#importFromInbox}).
 */
public final class InboxWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path inbox;
    private final Clock clock;
    private final Map<Path, String> lastSeen = new HashMap<>();
    private final Set<Path> inFlight = new HashSet<>();
    /** Cancelled files and the signature they had: offered again only once they change. */
    private final Map<Path, String> skipped = new HashMap<>();
    private ScheduledExecutorService poller;

    public InboxWatcher(Path dataDir, Clock clock) {
        this.inbox = inboxIn(dataDir);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static Path inboxIn(Path dataDir) {
        return dataDir.resolve("remittances").resolve("inbox");
    }

    public Path inbox() {
        return inbox;
    }

    public Path archive() {
        return inbox.resolve("archive");
    }

    public Path rejected() {
        return inbox.resolve("rejected");
    }

    /** Starts polling; {@code onReady} gets each file once it is stable (called on the polling thread). */
    public synchronized void start(long interval, TimeUnit unit, Consumer<Path> onReady) {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "remit-inbox");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                poll().forEach(onReady);
            } catch (RuntimeException e) {
                LOG.warn("remittance inbox {}: polling failed ({})", inbox, e.getClass().getName());
            }
        }, 0, interval, unit);
    }

    /**
     * The files ready to import: regular, visible, not temporary, unchanged since the previous poll and
     * not already handed over. Each is marked in flight until {@link #process} or {@link #release}.
     */
    public synchronized List<Path> poll() {
        List<Path> ready = new ArrayList<>();
        try {
            Files.createDirectories(inbox);
        } catch (IOException e) {
            return ready;
        }
        Map<Path, String> seen = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f) || name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp")
                        || name.endsWith(".reason.txt") || inFlight.contains(f)) {
                    continue;
                }
                FileTime modified = Files.getLastModifiedTime(f);
                String signature = Files.size(f) + "@" + modified.toMillis();
                if (signature.equals(skipped.get(f))) {
                    continue;
                }
                skipped.remove(f);
                seen.put(f, signature);
                if (signature.equals(lastSeen.get(f))) {
                    inFlight.add(f);
                    ready.add(f);
                }
            }
        } catch (IOException e) {
            LOG.warn("remittance inbox {}: cannot list it ({})", inbox, e.getClass().getName());
        }
        lastSeen.clear();
        lastSeen.putAll(seen);
        ready.sort(null);
        return ready;
    }

    /** After a cancelled import: {@code file} is not offered again until it changes (or a restart). */
    public synchronized void keepUntilChanged(Path file) {
        inFlight.remove(file);
        lastSeen.remove(file);
        try {
            skipped.put(file, Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            // gone already: nothing to skip
        }
    }

    /** Forgets that {@code file} was handed over (it will be offered again once stable). */
    public synchronized void release(Path file) {
        inFlight.remove(file);
        lastSeen.remove(file);
    }

    /**
     * Imports one inbox file and moves it: imported or duplicate → archive/, rejected → rejected/ with
     * the reasons in {@code <name>.reason.txt}. A cancelled import leaves the file where it is and
     * it is not offered again until it changes or the workstation restarts.
     */
    public ImportOutcome process(Path file, RemittanceImports imports, ProgressListener progress,
                                 BooleanSupplier cancelled) throws IOException {
        ImportOutcome outcome = imports.importFile(file, RejectionLog.Source.INBOX, progress, cancelled);
        switch (outcome.status()) {
            case IMPORTED -> move(file, archive(), null);
            case DUPLICATE -> move(file, archive(), outcome.message());
            case REJECTED -> move(file, rejected(), reasons((ImportOutcome.Rejected) outcome));
            case CANCELLED -> {
                keepUntilChanged(file);
                return outcome;
            }
        }
        synchronized (this) {
            inFlight.remove(file);
            lastSeen.remove(file);
        }
        return outcome;
    }

    private static String reasons(ImportOutcome.Rejected rejected) {
        StringBuilder sb = new StringBuilder("Rejected, nothing was stored:\n");
        for (RemittanceProblem p : rejected.problems()) {
            sb.append("- ").append(p.describe()).append('\n');
        }
        return sb.toString();
    }

    private void move(Path file, Path folder, String reason) throws IOException {
        Files.createDirectories(folder);
        String name = file.getFileName().toString();
        Path target = folder.resolve(name);
        if (Files.exists(target)) {
            // keep every copy: a re-sent file with the same name gets a time stamp
            target = folder.resolve(name + "." + STAMP.format(clock.instant().atZone(clock.getZone())));
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        if (reason != null) {
            Files.writeString(folder.resolve(target.getFileName() + ".reason.txt"), reason, StandardCharsets.UTF_8);
        }
        LOG.info("remittance inbox: {} moved to {}", name, folder.getFileName());
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}
