package org.rxledger.core.claim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
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

    /**
     * The file's bytes as text, or why they are not UTF-8 text. UTF-8 with or without a byte-order mark is
     * read; a UTF-16 mark, NUL bytes (a binary file, a spreadsheet saved as .xlsx) or a byte sequence that is
     * not UTF-8 (Latin-1 or Windows-1252 accents) refuse the file naming the line where it happens, since a
     * guessed encoding would store a patient's name wrongly.
     */
    public static Decoded decode(String fileName, byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return Decoded.refused(new ClaimImportError(fileName, 1, "", "Expected a UTF-8 text file, found UTF-16 text (byte-order mark "
                    + String.format("%02X %02X", bytes[0], bytes[1]) + "); save the file as \"CSV UTF-8\" and import it again"));
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return Decoded.refused(new ClaimImportError(fileName, lineAt(bytes, i), "", "Expected a UTF-8 text file, found a NUL byte "
                        + "at byte " + (i + 1) + ": this is a binary file (a workbook or an export in another format?), not CSV text"));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            return Decoded.refused(new ClaimImportError(fileName, lineAt(bytes, at), "", "Expected UTF-8 text, found byte "
                    + String.format("0x%02X", bytes[at] & 0xFF) + " (at byte " + (at + 1) + ") that is not UTF-8 — the file looks like "
                    + "Latin-1 or Windows-1252; save it as \"CSV UTF-8\" and import it again"));
        }
        decoder.flush(out);
        return new Decoded(out.flip().toString(), null);
    }

    /** The 1-based line holding byte {@code index}. */
    private static long lineAt(byte[] bytes, int index) {
        long line = 1;
        for (int i = 0; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The text of a file, or (when {@code error} is not null) why it cannot be read as text. */
    public record Decoded(String text, ClaimImportError error) {

        static Decoded refused(ClaimImportError error) {
            return new Decoded(null, error);
        }
    }

    public static Parsed read(String fileName, Reader reader) {
        List<ClaimImportError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
        long[] lineRead = {0};
        try (CSVParser parser = format.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                errors.add(new ClaimImportError(fileName, 1, "", "The file is empty; the first line must be the header row naming the columns"));
                return new Parsed(List.of(), errors);
            }
            CSVRecord header = records.next();
            long lastLine = parser.getCurrentLineNumber();
            lineRead[0] = lastLine;
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
                lineRead[0] = lastLine;
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
            // commons-csv reports malformed quoting this way; the record that failed starts after the last one read
            Throwable cause = e.getCause() instanceof CharacterCodingException ? e.getCause() : e;
            String found = cause instanceof CharacterCodingException ? "text that is not UTF-8" : "a value whose quotes do not close";
            errors.add(new ClaimImportError(fileName, lineRead[0] + 1, "", "The file is not valid CSV: expected values "
                    + "separated by commas (a quoted value ends with a closing quote), found " + found + " from this line on"));
        }
        return new Parsed(rows, errors);
    }
}
