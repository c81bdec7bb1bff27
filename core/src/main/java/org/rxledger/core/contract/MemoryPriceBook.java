package org.rxledger.core.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The stored prices of the NDCs at hand, looked up in memory: the row whose range covers the date with the latest
 * start wins, among equal starts the later import. {@link #withOverrides} prices a change under review as if it had
 * always been in force.
 */
final class MemoryPriceBook implements PriceBook {

    private final Map<String, List<ListPrice>> prices = new HashMap<>();
    private final Map<String, List<InvoiceLine>> invoices = new HashMap<>();
    private final Map<String, BigDecimal> overrides;

    MemoryPriceBook(Collection<ListPrice> prices, Collection<InvoiceLine> invoices) {
        this(Map.of());
        prices.forEach(p -> this.prices.computeIfAbsent(key(p.kind().basis(), p.list(), p.ndc()), k -> new ArrayList<>()).add(p));
        invoices.forEach(i -> this.invoices.computeIfAbsent(i.ndc(), k -> new ArrayList<>()).add(i));
    }

    private MemoryPriceBook(Map<String, BigDecimal> overrides) {
        this.overrides = overrides;
    }

    static String key(PriceBasis basis, String list, String ndc) {
        return basis + "|" + (basis == PriceBasis.MAC ? list.toUpperCase(Locale.ROOT) : "") + "|" + ndc;
    }

    /** This book with {@code overrides} (by {@link #key}) in force on every date. */
    MemoryPriceBook withOverrides(Map<String, BigDecimal> overrides) {
        MemoryPriceBook book = new MemoryPriceBook(Map.copyOf(overrides));
        book.prices.putAll(prices);
        book.invoices.putAll(invoices);
        return book;
    }

    @Override
    public Optional<BigDecimal> unitPrice(PriceBasis basis, String macList, String ndc, LocalDate date) {
        String key = key(basis, macList, ndc);
        BigDecimal override = overrides.get(key);
        if (override != null) {
            return Optional.of(override);
        }
        return prices.getOrDefault(key, List.of()).stream()
                .filter(p -> !p.from().isAfter(date) && (p.to() == null || !p.to().isBefore(date)))
                .max(Comparator.comparing(ListPrice::from).thenComparingLong(ListPrice::id))
                .map(ListPrice::unitPrice);
    }

    @Override
    public Optional<BigDecimal> acquisitionUnitCost(String ndc, LocalDate date) {
        return invoices.getOrDefault(ndc, List.of()).stream()
                .filter(i -> !i.date().isAfter(date))
                .max(Comparator.comparing(InvoiceLine::date).thenComparingLong(InvoiceLine::id))
                .map(InvoiceLine::unitCost);
    }
}
