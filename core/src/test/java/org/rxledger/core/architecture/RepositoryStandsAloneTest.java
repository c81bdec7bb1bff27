package org.rxledger.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone (issue 13): no code, test, build file, script or document reads or
 * names a file outside the clone. A fresh clone on a machine with only a JDK must pass its tests,
 * so a fixture that lives beside the repository, or an absolute path of one machine, is a bug.
 *
 * <p>Scans every text file of the working tree (build output, {@code .git} and binary files aside).
 */
class RepositoryStandsAloneTest {

    /** Built from parts so that this file does not match itself. */
    private static final Pattern OUTSIDE = Pattern.compile(String.join("|",
            Pattern.quote(".." + "/shared"),
            Pattern.quote("..\\" + "shared"),
            "\"\\.\\.\"\\s*,\\s*(?:\"\\.\\.\"\\s*,\\s*)*\"" + "shared\"",
            "(?<![\\w.$~-])/(?:" + "work|home|root|Users|mnt|media)/[\\w.-]",
            "(?i)\\b[A-Z]:\\\\" + "Users\\\\"));

    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", ".idea", ".vscode", "node_modules");

    private static final Set<String> BINARY_SUFFIXES = Set.of(".png", ".jpg", ".jpeg", ".gif", ".ico", ".pdf",
            ".xlsx", ".ttf", ".jar", ".zip", ".gz", ".class", ".mv.db");

    @Test
    void no_text_file_names_a_path_outside_the_repository() throws IOException {
        Path root = repositoryRoot();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !skipped(root.relativize(f)))
                    .forEach(f -> scan(root, f, offenders));
        }
        assertThat(offenders)
                .as("files that name a path outside the repository (copy the file in, see docs/development.md)")
                .isEmpty();
    }

    @Test
    void the_guard_recognises_what_it_must_refuse() {
        assertThat(OUTSIDE.matcher("Path.of(\"" + ".." + "/shared/samples/sample835.edi\")").find()).isTrue();
        assertThat(OUTSIDE.matcher("see " + "/work" + "/shared/STACK.md").find()).isTrue();
        assertThat(OUTSIDE.matcher("\"" + "/home" + "/alice/x.csv\"").find()).isTrue();
        assertThat(OUTSIDE.matcher("C:\\" + "Users\\bob\\x").find()).isTrue();
        assertThat(OUTSIDE.matcher("Path.of(\"..\", \"..\", \"" + "shared\", \"samples\")").find()).isTrue();
        assertThat(OUTSIDE.matcher("--data /tmp/office, ~/.local/share/rxledger, docs/reference/DOMAIN.md").find())
                .isFalse();
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        String name = relative.getFileName().toString().toLowerCase();
        return BINARY_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static void scan(Path root, Path file, List<String> offenders) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notText) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (OUTSIDE.matcher(lines.get(i)).find()) {
                offenders.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
    }

    /** The folder holding the parent pom and {@code core/}: tests run in the module folder. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("core")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }
}
