package org.rxledger.core.mfp;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rxledger.core.id.Ndc;

/**
 * The MFP price list as CSV: {@code ndc,mfp_per_unit,wac_per_unit,effective_from,effective_to,manufacturer}. The header
 * is required, columns may come in any order, {@code effective_to} may be empty (open-ended). Every row is checked
 * before anything is stored, and each problem names its line, its column, what was expected and what was found.
 */
public final class MfpPriceCsv {

    public static final List<String> COLUMNS = List.of("ndc", "mfp_per_unit", "wac_per_unit", "effective_from",
            "effective_to", "manufacturer");
    private static final List<String> REQUIRED = List.of("ndc", "mfp_per_unit", "wac_per_unit", "effective_from",
            "manufacturer");
    /** A price per unit as published: plain decimal, at most 5 places (no sign, exponent, currency or grouping). */
    private static final String UNIT_PRICE = "\\d{1,9}(\\.\\d{1,5})?";

    /** One readable row, with its line for later errors (a duplicate version). */
    public record Row(long line, MfpPrice price) {
    }

    private MfpPriceCsv() {
    }

    public static List<Row> read(String fileName, Reader reader, List<MfpImportError> errors) {
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = format.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                errors.add(new MfpImportError(fileName, 1, null, "The file is empty; the first line must be the header "
                        + String.join(",", COLUMNS)));
                return rows;
            }
            CSVRecord header = records.next();
            long lastLine = parser.getCurrentLineNumber();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                if (COLUMNS.contains(name) && index.putIfAbsent(name, i) != null) {
                    errors.add(new MfpImportError(fileName, 1, name, "The header names column " + name + " twice"));
                }
            }
            for (String required : REQUIRED) {
                if (!index.containsKey(required)) {
                    errors.add(new MfpImportError(fileName, 1, required, "Required column " + required
                            + " is missing from the header row (expected " + String.join(",", COLUMNS) + ")"));
                }
            }
            if (!errors.isEmpty()) {
                return rows;
            }
            Map<String, Long> versionLine = new HashMap<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    errors.add(new MfpImportError(fileName, line, null, "The row has " + record.size()
                            + " values but the header has " + header.size() + " columns"));
                    continue;
                }
                Map<String, String> v = new LinkedHashMap<>();
                COLUMNS.forEach(c -> v.put(c, index.containsKey(c) ? record.get(index.get(c)).strip() : ""));
                Optional<MfpPrice> price = price(fileName, line, v, errors);
                if (price.isEmpty()) {
                    continue;
                }
                Long earlier = versionLine.putIfAbsent(price.get().ndc() + "@" + price.get().effectiveFrom(), line);
                if (earlier != null) {
                    errors.add(new MfpImportError(fileName, line, "effective_from", "NDC " + price.get().ndc()
                            + " already has a version starting " + price.get().effectiveFrom() + " on line " + earlier
                            + "; one version per NDC and start date"));
                    continue;
                }
                rows.add(new Row(line, price.get()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read MFP price file " + fileName, e);
        } catch (IllegalStateException | UncheckedIOException e) {
            errors.add(new MfpImportError(fileName, 0, null, "The file is not valid CSV: " + e.getMessage()));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new MfpImportError(fileName, 2, null, "The file has a header but no prices"));
        }
        return rows;
    }

    private static Optional<MfpPrice> price(String file, long line, Map<String, String> v, List<MfpImportError> errors) {
        int before = errors.size();
        String ndc = null;
        String ndcProblem = Ndc.problem(v.get("ndc"));
        if (ndcProblem != null) {
            errors.add(new MfpImportError(file, line, "ndc", "NDC " + ndcProblem));
        } else if (Ndc.parse(v.get("ndc")).billing().chars().allMatch(ch -> ch == '0')) {
            errors.add(new MfpImportError(file, line, "ndc", "An NDC of all zeros is not a product"));
        } else {
            ndc = Ndc.parse(v.get("ndc")).billing();
        }
        BigDecimal mfp = unitPrice(file, line, "mfp_per_unit", v, errors);
        BigDecimal wac = unitPrice(file, line, "wac_per_unit", v, errors);
        if (mfp != null && wac != null && wac.compareTo(mfp) < 0) {
            errors.add(new MfpImportError(file, line, "wac_per_unit", "Expected a WAC at least the MFP ("
                    + mfp.toPlainString() + "); found " + wac.toPlainString()));
        }
        LocalDate from = date(file, line, "effective_from", v, errors);
        LocalDate to = v.get("effective_to").isEmpty() ? null : date(file, line, "effective_to", v, errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new MfpImportError(file, line, "effective_to", "Expected a date on or after effective_from "
                    + from + "; found " + to));
        }
        String manufacturer = v.get("manufacturer");
        if (manufacturer.isEmpty()) {
            errors.add(new MfpImportError(file, line, "manufacturer", "A manufacturer is required; found none"));
        } else if (manufacturer.length() > 120) {
            errors.add(new MfpImportError(file, line, "manufacturer", "At most 120 characters, found " + manufacturer.length()));
        } else if ("=+-@\t".indexOf(manufacturer.charAt(0)) >= 0 || manufacturer.chars().anyMatch(Character::isISOControl)) {
            errors.add(new MfpImportError(file, line, "manufacturer",
                    "A name may not start with = + - @ or a tab, nor hold control characters"));
        }
        return errors.size() == before
                ? Optional.of(new MfpPrice(0, ndc, mfp, wac, from, to, manufacturer))
                : Optional.empty();
    }

    private static BigDecimal unitPrice(String file, long line, String column, Map<String, String> v,
                                        List<MfpImportError> errors) {
        String text = v.get(column);
        if (!text.matches(UNIT_PRICE)) {
            errors.add(new MfpImportError(file, line, column, "Expected a price per unit such as 12.34567 (plain decimal, "
                    + "at most 5 places); found " + (text.isEmpty() ? "nothing" : "'" + text + "'")));
            return null;
        }
        return new BigDecimal(text);
    }

    private static LocalDate date(String file, long line, String column, Map<String, String> v, List<MfpImportError> errors) {
        String text = v.get(column);
        try {
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not ISO", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new MfpImportError(file, line, column, "Expected a date YYYY-MM-DD; found "
                    + (text.isEmpty() ? "nothing" : "'" + text + "'")));
            return null;
        }
    }
}
