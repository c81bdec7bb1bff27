package org.rxledger.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One process per data folder, with a name: an operating-system lock on {@value #FILE_NAME} held while the
 * database is open, and in the file the holder's process id, command and start time, so a second
 * {@code rxledger} can say who has the folder instead of H2's "Database may be already in use".
 *
 * <p>The lock is on a byte far past the text, so the text stays readable on systems with mandatory locks;
 * the operating system drops it when the process dies, so a crash leaves nothing to clean up (the stale
 * text is overwritten by the next holder). The file is never deleted: a waiter could otherwise lock a file
 * that no longer has a name.
 */
public final class DataFolderLock implements AutoCloseable {

    public static final String FILE_NAME = "rxledger.lock";
    private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;

    /** Who holds a data folder: what its lock file says. */
    public record Holder(long pid, String command, String since) {
    }

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the folder for this process, writing who holds it.
     *
     * @param command what this process is doing, for the message another one shows (no file names or other values)
     * @throws DataFolderBusyException when another process, or another open database of this one, holds it
     */
    static DataFolderLock acquire(Path dataDir, String command) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCKED_BYTE, 1, false);
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DataFolderBusyException(dataDir, holder(dataDir), null);
            }
            String since = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            String text = "pid=" + ProcessHandle.current().pid() + "\ncommand=" + command.replaceAll("[\\r\\n]", " ") + "\nsince=" + since + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("The data folder " + dataDir + " cannot be locked for this process: " + e.getMessage(), e);
        }
    }

    /** What the folder's lock file says about its holder; empty when there is none or it names nobody. */
    public static Optional<Holder> holder(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Map<String, String> values = new HashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            if (!values.containsKey("pid")) {
                return Optional.empty();
            }
            return Optional.of(new Holder(Long.parseLong(values.get("pid").strip()), values.getOrDefault("command", "RxLedger"),
                    values.getOrDefault("since", "an unknown time")));
        } catch (IOException | NumberFormatException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Empties the file (nobody holds the folder) and releases the lock. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // the lock goes with the channel below anyway
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
