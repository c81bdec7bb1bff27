package org.rxledger.core.contract;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rxledger.core.csv.NamedColumnCsv;
import org.rxledger.core.payer.Routing;

/**
 * Contract terms as CSV, one version per row (docs/contracts.md). The header is required and columns may come in any
 * order; the payer must be in the payer directory with the routing (checked by {@link ContractService}).
 */
public final class ContractCsv {

    public static final List<String> COLUMNS = List.of("contract", "payer", "bin", "pcn", "group", "effective_from",
            "brand_basis", "brand_percent", "brand_fee", "generic_basis", "generic_percent", "generic_fee", "mac_list",
            "lesser_of_uc", "transaction_fee", "post_adj_fee_percent", "post_adj_fee_flat");
    private static final List<String> REQUIRED = List.of("contract", "payer", "bin", "effective_from", "brand_basis",
            "brand_fee", "generic_basis", "generic_fee");

    /** One readable row: its line and the terms (payer id 0 until the directory is asked). */
    public record Row(long line, ContractTerms terms) {
    }

    private ContractCsv() {
    }

    public static List<Row> read(String fileName, Reader reader, List<ContractImportError> errors) {
        CsvValues values = new CsvValues(fileName, errors);
        List<Row> rows = new ArrayList<>();
        Map<String, Long> versionLine = new HashMap<>();
        NamedColumnCsv.read("contract file " + fileName, reader, COLUMNS, REQUIRED, values::error,
                (line, v) -> terms(values, line, v, errors).ifPresent(t -> {
                    String key = t.contractName().toUpperCase(Locale.ROOT) + "|" + t.routing() + "|" + t.effectiveFrom();
                    Long earlier = versionLine.putIfAbsent(key, line);
                    if (earlier != null) {
                        values.error(line, "effective_from", "Contract " + t.contractName() + " for " + t.routing().label()
                                + " already has a version starting " + t.effectiveFrom() + " on line " + earlier);
                    } else {
                        rows.add(new Row(line, t));
                    }
                }));
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new ContractImportError(fileName, 2, null, "The file has a header but no contract terms"));
        }
        return rows;
    }

    private static Optional<ContractTerms> terms(CsvValues values, long line, Map<String, String> v,
                                                 List<ContractImportError> errors) {
        int before = errors.size();
        String contract = values.name(line, "contract", v, 120, true);
        String payer = values.name(line, "payer", v, 120, true);
        Routing routing = null;
        String problem = Routing.problem(v.get("bin"), v.get("pcn"), v.get("group"));
        if (problem != null) {
            String column = problem.startsWith("BIN") ? "bin" : problem.startsWith("PCN") ? "pcn" : "group";
            values.error(line, column, problem);
        } else {
            routing = new Routing(v.get("bin"), v.get("pcn"), v.get("group"));
        }
        LocalDate from = values.date(line, "effective_from", v, false);
        Formula brand = formula(values, line, v, "brand");
        Formula generic = formula(values, line, v, "generic");
        String macList = values.name(line, "mac_list", v, 60, false);
        if (macList != null && macList.isEmpty()
                && (brand != null && brand.basis() == PriceBasis.MAC || generic != null && generic.basis() == PriceBasis.MAC)) {
            values.error(line, "mac_list", "A formula uses MAC, so the MAC list's name is required; found nothing");
        }
        Boolean lesserOf = switch (v.get("lesser_of_uc").toUpperCase(Locale.ROOT)) {
            case "", "Y", "YES", "TRUE" -> Boolean.TRUE;
            case "N", "NO", "FALSE" -> Boolean.FALSE;
            default -> {
                values.error(line, "lesser_of_uc", "Expected Y or N; found " + CsvValues.found(v.get("lesser_of_uc")));
                yield null;
            }
        };
        BigDecimal transactionFee = values.amount(line, "transaction_fee", v, "0");
        BigDecimal postPercent = values.percent(line, "post_adj_fee_percent", v, "0");
        if (postPercent != null && postPercent.signum() < 0) {
            values.error(line, "post_adj_fee_percent", "Expected a fee percent of zero or more; found " + postPercent);
        }
        BigDecimal postFlat = values.amount(line, "post_adj_fee_flat", v, "0");
        if (errors.size() != before) {
            return Optional.empty();
        }
        return Optional.of(new ContractTerms(0, contract, 0, payer, routing, from, brand, generic, macList, lesserOf,
                transactionFee, postPercent, postFlat));
    }

    private static Formula formula(CsvValues values, long line, Map<String, String> v, String prefix) {
        String column = prefix + "_basis";
        PriceBasis basis = null;
        try {
            basis = PriceBasis.valueOf(v.get(column).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            values.error(line, column, "Expected AWP, WAC, NADAC or MAC; found " + CsvValues.found(v.get(column)));
        }
        BigDecimal percent = values.percent(line, prefix + "_percent", v, "0");
        BigDecimal fee = values.amount(line, prefix + "_fee", v, null);
        return basis == null || percent == null || fee == null ? null : new Formula(basis, percent, fee);
    }
}
