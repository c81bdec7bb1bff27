package org.rxledger.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Landed migrations are never edited (issue 15): an office that already ran V005 will never run it
 * again, so an edit splits the schema of old and new offices without anybody noticing. Each landed
 * migration's content is pinned by its SHA-256 in {@code landed-migrations.txt} (line endings
 * normalised); a change is a new migration. When a stop lands new migrations, their lines are added.
 */
class LandedMigrationsTest {

    private static final Path SQL = Path.of("src/main/resources/db/migration");
    private static final Path JAVA = Path.of("src/main/java/org/rxledger/core/store");
    private static final Pattern NAME = Pattern.compile("V(\\d+)__\\w+\\.(sql|java)");

    @Test
    void no_landed_migration_was_edited_or_removed() throws IOException {
        Map<String, String> pinned = pinned();
        Map<String, String> present = present();
        List<String> problems = new ArrayList<>();
        pinned.forEach((file, hash) -> {
            if (!present.containsKey(file)) {
                problems.add(file + " was landed and is gone");
            } else if (!present.get(file).equals(hash)) {
                problems.add(file + " was landed and has been edited since; put the change in a new migration");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void a_new_migration_comes_after_every_landed_one() throws IOException {
        Map<String, String> pinned = pinned();
        int lastLanded = pinned.keySet().stream().mapToInt(LandedMigrationsTest::version).max().orElse(0);
        List<String> early = present().keySet().stream()
                .filter(f -> !pinned.containsKey(f))
                .filter(f -> version(f) <= lastLanded)
                .toList();
        assertThat(early).as("new migrations numbered at or below the last landed one (V%03d): offices that "
                + "already migrated would never run them", lastLanded).isEmpty();
    }

    private static Map<String, String> pinned() throws IOException {
        Map<String, String> pinned = new LinkedHashMap<>();
        try (InputStream in = LandedMigrationsTest.class.getResourceAsStream("landed-migrations.txt")) {
            assertThat(in).as("landed-migrations.txt").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.trim().split("\\s+");
                    pinned.put(parts[1], parts[0]);
                }
            }
        }
        return pinned;
    }

    private static Map<String, String> present() throws IOException {
        Map<String, String> present = new LinkedHashMap<>();
        for (Path dir : List.of(SQL, JAVA)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).sorted().toList()) {
                    present.put(f.getFileName().toString(), sha256(f));
                }
            }
        }
        return present;
    }

    private static int version(String file) {
        Matcher m = NAME.matcher(file);
        assertThat(m.matches()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String sha256(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
