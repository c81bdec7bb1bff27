package org.rxledger.core.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.Routing;

/** Port: the contract and price tables (V045) and the claims they price. */
public interface ContractRepository {

    /** One imported price file. */
    record PriceImport(UUID id, PriceKind kind, String fileName, int rows, Instant at, String by) {
    }

    /** A change notice and, once someone acknowledged it, who and when. */
    record Notice(long id, String kind, String subject, String summary, int claims, Money impact, LocalDate windowFrom,
                  LocalDate windowTo, Instant createdAt, String createdBy, Instant acknowledgedAt, String acknowledgedBy) {

        public boolean open() {
            return acknowledgedAt == null;
        }
    }

    /** The directory payer (not merged) of this name, case-insensitive. */
    Optional<Long> directoryPayerId(String name);

    List<Routing> routingsOf(long payerId);

    /** Every contract version, with its payer's name. */
    List<ContractTerms> versions();

    void insertVersions(List<ContractTerms> versions, UUID importId, String fileName, Instant at, String by);

    void insertPriceImport(UUID id, PriceKind kind, String fileName, int rows, Instant at, String by);

    /** Batched; reports each stored chunk to {@code stored} (rows so far). */
    void insertPrices(List<PriceCsv.Price> prices, UUID importId, Consumer<Integer> stored);

    void insertInvoices(List<PriceCsv.Invoice> invoices, UUID importId);

    /** "list|ndc|from|price" of every stored row of the kind: what a re-import skips. */
    Set<String> priceKeys(PriceKind kind);

    List<PriceImport> priceImports();

    /** Every stored price of these NDCs, of every kind. */
    List<ListPrice> prices(Collection<String> ndcs);

    /** Every stored MAC price of these lists (one query, for comparing a whole new list with the stored one). */
    List<ListPrice> macPrices(Collection<String> lists);

    /** Every stored invoice line of these NDCs. */
    List<InvoiceLine> invoices(Collection<String> ndcs);

    /** Paid and active claims (P/C) with dates of service in the range, or the one claim {@code only}. */
    void claimsToPrice(LocalDate from, LocalDate to, Long only, Consumer<ClaimToPrice> sink);

    long insertNotice(String kind, String subject, String summary, int claims, Money impact, LocalDate windowFrom,
                      LocalDate windowTo, UUID importId, Instant at, String by);

    void insertAcknowledgement(long noticeId, Instant at, String by);

    List<Notice> notices();
}
