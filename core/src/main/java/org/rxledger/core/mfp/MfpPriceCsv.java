package org.rxledger.core.mfp;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rxledger.core.csv.NamedColumnCsv;
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
        Map<String, Long> versionLine = new HashMap<>();
        NamedColumnCsv.read("MFP price file " + fileName, reader, COLUMNS, REQUIRED,
                (line, column, message) -> errors.add(new MfpImportError(fileName, line, column, message)),
                (line, v) -> price(fileName, line, v, errors).ifPresent(price -> {
                    Long earlier = versionLine.putIfAbsent(price.ndc() + "@" + price.effectiveFrom(), line);
                    if (earlier != null) {
                        errors.add(new MfpImportError(fileName, line, "effective_from", "NDC " + price.ndc()
                                + " already has a version starting " + price.effectiveFrom() + " on line " + earlier
                                + "; one version per NDC and start date"));
                    } else {
                        rows.add(new Row(line, price));
                    }
                }));
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
