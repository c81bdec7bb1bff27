package org.rxledger.core.claim;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a claims CSV (issue 2 contract) into rows of raw field values, with file-level problems.
 *
 * <p>The first line must be the header row; columns are matched by canonical name (case and blanks
 * ignored), in any order; unknown columns are ignored; every {@link ClaimField#requiredColumn()
 * required column} must be present. Values are left as text: {@link ClaimRules} judges them.
 */
public final class ClaimCsvImport {

    /** One data row: its first line in the file and its values by field. */
    public record Row(long line, Map<ClaimField, String> values) {
    }

    /** The readable rows, and the problems found while reading (a header problem leaves no rows). */
    public record Parsed(List<Row> rows, List<ClaimImportError> errors) {
    }

    private ClaimCsvImport() {
    }

    public static Parsed read(String fileName, Reader reader) {
        List<ClaimImportError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser parser = format.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                errors.add(new ClaimImportError(fileName, 1, "", "The file is empty; the first line must be the header row naming the columns"));
                return new Parsed(List.of(), errors);
            }
            CSVRecord header = records.next();
            long lastLine = parser.getCurrentLineNumber();
            Map<ClaimField, Integer> index = new EnumMap<>(ClaimField.class);
            List<ClaimImportError> duplicates = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).replace("\uFEFF", "").strip();
                int column = i;
                ClaimField.byColumn(name).ifPresent(f -> {
                    // two columns with one name would make it ambiguous which value is meant
                    if (index.putIfAbsent(f, column) != null) {
                        duplicates.add(new ClaimImportError(fileName, 1, f.column(), "The header names column " + f.column() + " twice"));
                    }
                });
            }
            if (index.isEmpty()) {
                errors.add(new ClaimImportError(fileName, 1, "", "The first line is not a header row: it names none of the claim columns "
                        + "(rx_number, fill_number, date_of_service, …)"));
                return new Parsed(List.of(), errors);
            }
            errors.addAll(duplicates);
            for (ClaimField required : ClaimField.requiredColumns()) {
                if (!index.containsKey(required)) {
                    errors.add(new ClaimImportError(fileName, 1, required.column(), "Required column " + required.column()
                            + " (" + required.label() + ") is missing from the header row"));
                }
            }
            if (!errors.isEmpty()) {
                return new Parsed(List.of(), errors);
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                // a record starts on the line after the previous one ended (quoted values may span lines)
                long line = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    errors.add(new ClaimImportError(fileName, line, "", "The row has " + record.size()
                            + " values but the header has " + header.size() + " columns"));
                    continue;
                }
                Map<ClaimField, String> values = new EnumMap<>(ClaimField.class);
                index.forEach((field, i) -> values.put(field, record.get(i)));
                rows.add(new Row(line, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read claims file " + fileName, e);
        } catch (IllegalStateException | UncheckedIOException e) {
            // commons-csv reports malformed quoting this way
            errors.add(new ClaimImportError(fileName, 0, "", "The file is not valid CSV: " + e.getMessage()));
        }
        return new Parsed(rows, errors);
    }
}
