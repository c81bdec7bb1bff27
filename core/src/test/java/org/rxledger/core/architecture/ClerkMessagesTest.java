package org.rxledger.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A message a clerk reads travels in {@code RxLedgerException} (issue 15 item 7): the screens and the
 * command line translate that type into a notice or exit 1, while an {@code IllegalStateException}
 * or {@code IllegalArgumentException} means a programming error. In the areas a clerk works in
 * every day, each remaining throw of those two types is listed here as a known invariant, so a new
 * refusal written with them fails this test instead of reaching a clerk as "unexpected problem".
 */
class ClerkMessagesTest {

    private static final Path CORE = Path.of("src/main/java/org/rxledger/core");

    private static final List<String> AREAS = List.of("remit", "posting", "matching", "collections", "mfp", "sync");

    private static final Pattern THROWN = Pattern.compile("new Illegal(?:State|Argument)Exception\\(\\s*(\"[^\"]*\")?");

    /** File and the start of its message: invariants, file-format writers used by tests and demos, and runtime faults. */
    private static final Set<String> INVARIANTS = Set.of(
            "remit/RejectionLog.java \"SHA-256 is part of every Java runtime\"",
            "remit/ElementRules.java \"not an element name: \"",
            "remit/RemittanceBuilder.java \"claim \"",
            "remit/RemittanceBuilder.java \"payment \"",
            "remit/X12Delimiters.java \"delimiter '\"",
            "remit/X12Delimiters.java \"delimiters must differ, '\"",
            "remit/X12Delimiters.java \"only line breaks may follow a segment terminator\"",
            "remit/X12RemittanceWriter.java \"interchange \"",
            "remit/X12RemittanceWriter.java \"group \"",
            "remit/X12RemittanceWriter.java \"transaction set \"",
            "remit/X12RemittanceWriter.java \"value '\"",
            "remit/X12RemittanceWriter.java \"ISA value '\"",
            "remit/X12RemittanceWriter.java \"no \"",
            "remit/MatchCounts.java \"negative match count\"",
            "remit/RemittanceImportService.java \"SHA-256 is part of every Java runtime\"",
            "remit/RemittanceImportService.java \"not a write: \"",
            "remit/RemittanceImportService.java \"the archived copy \"",
            "posting/RemittancePosting.java \"Posting of payment \"",
            "mfp/MfpDemo.java \"demo MFP prices refused: \"",
            "mfp/MfpDemo.java \"demo MTF 835 refused: \"",
            "sync/AutoSync.java \"sync schedule needs a positive interval and retry, max retry >= first\"",
            "sync/SyncService.java \"sync: event \"",
            "sync/EventContexts.java \"sync context cannot be written as JSON\"",
            "sync/MailboxService.java \"SHA-256 is missing from this Java runtime\"");

    @Test
    void refusals_in_the_daily_areas_are_rx_ledger_exceptions() throws IOException {
        List<String> found = new ArrayList<>();
        for (String area : AREAS) {
            try (Stream<Path> files = Files.walk(CORE.resolve(area))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    Matcher m = THROWN.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        found.add(CORE.relativize(f).toString().replace('\\', '/') + " "
                                + (m.group(1) == null ? "(no literal message)" : m.group(1)));
                    }
                }
            }
        }
        assertThat(found).as("the scan reads the sources").isNotEmpty();
        assertThat(found.stream().filter(t -> !INVARIANTS.contains(t)).toList())
                .as("a refusal a clerk reads is thrown as RxLedgerException.invalid/refused/notFound; "
                        + "list a true invariant in INVARIANTS")
                .isEmpty();
    }

    @Test
    void the_scan_sees_a_throw_and_its_message() {
        Matcher m = THROWN.matcher("throw new IllegalStateException(\"Payment \" + trace + \" is posted\");");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("\"Payment \"");
    }
}
