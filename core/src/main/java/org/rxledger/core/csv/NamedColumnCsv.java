package org.rxledger.core.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The header-and-rows part every small CSV import shares (payer directory, MFP price list): columns found by
 * name in any order, a BOM ignored, a column named twice or a required one missing refused on line 1, a row
 * with another number of values than the header refused on its own line, each row's values stripped and keyed
 * by column (absent optional columns as ""). The rules of the values themselves stay with each import.
 */
public final class NamedColumnCsv {

    /** Where a problem goes: the import's own error list, with the file named by the caller. */
    @FunctionalInterface
    public interface Problems {
        void add(long line, String column, String message);
    }

    /** One data row: its line in the file and its values by column. */
    @FunctionalInterface
    public interface Rows {
        void row(long line, Map<String, String> values);
    }

    private NamedColumnCsv() {
    }

    /**
     * Reads {@code reader}; nothing reaches {@code rows} when the header has a problem.
     *
     * @param what what the file is, for an I/O failure's message ("payer file payers.csv")
     */
    public static void read(String what, Reader reader, List<String> columns, Collection<String> required,
                            Problems problems, Rows rows) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = format.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                problems.add(1, null, "The file is empty; the first line must be the header " + String.join(",", columns));
                return;
            }
            CSVRecord header = records.next();
            long lastLine = parser.getCurrentLineNumber();
            Map<String, Integer> index = new HashMap<>();
            boolean headerOk = true;
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                if (columns.contains(name) && index.putIfAbsent(name, i) != null) {
                    problems.add(1, name, "The header names column " + name + " twice");
                    headerOk = false;
                }
            }
            for (String column : required) {
                if (!index.containsKey(column)) {
                    problems.add(1, column, "Required column " + column + " is missing from the header row (expected "
                            + String.join(",", columns) + ")");
                    headerOk = false;
                }
            }
            if (!headerOk) {
                return;
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    problems.add(line, null, "The row has " + record.size() + " values but the header has "
                            + header.size() + " columns");
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                columns.forEach(c -> values.put(c, index.containsKey(c) ? record.get(index.get(c)).strip() : ""));
                rows.row(line, values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what, e);
        } catch (IllegalStateException | UncheckedIOException e) {
            problems.add(0, null, "The file is not valid CSV: " + e.getMessage());
        }
    }
}
