package org.rxledger.core.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder holds patient data (database, archived 835s, reports, logs): on systems with POSIX
 * permissions its folders are 700 and its files 600 — owner only, whatever the umask made them. Elsewhere
 * (Windows) the per-user profile folder's access list already does this, and nothing is changed.
 */
public final class PrivateFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
    /** What the workstation keeps in a data folder besides the database: logs, 835s, audit documents, packets. */
    /** The database, its lock and (from older versions) its trace file: {@code rxledger.mv.db}, {@code rxledger.lock}, … */
    private static final String DATABASE_FILES = "rxledger.";
    /** The audit documents folder ({@code audit.DocumentFiles}); named here because security comes before audit. */
    public static final String DOCUMENTS_FOLDER = "documents";
    /** Where the workstation writes; "reports" holds workbooks and PDFs that name patients (the Reports area's default). */
    private static final Set<String> OUR_FOLDERS = Set.of("logs", "remittances", "demo-remittances", DOCUMENTS_FOLDER, "packets",
            "reports");
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Makes one file 600 or one folder 700, when the file system has POSIX permissions. */
    public static void restrict(Path path) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            Set<PosixFilePermission> wanted = Files.isDirectory(path) ? FOLDER : FILE;
            if (!view.readAttributes().permissions().equals(wanted)) {
                view.setPermissions(wanted);
            }
        } catch (IOException e) {
            // a file of another user (a shared folder): leave it, and say so without naming more than the path
            LOG.warn("could not restrict the permissions of {}: {}", path.getFileName(), e.getClass().getSimpleName());
        }
    }

    /**
     * Restricts the data folder, its {@code rxledger.*} files and the folders the workstation keeps there (made
     * tighter on every open: earlier versions left 755/644). Other files are left alone: {@code --data} may
     * name a folder that holds more than ours.
     */
    public static void restrictDataFolder(Path dataDir) {
        if (Files.getFileAttributeView(dataDir, PosixFileAttributeView.class) == null) {
            return;
        }
        restrict(dataDir);
        try (Stream<Path> top = Files.list(dataDir)) {
            top.filter(p -> !Files.isSymbolicLink(p)).forEach(p -> {
                String name = p.getFileName().toString();
                if (name.startsWith(DATABASE_FILES)) {
                    restrict(p);
                } else if (OUR_FOLDERS.contains(name) && Files.isDirectory(p)) {
                    restrictTree(p);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not restrict the permissions in the data folder: {}", e.getClass().getSimpleName());
        }
    }

    private static void restrictTree(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.filter(p -> !Files.isSymbolicLink(p)).forEach(PrivateFiles::restrict);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not restrict the permissions under {}: {}", folder.getFileName(), e.getClass().getSimpleName());
        }
    }
}
