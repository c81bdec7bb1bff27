package org.rxledger.core.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.rxledger.core.contract.ClaimToPrice;
import org.rxledger.core.contract.ContractRepository;
import org.rxledger.core.contract.ContractTerms;
import org.rxledger.core.contract.Formula;
import org.rxledger.core.contract.InvoiceLine;
import org.rxledger.core.contract.ListPrice;
import org.rxledger.core.contract.PriceBasis;
import org.rxledger.core.contract.PriceCsv;
import org.rxledger.core.contract.PriceKind;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.Routing;

/**
 * The contract tables in H2 (V045__contracts.sql). Net paid per claim follows the reconciliation rule (matched claim
 * payments less the PLB takebacks tied to the claim, {@link TakebackSql}); prices are read for the NDCs at hand in
 * chunks and looked up in memory by the caller.
 */
final class JdbiContractRepository implements ContractRepository {

    private static final int IN_CHUNK = 1_000;

    private static final RowMapper<ContractTerms> TERMS = (rs, ctx) -> new ContractTerms(rs.getLong("id"),
            rs.getString("contract_name"), rs.getLong("payer_id"), rs.getString("payer_name"),
            new Routing(rs.getString("bin"), rs.getString("pcn"), rs.getString("group_id")),
            rs.getObject("effective_from", LocalDate.class),
            new Formula(PriceBasis.valueOf(rs.getString("brand_basis")), rs.getBigDecimal("brand_percent"),
                    rs.getBigDecimal("brand_fee")),
            new Formula(PriceBasis.valueOf(rs.getString("generic_basis")), rs.getBigDecimal("generic_percent"),
                    rs.getBigDecimal("generic_fee")),
            rs.getString("mac_list"), rs.getBoolean("lesser_of_uc"), rs.getBigDecimal("transaction_fee"),
            rs.getBigDecimal("post_adj_fee_percent"), rs.getBigDecimal("post_adj_fee_flat"));

    private static final RowMapper<ListPrice> PRICE = (rs, ctx) -> new ListPrice(rs.getLong("id"),
            PriceKind.valueOf(rs.getString("kind")), rs.getString("list_name"), rs.getString("ndc"),
            rs.getBigDecimal("unit_price"), rs.getObject("effective_from", LocalDate.class),
            rs.getObject("effective_to", LocalDate.class));

    private final Handle handle;

    JdbiContractRepository(Handle handle) {
        this.handle = handle;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Optional<Long> directoryPayerId(String name) {
        return handle.createQuery("""
                        SELECT MIN(id) FROM directory_payer WHERE merged_into_id IS NULL AND UPPER(TRIM(name)) = UPPER(TRIM(:n))""")
                .bind("n", name).mapTo(Long.class).findOne();
    }

    @Override
    public List<Routing> routingsOf(long payerId) {
        return handle.createQuery("SELECT bin, pcn, group_id FROM directory_routing WHERE payer_id = :p ORDER BY bin, pcn, group_id")
                .bind("p", payerId)
                .map((rs, ctx) -> new Routing(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    @Override
    public List<ContractTerms> versions() {
        return handle.createQuery("""
                        SELECT v.*, dp.name AS payer_name FROM contract_version v JOIN directory_payer dp ON dp.id = v.payer_id
                        ORDER BY v.contract_name, v.bin, v.pcn, v.group_id, v.effective_from, v.id""")
                .map(TERMS).list();
    }

    @Override
    public void insertVersions(List<ContractTerms> versions, UUID importId, String fileName, Instant at, String by) {
        if (versions.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO contract_version (contract_name, payer_id, bin, pcn, group_id, effective_from, brand_basis,
                    brand_percent, brand_fee, generic_basis, generic_percent, generic_fee, mac_list, lesser_of_uc,
                    transaction_fee, post_adj_fee_percent, post_adj_fee_flat, import_id, file_name, imported_at, imported_by)
                VALUES (:name, :payer, :bin, :pcn, :group, :from, :bb, :bp, :bf, :gb, :gp, :gf, :mac, :lesser, :tf, :pp,
                        :pf, :importId, :file, :at, :by)""");
        for (ContractTerms t : versions) {
            batch.bind("name", t.contractName()).bind("payer", t.payerId()).bind("bin", t.routing().bin())
                    .bind("pcn", t.routing().pcn()).bind("group", t.routing().groupId()).bind("from", t.effectiveFrom())
                    .bind("bb", t.brand().basis().name()).bind("bp", t.brand().percent()).bind("bf", t.brand().fee())
                    .bind("gb", t.generic().basis().name()).bind("gp", t.generic().percent()).bind("gf", t.generic().fee())
                    .bind("mac", t.macList()).bind("lesser", t.lesserOfUc()).bind("tf", t.transactionFee())
                    .bind("pp", t.postAdjPercent()).bind("pf", t.postAdjFlat()).bind("importId", importId)
                    .bind("file", fileName).bind("at", at(at)).bind("by", by).add();
        }
        batch.execute();
    }

    @Override
    public void insertPriceImport(UUID id, PriceKind kind, String fileName, int rows, Instant at, String by) {
        handle.createUpdate("""
                        INSERT INTO price_import (id, kind, file_name, row_count, imported_at, imported_by)
                        VALUES (:id, :kind, :file, :rows, :at, :by)""")
                .bind("id", id).bind("kind", kind.name()).bind("file", fileName).bind("rows", rows).bind("at", at(at))
                .bind("by", by).execute();
    }

    @Override
    public void insertPrices(List<PriceCsv.Price> prices, UUID importId, Consumer<Integer> stored) {
        if (prices.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO drug_price (kind, list_name, ndc, unit_price, effective_from, effective_to, pricing_unit, import_id)
                VALUES (:kind, :list, :ndc, :price, :from, :to, :unit, :importId)""");
        for (PriceCsv.Price p : prices) {
            batch.bind("kind", p.kind().name()).bind("list", p.list()).bind("ndc", p.ndc()).bind("price", p.unitPrice())
                    .bind("from", p.from()).bind("to", p.to()).bind("unit", p.pricingUnit()).bind("importId", importId).add();
        }
        batch.execute();
        stored.accept(prices.size());
    }

    @Override
    public void insertInvoices(List<PriceCsv.Invoice> invoices, UUID importId) {
        if (invoices.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO acquisition_cost (ndc, invoice_date, quantity, cost, import_id)
                VALUES (:ndc, :date, :quantity, :cost, :importId)""");
        for (PriceCsv.Invoice i : invoices) {
            batch.bind("ndc", i.ndc()).bind("date", i.date()).bind("quantity", i.quantity()).bind("cost", i.cost())
                    .bind("importId", importId).add();
        }
        batch.execute();
    }

    @Override
    public Set<String> priceKeys(PriceKind kind) {
        Set<String> keys = new HashSet<>();
        Query query = kind == PriceKind.INVOICE
                ? handle.createQuery("SELECT quantity AS list_name, ndc, invoice_date AS effective_from, cost AS unit_price FROM acquisition_cost")
                : handle.createQuery("SELECT list_name, ndc, effective_from, unit_price FROM drug_price WHERE kind = :kind")
                        .bind("kind", kind.name());
        try (var rows = query.setFetchSize(5_000).map((rs, ctx) -> kind == PriceKind.INVOICE
                ? key(rs.getBigDecimal("list_name").stripTrailingZeros().toPlainString(), rs)
                : key(rs.getString("list_name"), rs)).stream()) {
            rows.forEach(keys::add);
        }
        return keys;
    }

    /** The same key as {@code ContractService.priceKey}: list|ndc|from|price. */
    private static String key(String list, ResultSet rs) throws SQLException {
        return list.toUpperCase(java.util.Locale.ROOT) + "|" + rs.getString("ndc") + "|"
                + rs.getObject("effective_from", LocalDate.class) + "|"
                + rs.getBigDecimal("unit_price").stripTrailingZeros().toPlainString();
    }

    @Override
    public List<PriceImport> priceImports() {
        return handle.createQuery("SELECT * FROM price_import ORDER BY imported_at DESC, file_name")
                .map((rs, ctx) -> new PriceImport(rs.getObject("id", UUID.class), PriceKind.valueOf(rs.getString("kind")),
                        rs.getString("file_name"), rs.getInt("row_count"),
                        rs.getObject("imported_at", OffsetDateTime.class).toInstant(), rs.getString("imported_by")))
                .list();
    }

    @Override
    public List<ListPrice> prices(Collection<String> ndcs) {
        List<ListPrice> prices = new ArrayList<>();
        for (List<String> chunk : chunks(ndcs)) {
            prices.addAll(handle.createQuery("""
                            SELECT id, kind, list_name, ndc, unit_price, effective_from, effective_to FROM drug_price
                            WHERE ndc IN (<ndcs>)""")
                    .bindList("ndcs", chunk)
                    .map(PRICE).list());
        }
        return prices;
    }

    @Override
    public List<ListPrice> macPrices(Collection<String> lists) {
        if (lists.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("""
                        SELECT id, kind, list_name, ndc, unit_price, effective_from, effective_to FROM drug_price
                        WHERE kind = 'MAC' AND UPPER(list_name) IN (<lists>)""")
                .bindList("lists", lists.stream().map(l -> l.toUpperCase(java.util.Locale.ROOT)).toList())
                .setFetchSize(5_000).map(PRICE).list();
    }

    @Override
    public List<InvoiceLine> invoices(Collection<String> ndcs) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (List<String> chunk : chunks(ndcs)) {
            lines.addAll(handle.createQuery("SELECT id, ndc, invoice_date, quantity, cost FROM acquisition_cost WHERE ndc IN (<ndcs>)")
                    .bindList("ndcs", chunk)
                    .map((rs, ctx) -> new InvoiceLine(rs.getLong("id"), rs.getString("ndc"),
                            rs.getObject("invoice_date", LocalDate.class), rs.getBigDecimal("quantity"), rs.getBigDecimal("cost")))
                    .list());
        }
        return lines;
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<String> all = new ArrayList<>(values);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            chunks.add(all.subList(i, Math.min(i + IN_CHUNK, all.size())));
        }
        return chunks;
    }

    @Override
    public void claimsToPrice(LocalDate from, LocalDate to, Long only, Consumer<ClaimToPrice> sink) {
        Query query = handle.createQuery("""
                SELECT c.id, c.rx_number, c.fill_number, c.date_of_service,""" + PayerSql.claimPayer("c", "py.name") + """
                        AS payer_name, c.bin, c.pcn, c.group_id, c.ndc, COALESCE(d.brand, FALSE) AS brand, c.quantity,
                       c.usual_and_customary, c.gross_amount_due, c.patient_pay_amount, c.plan_paid_amount,
                       COALESCE(r.paid, 0) - COALESCE(t.plb, 0) AS paid,
                       CASE WHEN r.claim_id IS NULL AND t.claim_id IS NULL THEN FALSE ELSE TRUE END AS remitted
                FROM claim c
                JOIN plan pl ON pl.id = c.plan_id
                JOIN payer py ON py.id = pl.payer_id
                LEFT JOIN drug d ON d.id = c.drug_id
                LEFT JOIN (SELECT rc.matched_claim_id AS claim_id, SUM(rc.paid_amount) AS paid FROM remit_claim rc
                           WHERE rc.matched_claim_id IS NOT NULL GROUP BY rc.matched_claim_id) r ON r.claim_id = c.id
                LEFT JOIN""" + TakebackSql.PER_CLAIM + """
                 t ON t.claim_id = c.id
                WHERE c.lifecycle = 'ACTIVE' AND c.response_status IN ('P', 'C')"""
                + (from == null ? "" : " AND c.date_of_service >= :from")
                + (to == null ? "" : " AND c.date_of_service <= :to")
                + (only == null ? "" : " AND c.id = :only")
                + " ORDER BY c.date_of_service, c.id").setFetchSize(1000);
        if (from != null) {
            query.bind("from", from);
        }
        if (to != null) {
            query.bind("to", to);
        }
        if (only != null) {
            query.bind("only", only.longValue());
        }
        try (var rows = query.map((rs, ctx) -> new ClaimToPrice(rs.getLong("id"), rs.getString("rx_number"),
                rs.getInt("fill_number"), rs.getObject("date_of_service", LocalDate.class), rs.getString("payer_name"),
                rs.getString("bin"), rs.getString("pcn"), rs.getString("group_id"), rs.getString("ndc"),
                rs.getBoolean("brand"), rs.getBigDecimal("quantity"), money(rs, "usual_and_customary"),
                money(rs, "gross_amount_due"), money(rs, "patient_pay_amount"), money(rs, "plan_paid_amount"),
                rs.getBoolean("remitted") ? money(rs, "paid") : null)).stream()) {
            rows.forEach(sink);
        }
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? Money.ZERO : Money.of(v);
    }

    @Override
    public long insertNotice(String kind, String subject, String summary, int claims, Money impact, LocalDate windowFrom,
                             LocalDate windowTo, UUID importId, Instant at, String by) {
        return handle.createUpdate("""
                        INSERT INTO contract_notice (kind, subject, summary, claims, impact, window_from, window_to, import_id,
                                                     created_at, created_by)
                        VALUES (:kind, :subject, :summary, :claims, :impact, :wf, :wt, :importId, :at, :by)""")
                .bind("kind", kind).bind("subject", subject).bind("summary", summary).bind("claims", claims)
                .bind("impact", impact.amount()).bind("wf", windowFrom).bind("wt", windowTo).bind("importId", importId)
                .bind("at", at(at)).bind("by", by)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    @Override
    public void insertAcknowledgement(long noticeId, Instant at, String by) {
        handle.createUpdate("INSERT INTO contract_notice_ack (notice_id, acknowledged_at, acknowledged_by) VALUES (:n, :at, :by)")
                .bind("n", noticeId).bind("at", at(at)).bind("by", by).execute();
    }

    @Override
    public List<Notice> notices() {
        return handle.createQuery("""
                        SELECT n.*, a.acknowledged_at, a.acknowledged_by FROM contract_notice n
                        LEFT JOIN contract_notice_ack a ON a.id = (SELECT MIN(a2.id) FROM contract_notice_ack a2
                                                                   WHERE a2.notice_id = n.id)
                        ORDER BY n.created_at DESC, n.id DESC""")
                .map((rs, ctx) -> {
                    OffsetDateTime ack = rs.getObject("acknowledged_at", OffsetDateTime.class);
                    return new Notice(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"),
                            rs.getString("summary"), rs.getInt("claims"), Money.of(rs.getBigDecimal("impact")),
                            rs.getObject("window_from", LocalDate.class), rs.getObject("window_to", LocalDate.class),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                            ack == null ? null : ack.toInstant(), rs.getString("acknowledged_by"));
                }).list();
    }
}
