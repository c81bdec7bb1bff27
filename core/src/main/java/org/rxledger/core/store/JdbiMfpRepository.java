package org.rxledger.core.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.rxledger.core.mfp.Dispute;
import org.rxledger.core.mfp.DisputeStatus;
import org.rxledger.core.mfp.ExclusionReason;
import org.rxledger.core.mfp.MfpPrice;
import org.rxledger.core.mfp.MfpRepository;
import org.rxledger.core.mfp.RefundKind;
import org.rxledger.core.mfp.RefundReceipt;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.Routing;

/**
 * The MFP tables in H2 (V029__mfp_refunds.sql). A claim is Part D by its routing, a payment's payer comes from the
 * payer directory ({@link PayerSql}); "latest row wins" tables are read with the row of the highest id.
 */
final class JdbiMfpRepository implements MfpRepository {

    private static final RowMapper<MfpPrice> PRICE = (rs, ctx) -> new MfpPrice(rs.getLong("id"), rs.getString("ndc"),
            rs.getBigDecimal("mfp_per_unit"), rs.getBigDecimal("wac_per_unit"),
            rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class),
            rs.getString("manufacturer"));

    /** The refund payers: the latest row per payer says active. */
    private static final String REFUND_PAYERS = MfpSql.REFUND_PAYERS;

    /**
     * Whether the claim aliased {@code c} is Part D: the latest row of the most specific Part D routing covering it
     * (BIN+PCN+group over BIN+PCN over BIN, as the payer directory resolves routings).
     */
    private static final String PART_D = """
            COALESCE((SELECT r.active FROM mfp_part_d_routing r
                      WHERE r.bin = c.bin AND (r.pcn = '' OR r.pcn = UPPER(c.pcn))
                        AND (r.group_id = '' OR r.group_id = UPPER(c.group_id))
                      ORDER BY CASE WHEN r.pcn = '' THEN 0 ELSE 4 END + CASE WHEN r.group_id = '' THEN 0 ELSE 2 END DESC,
                               r.id DESC
                      FETCH FIRST 1 ROW ONLY), FALSE)""";

    private final Handle handle;

    JdbiMfpRepository(Handle handle) {
        this.handle = handle;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public List<MfpPrice> prices() {
        return handle.createQuery("SELECT * FROM mfp_price ORDER BY ndc, effective_from, id").map(PRICE).list();
    }

    @Override
    public void insertPrices(List<MfpPrice> prices, UUID importId, String fileName, Instant at, String by) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO mfp_price (ndc, mfp_per_unit, wac_per_unit, effective_from, effective_to, manufacturer,
                                       import_id, file_name, imported_at, imported_by)
                VALUES (:ndc, :mfp, :wac, :from, :to, :manufacturer, :importId, :file, :at, :by)""");
        for (MfpPrice p : prices) {
            batch.bind("ndc", p.ndc()).bind("mfp", p.mfpPerUnit()).bind("wac", p.wacPerUnit())
                    .bind("from", p.effectiveFrom()).bind("to", p.effectiveTo()).bind("manufacturer", p.manufacturer())
                    .bind("importId", importId).bind("file", fileName).bind("at", at(at)).bind("by", by).add();
        }
        if (!prices.isEmpty()) {
            batch.execute();
        }
    }

    @Override
    public void insertPartDRouting(Routing routing, boolean active, String reason, Instant at, String by) {
        handle.createUpdate("""
                        INSERT INTO mfp_part_d_routing (bin, pcn, group_id, active, reason, set_at, set_by)
                        VALUES (:bin, :pcn, :group, :active, :reason, :at, :by)""")
                .bind("bin", routing.bin()).bind("pcn", routing.pcn()).bind("group", routing.groupId())
                .bind("active", active).bind("reason", reason).bind("at", at(at)).bind("by", by).execute();
    }

    @Override
    public List<PartDRouting> partDRoutings() {
        return handle.createQuery("""
                        SELECT r.bin, r.pcn, r.group_id, r.reason FROM mfp_part_d_routing r
                        WHERE r.active AND r.id = (SELECT MAX(r2.id) FROM mfp_part_d_routing r2 WHERE r2.bin = r.bin
                                                   AND r2.pcn = r.pcn AND r2.group_id = r.group_id)
                        ORDER BY r.bin, r.pcn, r.group_id""")
                .map((rs, ctx) -> new PartDRouting(new Routing(rs.getString(1), rs.getString(2), rs.getString(3)),
                        rs.getString(4))).list();
    }

    @Override
    public void insertRefundPayer(long payerId, boolean active, String reason, Instant at, String by) {
        handle.createUpdate("""
                        INSERT INTO mfp_refund_payer (payer_id, active, reason, set_at, set_by)
                        VALUES (:payer, :active, :reason, :at, :by)""")
                .bind("payer", payerId).bind("active", active).bind("reason", reason).bind("at", at(at)).bind("by", by)
                .execute();
    }

    @Override
    public List<RefundPayer> refundPayers() {
        return handle.createQuery("""
                        SELECT r.payer_id, dp.name, r.reason FROM mfp_refund_payer r JOIN directory_payer dp ON dp.id = r.payer_id
                        WHERE r.active AND r.id = (SELECT MAX(r2.id) FROM mfp_refund_payer r2 WHERE r2.payer_id = r.payer_id)
                        ORDER BY dp.name""")
                .map((rs, ctx) -> new RefundPayer(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    @Override
    public Optional<Long> directoryPayerId(String name) {
        return handle.createQuery("""
                        SELECT MIN(id) FROM directory_payer WHERE merged_into_id IS NULL AND UPPER(TRIM(name)) = UPPER(TRIM(:n))""")
                .bind("n", name).mapTo(Long.class).findOne();
    }

    @Override
    public List<EligibleClaim> eligibleClaims() {
        return handle.createQuery("""
                        SELECT c.id, c.rx_number, c.fill_number, c.date_of_service, c.ndc, c.quantity, c.lifecycle,
                               p.id AS price_id, p.ndc AS price_ndc, p.mfp_per_unit, p.wac_per_unit, p.effective_from,
                               p.effective_to, p.manufacturer,
                               (SELECT m.amount FROM mfp_manufacturer_amount m WHERE m.claim_id = c.id
                                ORDER BY m.id DESC FETCH FIRST 1 ROW ONLY) AS own_amount,
                               CASE WHEN c.lifecycle = 'ACTIVE' AND c.response_status IN ('P', 'C')
                                     AND %s
                                     AND COALESCE((SELECT e.excluded FROM mfp_exclusion e WHERE e.claim_id = c.id
                                                   ORDER BY e.id DESC FETCH FIRST 1 ROW ONLY), FALSE) = FALSE
                                    THEN TRUE ELSE FALSE END AS eligible,
                               EXISTS (SELECT 1 FROM mfp_refund_receipt x WHERE x.claim_id = c.id) AS has_receipts
                        FROM claim c
                        JOIN mfp_price p ON p.id = (SELECT p2.id FROM mfp_price p2
                                                    WHERE p2.ndc = c.ndc AND p2.effective_from <= c.date_of_service
                                                      AND (p2.effective_to IS NULL OR p2.effective_to >= c.date_of_service)
                                                    ORDER BY p2.effective_from DESC, p2.id DESC FETCH FIRST 1 ROW ONLY)
                        ORDER BY c.date_of_service, c.rx_number, c.fill_number, c.id""".formatted(PART_D))
                .map((rs, ctx) -> {
                    boolean eligible = rs.getBoolean("eligible");
                    if (!eligible && !rs.getBoolean("has_receipts")) {
                        return null;
                    }
                    MfpPrice price = new MfpPrice(rs.getLong("price_id"), rs.getString("price_ndc"),
                            rs.getBigDecimal("mfp_per_unit"), rs.getBigDecimal("wac_per_unit"),
                            rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class),
                            rs.getString("manufacturer"));
                    java.math.BigDecimal own = rs.getBigDecimal("own_amount");
                    return new EligibleClaim(rs.getLong("id"), rs.getString("rx_number"), rs.getInt("fill_number"),
                            rs.getObject("date_of_service", LocalDate.class), rs.getString("ndc"),
                            rs.getBigDecimal("quantity"), !"ACTIVE".equals(rs.getString("lifecycle")), eligible, price,
                            own == null ? null : Money.of(own));
                }).list().stream().filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public List<RefundReceipt> receipts() {
        return handle.createQuery("""
                        SELECT x.id, x.claim_id, x.remit_claim_id, p.trace_number, x.kind, x.amount, x.paid_on
                        FROM mfp_refund_receipt x JOIN remit_claim rc ON rc.id = x.remit_claim_id
                        JOIN payment p ON p.id = rc.payment_id
                        ORDER BY x.claim_id, x.paid_on, x.id""")
                .map((rs, ctx) -> new RefundReceipt(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        RefundKind.valueOf(rs.getString(5)), Money.of(rs.getBigDecimal(6)), rs.getObject(7, LocalDate.class)))
                .list();
    }

    @Override
    public List<MtfClaimPayment> unrecordedMtfClaimPayments() {
        return handle.createQuery("""
                        SELECT rc.id, rc.payment_id, p.trace_number, rc.patient_control_number, rc.status_code,
                               rc.paid_amount, rc.ndc, rc.service_date, p.payment_date
                        FROM payment p JOIN remit_file f ON f.id = p.remit_file_id
                        JOIN remit_claim rc ON rc.payment_id = p.id
                        WHERE %1$s IN (%2$s)
                          AND NOT EXISTS (SELECT 1 FROM remit_import i WHERE i.sha256 = f.sha256 AND i.state <> 'PUBLISHED'
                                          AND i.id = (SELECT MAX(i2.id) FROM remit_import i2 WHERE i2.sha256 = f.sha256))
                          AND NOT EXISTS (SELECT 1 FROM mfp_refund_receipt x WHERE x.remit_claim_id = rc.id)
                        ORDER BY p.payment_date, p.id, rc.seq""".formatted(PayerSql.paymentPayerId("p"), REFUND_PAYERS))
                .map((rs, ctx) -> new MtfClaimPayment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Money.of(rs.getBigDecimal(6)), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class)))
                .list();
    }

    @Override
    public Set<Long> mtfPayments(Collection<Long> paymentIds) {
        if (paymentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(handle.createQuery("SELECT p.id FROM payment p WHERE p.id = ANY(:ids) AND %s IN (%s)"
                        .formatted(PayerSql.paymentPayerId("p"), REFUND_PAYERS))
                .bindArray("ids", Long.class, (Object[]) paymentIds.toArray(Long[]::new)).mapTo(Long.class).list());
    }

    @Override
    public List<FillCandidate> fillsOfRx(String rx) {
        if (rx.isEmpty() || rx.length() > 12) {
            return List.of();
        }
        // every zero-padded spelling up to the column's 12 characters, so the lookup stays on claim_rx_fill
        List<String> spellings = new java.util.ArrayList<>();
        for (String s = rx; s.length() <= 12; s = "0" + s) {
            spellings.add(s);
        }
        return handle.createQuery("""
                        SELECT id, rx_number, fill_number, date_of_service, ndc, lifecycle FROM claim
                        WHERE rx_number IN (<rx>) ORDER BY id""")
                .bindList("rx", spellings)
                .map((rs, ctx) -> new FillCandidate(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), "ACTIVE".equals(rs.getString(6))))
                .list();
    }

    @Override
    public long insertReceipt(long claimId, long remitClaimId, RefundKind kind, Money amount, LocalDate paidOn,
                              Instant at, String by) {
        return handle.createUpdate("""
                        INSERT INTO mfp_refund_receipt (claim_id, remit_claim_id, kind, amount, paid_on, recorded_at, recorded_by)
                        VALUES (:claim, :remitClaim, :kind, :amount, :paidOn, :at, :by)""")
                .bind("claim", claimId).bind("remitClaim", remitClaimId).bind("kind", kind.name())
                .bind("amount", amount.amount()).bind("paidOn", paidOn).bind("at", at(at)).bind("by", by)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    @Override
    public void insertExclusion(long claimId, boolean excluded, ExclusionReason reason, String note, Instant at, String by) {
        handle.createUpdate("""
                        INSERT INTO mfp_exclusion (claim_id, excluded, reason, note, set_at, set_by)
                        VALUES (:claim, :excluded, :reason, :note, :at, :by)""")
                .bind("claim", claimId).bind("excluded", excluded).bind("reason", reason.name()).bind("note", note)
                .bind("at", at(at)).bind("by", by).execute();
    }

    @Override
    public void insertManufacturerAmount(long claimId, Money amount, String note, Instant at, String by) {
        handle.createUpdate("""
                        INSERT INTO mfp_manufacturer_amount (claim_id, amount, note, set_at, set_by)
                        VALUES (:claim, :amount, :note, :at, :by)""")
                .bind("claim", claimId).bind("amount", amount.amount()).bind("note", note).bind("at", at(at))
                .bind("by", by).execute();
    }

    @Override
    public long insertDispute(long claimId, String reason, String notes, Instant at, String by) {
        return handle.createUpdate("""
                        INSERT INTO mfp_dispute (claim_id, reason, notes, opened_at, opened_by)
                        VALUES (:claim, :reason, :notes, :at, :by)""")
                .bind("claim", claimId).bind("reason", reason).bind("notes", notes).bind("at", at(at)).bind("by", by)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    @Override
    public void insertDisputeEvent(long disputeId, DisputeStatus status, Money amount, String note, Instant at, String by) {
        handle.createUpdate("""
                        INSERT INTO mfp_dispute_event (dispute_id, status, amount, note, at, by_user)
                        VALUES (:dispute, :status, :amount, :note, :at, :by)""")
                .bind("dispute", disputeId).bind("status", status.name())
                .bind("amount", amount == null ? null : amount.amount()).bind("note", note).bind("at", at(at))
                .bind("by", by).execute();
    }

    @Override
    public List<Dispute> disputes() {
        return handle.createQuery("""
                        SELECT d.id, d.claim_id, d.reason, d.notes, d.opened_at, d.opened_by, e.status, e.amount, e.at
                        FROM mfp_dispute d
                        LEFT JOIN mfp_dispute_event e ON e.id = (SELECT MAX(e2.id) FROM mfp_dispute_event e2
                                                                 WHERE e2.dispute_id = d.id)
                        ORDER BY d.id""")
                .map((rs, ctx) -> {
                    String status = rs.getString("status");
                    java.math.BigDecimal amount = rs.getBigDecimal("amount");
                    OffsetDateTime updated = rs.getObject("at", OffsetDateTime.class);
                    Instant opened = rs.getObject("opened_at", OffsetDateTime.class).toInstant();
                    return new Dispute(rs.getLong("id"), rs.getLong("claim_id"), rs.getString("reason"),
                            rs.getString("notes"), status == null ? DisputeStatus.OPEN : DisputeStatus.valueOf(status),
                            amount == null ? null : Money.of(amount), opened, rs.getString("opened_by"),
                            updated == null ? opened : updated.toInstant());
                }).list();
    }

    @Override
    public void insertWriteOff(long claimId, Money amount, String reason, Instant at, String by) {
        handle.createUpdate("""
                        INSERT INTO mfp_write_off (claim_id, amount, reason, written_at, written_by)
                        VALUES (:claim, :amount, :reason, :at, :by)""")
                .bind("claim", claimId).bind("amount", amount.amount()).bind("reason", reason).bind("at", at(at))
                .bind("by", by).execute();
    }

    @Override
    public Map<Long, Money> writtenOff() {
        return sums(handle.createQuery("SELECT claim_id, SUM(amount) FROM mfp_write_off GROUP BY claim_id"));
    }

    @Override
    public Map<Long, Money> receivable(String sourceType) {
        return sums(handle.createQuery("""
                        SELECT claim_id, SUM(amount) FROM ledger_entry
                        WHERE account = 'MFP_REFUND_RECEIVABLE' AND claim_id IS NOT NULL
                          AND (CAST(:source AS VARCHAR) IS NULL OR source_type = :source)
                        GROUP BY claim_id""").bind("source", sourceType));
    }

    private static Map<Long, Money> sums(org.jdbi.v3.core.statement.Query query) {
        Map<Long, Money> sums = new java.util.HashMap<>();
        query.map((rs, ctx) -> Map.entry(rs.getLong(1), Money.of(rs.getBigDecimal(2))))
                .forEach(e -> sums.put(e.getKey(), e.getValue()));
        return sums;
    }
}
