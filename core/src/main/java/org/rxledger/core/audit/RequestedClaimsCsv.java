package org.rxledger.core.audit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rxledger.core.id.RxNumber;

/**
 * Reads the claim list of an audit letter typed or exported as CSV: a header row naming
 * {@code rx_number, fill_number, date_of_service} (any order, extra columns ignored), then one claim
 * per row in the auditor's order. The whole file is checked before anything is used; every problem
 * is reported with its file line and column so the clerk can fix the file in one go
 * (ARCHITECTURE.md rule 4: imports are all-or-nothing).
 *
 * <p>Dates are ISO ({@code 2025-03-03}) or US ({@code 03/03/2025}), the two forms PBM lists use.
 */
public final class RequestedClaimsCsv {

    public static final String RX = "rx_number";
    public static final String FILL = "fill_number";
    public static final String DOS = "date_of_service";
    private static final List<String> REQUIRED = List.of(RX, FILL, DOS);
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.US);

    /** One problem in the file: line 1 is the header. */
    public record Problem(long line, String column, String message) {
        @Override
        public String toString() {
            return "line " + line + (column == null ? "" : ", column " + column) + ": " + message;
        }
    }

    /** The file cannot be used; {@link #problems()} lists every reason. */
    public static final class InvalidCsvException extends AuditCaseException {
        private final List<Problem> problems;

        InvalidCsvException(List<Problem> problems) {
            super("The claim list has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ": "
                    + String.join("; ", problems.stream().limit(10).map(Problem::toString).toList())
                    + (problems.size() > 10 ? "; …" : ""));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private RequestedClaimsCsv() {
    }

    /** Parses the whole list or throws {@link InvalidCsvException} naming every bad line and column. */
    public static List<RequestedLine> parse(Reader reader) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).get();
        List<Problem> problems = new ArrayList<>();
        List<RequestedLine> lines = new ArrayList<>();
        try (CSVParser parser = format.parse(reader)) {
            Map<String, Integer> header = normalisedHeader(parser.getHeaderNames());
            for (String column : REQUIRED) {
                if (!header.containsKey(column)) {
                    problems.add(new Problem(1, column, "the header row has no column '" + column
                            + "' (expected: rx_number, fill_number, date_of_service)"));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidCsvException(problems);
            }
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                String rx = value(row, header.get(RX));
                String fill = value(row, header.get(FILL));
                String dos = value(row, header.get(DOS));
                int before = problems.size();
                String rxProblem = RxNumber.problem(rx);
                if (rxProblem != null) {
                    problems.add(new Problem(line, RX, "Rx number " + rxProblem));
                }
                Integer fillNumber = null;
                try {
                    fillNumber = Integer.parseInt(fill);
                    String fillProblem = RxNumber.fillProblem(fillNumber);
                    if (fillProblem != null) {
                        problems.add(new Problem(line, FILL, "fill number " + fillProblem));
                    }
                } catch (NumberFormatException e) {
                    problems.add(new Problem(line, FILL, "'" + fill + "' is not a fill number (expected 0–99)"));
                }
                LocalDate date = date(dos);
                if (date == null) {
                    problems.add(new Problem(line, DOS, "'" + dos + "' is not a date (expected 2025-03-03 or 03/03/2025)"));
                }
                if (problems.size() == before) {
                    lines.add(new RequestedLine(rx, fillNumber, date));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the claim list", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports a missing/duplicate header or a broken quote this way
            throw new InvalidCsvException(List.of(new Problem(1, null, e.getMessage())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCsvException(problems);
        }
        if (lines.isEmpty()) {
            throw new InvalidCsvException(List.of(new Problem(2, null, "the list has a header but no claims")));
        }
        return lines;
    }

    private static Map<String, Integer> normalisedHeader(List<String> names) {
        Map<String, Integer> header = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            // a spreadsheet export may start with a byte-order mark
            header.put(names.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), i);
        }
        return header;
    }

    private static String value(CSVRecord row, int index) {
        return index < row.size() ? row.get(index).strip() : "";
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, US_DATE)) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }
}
