package org.rxledger.app.audits;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rxledger.core.audit.RequestedLine;

/**
 * Reads the claim list a clerk types or pastes into the new-case dialog: one claim per line,
 * "Rx, fill, date of service", separated by commas, semicolons, tabs or spaces (what comes out of
 * a spreadsheet or an e-mail). A header line naming rx_number is skipped. Dates are ISO or US.
 */
public final class ClaimListText {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu", Locale.US);

    /** The lines read, and one message per line that could not be read (with its line number). */
    public record Parsed(List<RequestedLine> lines, List<String> problems) {
        public Parsed {
            lines = List.copyOf(lines);
            problems = List.copyOf(problems);
        }
    }

    private ClaimListText() {
    }

    public static Parsed parse(String text) {
        List<RequestedLine> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] rows = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty() || row.toLowerCase(Locale.ROOT).startsWith("rx")) {
                continue;
            }
            String[] parts = row.split("[,;\\t ]+");
            int n = i + 1;
            if (parts.length < 3) {
                problems.add("line " + n + ": expected Rx, fill and date of service, found \"" + row + "\"");
                continue;
            }
            int fill;
            try {
                fill = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                problems.add("line " + n + ": '" + parts[1] + "' is not a fill number (0–99)");
                continue;
            }
            LocalDate dos = date(parts[2]);
            if (dos == null) {
                problems.add("line " + n + ": '" + parts[2] + "' is not a date (2025-03-03 or 03/03/2025)");
                continue;
            }
            try {
                lines.add(new RequestedLine(parts[0], fill, dos));
            } catch (IllegalArgumentException e) {
                problems.add("line " + n + ": " + e.getMessage());
            }
        }
        return new Parsed(lines, problems);
    }

    /** The lines as text the dialog shows, one "rx, fill, date" per line. */
    public static String format(List<RequestedLine> lines) {
        StringBuilder sb = new StringBuilder();
        for (RequestedLine l : lines) {
            sb.append(l.rxNumber()).append(", ").append(l.fillNumber()).append(", ").append(l.dateOfService()).append('\n');
        }
        return sb.toString();
    }

    private static LocalDate date(String s) {
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, US_DATE)) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return null;
    }
}
