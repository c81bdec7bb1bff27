package org.rxledger.core.contract;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.rxledger.core.csv.NamedColumnCsv;

/**
 * The price files (docs/contracts.md): a MAC list ({@code mac_list,ndc,unit_price,effective_from,effective_to}),
 * AWP or WAC ({@code ndc,unit_price,effective_from,effective_to}), the CMS NADAC file as published (its own header:
 * {@code NDC Description,NDC,NADAC_Per_Unit,Effective_Date,Pricing_Unit,…}; dates MM/DD/YYYY) and wholesaler
 * invoices ({@code ndc,invoice_date,quantity,cost}). Rows stream to the caller so 300,000 of them need no second copy.
 */
public final class PriceCsv {

    /** A unit price row of a list. */
    public record Price(PriceKind kind, String list, String ndc, BigDecimal unitPrice, LocalDate from, LocalDate to,
                        String pricingUnit) {
    }

    /** A wholesaler invoice line: cost of quantity units. */
    public record Invoice(String ndc, LocalDate date, BigDecimal quantity, BigDecimal cost) {
    }

    static final List<String> MAC = List.of("mac_list", "ndc", "unit_price", "effective_from", "effective_to");
    static final List<String> LIST = List.of("ndc", "unit_price", "effective_from", "effective_to");
    static final List<String> NADAC = List.of("ndc description", "ndc", "nadac_per_unit", "effective_date",
            "pricing_unit", "pharmacy_type_indicator", "otc", "explanation_code", "classification_for_rate_setting",
            "corresponding_generic_drug_nadac_per_unit", "corresponding_generic_drug_effective_date", "as of date");
    static final List<String> INVOICE = List.of("ndc", "invoice_date", "quantity", "cost");

    private PriceCsv() {
    }

    public static List<String> columns(PriceKind kind) {
        return switch (kind) {
            case MAC -> MAC;
            case NADAC -> NADAC;
            case AWP, WAC -> LIST;
            case INVOICE -> INVOICE;
        };
    }

    /** Reads every row; rows without problems go to {@code prices} or {@code invoices}, problems to {@code errors}. */
    public static void read(PriceKind kind, String fileName, Reader reader, List<ContractImportError> errors,
                            Consumer<Price> prices, Consumer<Invoice> invoices) {
        CsvValues values = new CsvValues(fileName, errors);
        List<String> required = switch (kind) {
            case MAC -> List.of("mac_list", "ndc", "unit_price", "effective_from");
            case NADAC -> List.of("ndc", "nadac_per_unit", "effective_date");
            case AWP, WAC -> List.of("ndc", "unit_price", "effective_from");
            case INVOICE -> INVOICE;
        };
        NamedColumnCsv.read(kind + " file " + fileName, reader, columns(kind), required, values::error, (line, v) -> {
            int before = errors.size();
            switch (kind) {
                case INVOICE -> {
                    String ndc = values.ndc(line, "ndc", v, false);
                    LocalDate date = values.date(line, "invoice_date", v, false);
                    BigDecimal quantity = values.quantity(line, "quantity", v);
                    BigDecimal cost = values.amount(line, "cost", v, null);
                    if (errors.size() == before) {
                        invoices.accept(new Invoice(ndc, date, quantity, cost));
                    }
                }
                case NADAC -> {
                    String ndc = values.ndc(line, "ndc", v, true);
                    BigDecimal unit = values.unitPrice(line, "nadac_per_unit", v);
                    LocalDate from = values.date(line, "effective_date", v, true);
                    String unitOf = v.get("pricing_unit");
                    if (!unitOf.isEmpty() && !unitOf.matches("(?i)EA|ML|GM")) {
                        values.error(line, "pricing_unit", "Expected EA, ML or GM; found " + CsvValues.found(unitOf));
                    }
                    if (errors.size() == before) {
                        prices.accept(new Price(kind, "", ndc, unit, from, null, unitOf.toUpperCase(java.util.Locale.ROOT)));
                    }
                }
                default -> {
                    String list = kind == PriceKind.MAC ? values.name(line, "mac_list", v, 60, true) : "";
                    String ndc = values.ndc(line, "ndc", v, false);
                    BigDecimal unit = values.unitPrice(line, "unit_price", v);
                    LocalDate from = values.date(line, "effective_from", v, false);
                    LocalDate to = values.endDate(line, "effective_to", v, from);
                    if (errors.size() == before) {
                        prices.accept(new Price(kind, list, ndc, unit, from, to, ""));
                    }
                }
            }
        });
    }
}
