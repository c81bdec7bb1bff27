package org.rxledger.core.mfp;

import org.rxledger.core.access.Permission;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.id.Ndc;
import org.rxledger.core.id.Uuids;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerBatch;
import org.rxledger.core.matching.RxFill;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.Routing;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.ledger.LedgerRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.security.Authorizer;
import org.rxledger.core.security.Disclosure;
import org.rxledger.core.security.DisclosureLog;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.collections.ApprovalTier;
import org.rxledger.core.collections.CollectionSettings;
import org.rxledger.core.collections.CollectionsRepository;

/**
 * The MFP refund use cases (docs/mfp.md). Each write is one transaction with its journal event and audit record;
 * records name claims by id, never by Rx and date of service (PHI).
 */
public final class MfpService {

    public static final String EVENT_PRICES_IMPORTED = "mfp.prices_imported";
    public static final String EVENT_SETUP = "mfp.setup_changed";
    public static final String EVENT_REFUNDS_RECORDED = "mfp.refunds_recorded";
    public static final String EVENT_EXPECTED_CHANGED = "mfp.expected_changed";
    public static final String EVENT_DISPUTE = "mfp.dispute";
    public static final String EVENT_WRITTEN_OFF = "mfp.refund_written_off";
    public static final String EVENT_DISPUTE_PACKET = "mfp.dispute_packet";
    /** Ledger source of a refund received: one MTF claim payment (its remit claim id). */
    public static final String LEDGER_SOURCE = "MFP_REFUND";
    /** Ledger source of a refund written off (the claim id): debit MFP refunds written off, credit the receivable. */
    public static final String LEDGER_SOURCE_WRITE_OFF = "MFP_WRITE_OFF";
    /** Ledger source of the expected refund and its changes (the claim id), see {@link MfpReceivable}. */
    public static final String LEDGER_SOURCE_ACCRUAL = MfpReceivable.SOURCE_ACCRUAL;

    private static final Logger LOG = LoggerFactory.getLogger(MfpService.class);

    private final Transactions transactions;

    public MfpService(Transactions transactions) {
        this.transactions = transactions;
    }

    // ---- price list -------------------------------------------------------------------------------------------

    public MfpPriceImportResult importPrices(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return importPrices(file.getFileName().toString(), reader);
        } catch (java.nio.charset.MalformedInputException e) {
            return new MfpPriceImportResult(0, 0, List.of(new MfpImportError(file.getFileName().toString(), 0, null,
                    "The file is not UTF-8 text (a workbook, or Latin-1); save it as CSV UTF-8")));
        }
    }

    /** All or nothing: every row is checked first; rows already stored (same NDC, prices, dates, manufacturer) are skipped. */
    public MfpPriceImportResult importPrices(String fileName, Reader reader) {
        List<MfpImportError> errors = new ArrayList<>();
        List<MfpPriceCsv.Row> rows = MfpPriceCsv.read(fileName, reader, errors);
        if (!errors.isEmpty()) {
            return new MfpPriceImportResult(0, 0, errors);
        }
        return transactions.inTransaction(Permission.SETTINGS_EDIT, "import an MFP price list", tx -> {
            List<MfpPrice> stored = tx.port(MfpRepository.class).prices();
            List<MfpPrice> fresh = new ArrayList<>();
            int unchanged = 0;
            for (MfpPriceCsv.Row r : rows) {
                if (stored.stream().anyMatch(s -> s.sameAs(r.price()))) {
                    unchanged++;
                } else {
                    fresh.add(r.price());
                }
            }
            UUID importId = Uuids.timeOrdered();
            Instant now = tx.clock().instant();
            tx.port(MfpRepository.class).insertPrices(fresh, importId, fileName, now, tx.actor().user());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("importId", importId.toString());
            payload.put("file", fileName);
            payload.put("added", fresh.size());
            payload.put("unchanged", unchanged);
            tx.port(Journal.class).append(EVENT_PRICES_IMPORTED, payload);
            tx.port(AuditTrail.class).record("MFP_PRICES_IMPORTED", "mfp_price_import", importId.toString(), payload);
            MfpReceivable.bringUpToDate(tx);
            return new MfpPriceImportResult(fresh.size(), unchanged, List.of());
        });
    }

    public List<MfpPrice> prices() {
        return transactions.read(tx -> tx.port(MfpRepository.class).prices());
    }

    // ---- Part D routings and refund payers -------------------------------------------------------------------

    /**
     * Marks (or unmarks) the claims of a BIN + PCN (+ group) as Medicare Part D: Part D sponsors bill under their own
     * routings, so the routing, not the PBM, says whether a claim is Part D.
     */
    public void setPartD(Routing routing, boolean active, String reason) {
        String why = required(reason, "a reason");
        transactions.inTransaction(Permission.PAYER_DIRECTORY_EDIT, "mark a routing as Medicare Part D", tx -> {
            tx.port(MfpRepository.class).insertPartDRouting(routing, active, why, tx.clock().instant(), tx.actor().user());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("bin", routing.bin());
            payload.put("pcn", routing.pcn());
            payload.put("group", routing.groupId());
            payload.put("partD", active);
            payload.put("reason", why);
            tx.port(Journal.class).append(EVENT_SETUP, payload);
            tx.port(AuditTrail.class).record("MFP_PART_D_ROUTING", "routing", routing.label(), payload);
            MfpReceivable.bringUpToDate(tx);
            return null;
        });
    }

    /** Marks (or unmarks) a directory payer whose 835s are MFP refunds (the MTF); it must be in the directory. */
    public void setRefundPayer(String payerName, boolean active, String reason) {
        String why = required(reason, "a reason");
        transactions.inTransaction(Permission.PAYER_DIRECTORY_EDIT, "mark a payer as the MTF", tx -> {
            long payerId = tx.port(MfpRepository.class).directoryPayerId(payerName).orElseThrow(() -> new RxLedgerException("MFP_UNKNOWN_PAYER",
                    "No payer named '" + payerName.strip() + "' in the payer directory (see payers list; add it with payers import)"));
            tx.port(MfpRepository.class).insertRefundPayer(payerId, active, why, tx.clock().instant(), tx.actor().user());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("payerId", payerId);
            payload.put("refundPayer", active);
            payload.put("reason", why);
            tx.port(Journal.class).append(EVENT_SETUP, payload);
            tx.port(AuditTrail.class).record("MFP_REFUND_PAYER", "directory_payer", String.valueOf(payerId), payload);
            return null;
        });
    }

    public List<MfpRepository.PartDRouting> partDRoutings() {
        return transactions.read(tx -> tx.port(MfpRepository.class).partDRoutings());
    }

    public List<MfpRepository.RefundPayer> refundPayers() {
        return transactions.read(tx -> tx.port(MfpRepository.class).refundPayers());
    }

    // ---- refunds received -------------------------------------------------------------------------------------

    /** What {@link #recordRemittedRefunds()} did; {@code accrued}: fills whose expected refund was posted or changed. */
    public record RecordResult(int recorded, Money total, int unmatched, int accrued) {

        public RecordResult(int recorded, Money total, int unmatched) {
            this(recorded, total, unmatched, 0);
        }
    }

    /**
     * Records every MTF claim payment of a published 835 that is not recorded yet against the fill it pays (Rx, fill,
     * NDC, date of service), and posts it to the ledger (docs/adr/0023): cash in, MFP refunds credited. A claim payment
     * whose fill cannot be told stays unrecorded and is counted, to be tried again after the claim is entered.
     * Then brings the MFP refund receivable up to date (claims entered or reversed since the last time).
     */
    public RecordResult recordRemittedRefunds() {
        return transactions.inTransaction(Permission.REMIT_IMPORT, "record MFP refunds from an MTF remittance", tx -> {
            MfpRepository repo = tx.port(MfpRepository.class);
            List<MfpRepository.MtfClaimPayment> payments = repo.unrecordedMtfClaimPayments();
            Map<Long, Integer> receiptsPerClaim = new HashMap<>();
            repo.receipts().forEach(r -> receiptsPerClaim.merge(r.claimId(), 1, Integer::sum));
            Instant now = tx.clock().instant();
            String by = tx.actor().user();
            int recorded = 0;
            int unmatched = 0;
            Money total = Money.ZERO;
            List<LedgerBatch> batches = new ArrayList<>();
            for (MfpRepository.MtfClaimPayment p : payments) {
                Optional<Long> claimId = fillOf(repo, p);
                if (claimId.isEmpty()) {
                    unmatched++;
                    continue;
                }
                RefundKind kind = MfpRules.kind(p.clp02(), p.paid(), receiptsPerClaim.getOrDefault(claimId.get(), 0) > 0);
                // a reversal takes money back whatever sign the payer used on CLP04
                Money amount = kind == RefundKind.REVERSAL ? p.paid().abs().negate() : p.paid();
                repo.insertReceipt(claimId.get(), p.remitClaimId(), kind, amount, p.paymentDate(), now, by);
                receiptsPerClaim.merge(claimId.get(), 1, Integer::sum);
                batches.add(new LedgerBatch(LEDGER_SOURCE, String.valueOf(p.remitClaimId()), p.paymentDate(), now, by)
                        .add(LedgerAccount.PAYER_CASH, amount, claimId.get(), null, null, "MFP refund " + kind.name().toLowerCase())
                        .add(LedgerAccount.MFP_REFUND_RECEIVABLE, amount.negate(), claimId.get(), null, null,
                                "MFP refund " + kind.name().toLowerCase()));
                recorded++;
                total = total.plus(amount);
            }
            tx.port(LedgerRepository.class).appendAll(batches.stream().filter(b -> !b.isEmpty()).toList());
            if (recorded > 0 || unmatched > 0) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("recorded", recorded);
                payload.put("total", total.amount().toPlainString());
                payload.put("unmatched", unmatched);
                tx.port(Journal.class).append(EVENT_REFUNDS_RECORDED, payload);
                tx.port(AuditTrail.class).record("MFP_REFUNDS_RECORDED", "mfp_refund_receipt", "batch", payload);
                LOG.info("MFP refunds: {} claim payment(s) recorded, {} not tied to a fill", recorded, unmatched);
            }
            return new RecordResult(recorded, total, unmatched, MfpReceivable.bringUpToDate(tx));
        });
    }

    /** The one fill an MTF claim payment pays: CLP01 readings narrowed by fill, NDC and date of service; active first. */
    private static Optional<Long> fillOf(MfpRepository repo, MfpRepository.MtfClaimPayment p) {
        String ndc = p.ndc() == null ? null : Ndc.tryParse(p.ndc()).map(Ndc::billing).orElse(null);
        for (RxFill reading : MfpClp01.readings(p.clp01())) {
            LocalDate dos = reading.dateOfService() != null ? reading.dateOfService() : p.serviceDate();
            List<MfpRepository.FillCandidate> fits = repo.fillsOfRx(reading.rx()).stream()
                    .filter(c -> reading.fill() == null || c.fillNumber() == reading.fill())
                    .filter(c -> dos == null || c.dateOfService().equals(dos))
                    .filter(c -> ndc == null || c.ndc().equals(ndc))
                    .toList();
            List<MfpRepository.FillCandidate> active = fits.stream().filter(MfpRepository.FillCandidate::active).toList();
            List<MfpRepository.FillCandidate> chosen = active.isEmpty() ? fits : active;
            if (chosen.size() == 1) {
                return Optional.of(chosen.get(0).claimId());
            }
        }
        return Optional.empty();
    }

    // ---- the refunds ------------------------------------------------------------------------------------------

    /** Every eligible fill's refund (and every fill with refunds recorded) as of {@code asOf}, by date of service. */
    public List<MfpRefund> refunds(LocalDate asOf) {
        return transactions.read(tx -> refunds(tx, asOf));
    }

    static List<MfpRefund> refunds(Tx tx, LocalDate asOf) {
        Map<Long, List<RefundReceipt>> receipts = tx.port(MfpRepository.class).receipts().stream()
                .collect(Collectors.groupingBy(RefundReceipt::claimId));
        Map<Long, Dispute> disputes = tx.port(MfpRepository.class).disputes().stream()
                .collect(Collectors.toMap(Dispute::claimId, Function.identity(), (a, b) -> b.id() > a.id() ? b : a));
        Map<Long, Money> writtenOff = tx.port(MfpRepository.class).writtenOff();
        Map<Long, Money> ledger = tx.port(MfpRepository.class).receivable(null);
        List<MfpRefund> refunds = new ArrayList<>();
        for (MfpRepository.EligibleClaim c : tx.port(MfpRepository.class).eligibleClaims()) {
            List<RefundReceipt> own = receipts.getOrDefault(c.claimId(), List.of());
            Money received = Money.sum(own.stream().map(RefundReceipt::amount).toList());
            LocalDate lastPaid = own.stream().map(RefundReceipt::paidOn).max(LocalDate::compareTo).orElse(null);
            Money standard = c.price().standardDefaultRefund(c.quantity());
            Money expected = c.manufacturerAmount() != null ? c.manufacturerAmount() : standard;
            LocalDate clockStart = c.dateOfService();
            LocalDate due = MfpRules.due(clockStart);
            Money off = writtenOff.getOrDefault(c.claimId(), Money.ZERO);
            RefundState state = MfpRules.state(expected, received, off, lastPaid, due, asOf, c.reversed() || !c.eligible());
            refunds.add(new MfpRefund(c.claimId(), c.rxNumber(), c.fillNumber(), c.dateOfService(), c.ndc(),
                    c.quantity(), c.price().manufacturer(), c.price().mfpPerUnit(), c.price().wacPerUnit(), standard,
                    c.manufacturerAmount(), clockStart, due, received, lastPaid, state, own, disputes.get(c.claimId()), off,
                    ledger.getOrDefault(c.claimId(), Money.ZERO)));
        }
        return refunds;
    }

    /**
     * The MFP refund figures of a dashboard (outstanding, days to refund) for the fills dispensed from {@code from} to
     * {@code to}, as of {@code asOf}. A read: call {@link #recordRemittedRefunds()} first to include MTF files just
     * imported.
     */
    public MfpKpi kpi(LocalDate from, LocalDate to, LocalDate asOf) {
        if (to.isBefore(from)) {
            throw new RxLedgerException("MFP_DATES", "The period ends (" + to + ") before it starts (" + from + ")");
        }
        return transactions.read(tx -> MfpKpi.of(refunds(tx, asOf), from, to, asOf));
    }

    /** The refund of one fill, by Rx number and fill number (the active claim first). */
    public MfpRefund refund(String rxNumber, int fill, LocalDate asOf) {
        return transactions.read(tx -> refund(tx, rxNumber, fill, asOf));
    }

    private static MfpRefund refund(Tx tx, String rxNumber, int fill, LocalDate asOf) {
        String rx = rxNumber.strip().replaceFirst("^0+(?=\\d)", "");
        return refunds(tx, asOf).stream()
                .filter(r -> r.rxNumber().replaceFirst("^0+(?=\\d)", "").equals(rx) && r.fillNumber() == fill)
                .reduce((a, b) -> b.state() == RefundState.REVERSED ? a : b)
                .orElseThrow(() -> new RxLedgerException("MFP_NO_REFUND", "Rx " + rxNumber.strip() + " fill " + fill
                        + " is not an MFP-eligible fill (selected drug on a Part D payer) and has no refund recorded"));
    }

    /** The claim of a fill whatever its eligibility (the active one first), e.g. to let an excluded fill back in. */
    public long claimOfFill(String rxNumber, int fill) {
        String rx = rxNumber.strip().replaceFirst("^0+(?=\\d)", "");
        return transactions.read(tx -> tx.port(MfpRepository.class).fillsOfRx(rx).stream().filter(c -> c.fillNumber() == fill)
                .sorted(java.util.Comparator.comparing((MfpRepository.FillCandidate c) -> !c.active())).findFirst()
                .map(MfpRepository.FillCandidate::claimId)
                .orElseThrow(() -> new RxLedgerException("MFP_NO_CLAIM", "No claim for Rx " + rxNumber.strip()
                        + " fill " + fill)));
    }

    private static MfpRefund refundOfClaim(Tx tx, long claimId, LocalDate asOf) {
        return refunds(tx, asOf).stream().filter(r -> r.claimId() == claimId).findFirst()
                .orElseThrow(() -> new RxLedgerException("MFP_NO_REFUND", "Claim " + claimId
                        + " is not an MFP-eligible fill and has no refund recorded"));
    }

    /** Replaces the standard default with the manufacturer's own amount for one fill (the latest one counts). */
    public void setManufacturerAmount(long claimId, Money amount, String note) {
        String why = required(note, "a note saying where the amount comes from");
        if (amount.isNegative()) {
            throw new RxLedgerException("MFP_NEGATIVE_AMOUNT", "A refund amount cannot be negative; found " + amount);
        }
        transactions.inTransaction(Permission.EXCEPTION_WORK, "record a manufacturer's refund amount", tx -> {
            refundOfClaim(tx, claimId, tx.clock().instant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
            tx.port(MfpRepository.class).insertManufacturerAmount(claimId, amount, why, tx.clock().instant(), tx.actor().user());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("claimId", claimId);
            payload.put("manufacturerAmount", amount.amount().toPlainString());
            payload.put("note", why);
            tx.port(Journal.class).append(EVENT_EXPECTED_CHANGED, payload);
            tx.port(AuditTrail.class).record("MFP_MANUFACTURER_AMOUNT", "claim", String.valueOf(claimId), payload);
            MfpReceivable.bringUpToDate(tx);
            return null;
        });
    }

    /** Keeps a fill out of the refund flow (340B, DMR, coordinate with plan), or lets it back in. */
    public void setExcluded(long claimId, boolean excluded, ExclusionReason reason, String note) {
        String why = note == null ? "" : note.strip();
        transactions.inTransaction(Permission.EXCEPTION_WORK, "exclude a fill from MFP refunds", tx -> {
            tx.port(MfpRepository.class).insertExclusion(claimId, excluded, reason, why, tx.clock().instant(), tx.actor().user());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("claimId", claimId);
            payload.put("excluded", excluded);
            payload.put("reason", reason.name());
            tx.port(Journal.class).append(EVENT_EXPECTED_CHANGED, payload);
            tx.port(AuditTrail.class).record(excluded ? "MFP_EXCLUDED" : "MFP_INCLUDED", "claim", String.valueOf(claimId), payload);
            MfpReceivable.bringUpToDate(tx);
            return null;
        });
    }

    // ---- dispute packet ---------------------------------------------------------------------------------------

    /**
     * The claims of one manufacturer to dispute: its fills dispensed from {@code from} to {@code to} whose refund is
     * short or missing, or disputed, as of {@code asOf}. A read; {@link #recordDisputePacket} records that it left.
     */
    public MfpDisputePacket disputePacket(String manufacturer, LocalDate from, LocalDate to, LocalDate asOf) {
        String name = required(manufacturer, "the manufacturer");
        return transactions.read(tx -> {
            List<MfpRefund> all = refunds(tx, asOf);
            List<MfpRefund> own = all.stream().filter(r -> r.manufacturer().equalsIgnoreCase(name)).toList();
            if (own.isEmpty()) {
                throw new RxLedgerException("MFP_UNKNOWN_MANUFACTURER", "No MFP refunds of a manufacturer named '" + name
                        + "'; the price list names " + all.stream().map(MfpRefund::manufacturer).distinct().sorted().toList());
            }
            List<MfpRefund> disputed = own.stream()
                    .filter(r -> !r.dateOfService().isBefore(from) && !r.dateOfService().isAfter(to))
                    .filter(r -> r.state() == RefundState.SHORT || r.state() == RefundState.MISSING || r.disputed())
                    .toList();
            return new MfpDisputePacket(tx.port(ReferenceRepository.class).pharmacy().orElse(null),
                    own.get(0).manufacturer(), from, to, asOf, disputed);
        });
    }

    /**
     * Records that a dispute packet went to the manufacturer: the audit trail (claims by id, pages, SHA-256) and the
     * accounting of disclosures (Rx numbers and dates of service identify patients; the log keeps patient ids).
     */
    public void recordDisputePacket(MfpDisputePacket packet, int pages, String sha256) {
        transactions.inTransaction(Permission.REPORT_EXPORT, "export an MFP dispute packet", tx -> {
            List<Long> claimIds = packet.refunds().stream().map(MfpRefund::claimId).toList();
            java.util.Set<Long> patients = new java.util.TreeSet<>();
            for (long id : claimIds) {
                tx.port(ClaimRepository.class).find(id).ifPresent(c -> patients.add(c.patientId()));
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("manufacturer", packet.manufacturer());
            payload.put("from", packet.from().toString());
            payload.put("to", packet.to().toString());
            payload.put("claimIds", claimIds);
            payload.put("shortfall", packet.shortfall().amount().toPlainString());
            payload.put("pageCount", pages);
            payload.put("sha256", sha256);
            tx.port(AuditTrail.class).record("MFP_DISPUTE_PACKET", "manufacturer", packet.manufacturer(), payload);
            tx.port(DisclosureLog.class).record(Disclosure.Kind.REPORT, packet.manufacturer(),
                    "MFP dispute packet " + packet.from() + " to " + packet.to(), patients);
            tx.port(Journal.class).append(EVENT_DISPUTE_PACKET, payload);
            return null;
        });
    }

    // ---- write-offs -------------------------------------------------------------------------------------------

    /**
     * Writes off what is still owed on a short or missing refund (no dispute open): one ledger batch debits MFP refunds
     * written off and credits the refund receivable, closing it. Who may is the write-off tier of the amount, as for
     * patient balances (the office's limits); there is no proposal step. Returns the amount written off.
     */
    public Money writeOff(long claimId, String reason, LocalDate asOf) {
        String why = required(reason, "a reason");
        MfpRefund seen = transactions.read(tx -> refundOfClaim(tx, claimId, asOf));
        Money amount = writableOff(seen);
        ApprovalTier tier = transactions.read(tx -> ApprovalTier.forAmount(amount,
                CollectionSettings.from(tx.port(CollectionsRepository.class).settings())));
        new Authorizer(transactions).require(tier.permission(), "write off an MFP refund of " + amount + " ("
                + tier.jsonName() + " tier)");
        return transactions.inTransaction(Permission.EXCEPTION_WORK, "write off an MFP refund", tx -> {
            MfpReceivable.bringUpToDate(tx);
            MfpRefund r = refundOfClaim(tx, claimId, asOf);
            if (!writableOff(r).equals(amount)) {
                throw new RxLedgerException("MFP_WRITE_OFF_STALE", "The refund of claim " + claimId + " changed since it was"
                        + " read (now " + r.outstanding() + " owed); look again and write off what is owed now");
            }
            Instant now = tx.clock().instant();
            tx.port(MfpRepository.class).insertWriteOff(claimId, amount, why, now, tx.actor().user());
            tx.port(LedgerRepository.class).append(new LedgerBatch(LEDGER_SOURCE_WRITE_OFF, String.valueOf(claimId),
                    LocalDate.now(tx.clock()), now, tx.actor().user())
                    .add(LedgerAccount.MFP_REFUND_WRITE_OFF, amount, claimId, null, null, "MFP refund written off")
                    .add(LedgerAccount.MFP_REFUND_RECEIVABLE, amount.negate(), claimId, null, null, "MFP refund written off"));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("claimId", claimId);
            payload.put("amount", amount.amount().toPlainString());
            payload.put("tier", tier.name());
            payload.put("reason", why);
            tx.port(Journal.class).append(EVENT_WRITTEN_OFF, payload);
            tx.port(AuditTrail.class).record("MFP_REFUND_WRITTEN_OFF", "claim", String.valueOf(claimId), payload);
            return amount;
        });
    }

    private static Money writableOff(MfpRefund r) {
        if (r.state() != RefundState.SHORT && r.state() != RefundState.MISSING) {
            throw new RxLedgerException("MFP_NOT_WRITABLE_OFF", "Only a short or missing refund can be written off; this one is "
                    + r.state().label().toLowerCase(java.util.Locale.ROOT));
        }
        if (r.disputed()) {
            throw new RxLedgerException("MFP_DISPUTE_OPEN", "This refund has dispute " + r.dispute().id() + " open ("
                    + r.dispute().status().name().toLowerCase(java.util.Locale.ROOT) + "); resolve or withdraw it first");
        }
        return r.outstanding();
    }

    // ---- disputes ---------------------------------------------------------------------------------------------

    /** Opens a dispute of a short or missing refund; one open dispute per fill. Returns its id. */
    public long openDispute(long claimId, String reason, String notes, LocalDate asOf) {
        String why = required(reason, "a reason");
        return transactions.inTransaction(Permission.EXCEPTION_WORK, "open an MFP refund dispute", tx -> {
            MfpRefund r = refundOfClaim(tx, claimId, asOf);
            if (r.state() != RefundState.SHORT && r.state() != RefundState.MISSING) {
                throw new RxLedgerException("MFP_NOT_DISPUTABLE", "Only a short or missing refund can be disputed; this one is "
                        + r.state().label().toLowerCase());
            }
            if (r.disputed()) {
                throw new RxLedgerException("MFP_DISPUTE_OPEN", "This refund already has dispute " + r.dispute().id()
                        + " (" + r.dispute().status().name().toLowerCase() + ")");
            }
            long id = tx.port(MfpRepository.class).insertDispute(claimId, why, notes == null ? "" : notes.strip(), tx.clock().instant(),
                    tx.actor().user());
            disputeRecords(tx, id, claimId, DisputeStatus.OPEN, null, r.shortfall());
            return id;
        });
    }

    /** The dispute was sent to the MTF's complaint and dispute intake. */
    public void submitDispute(long disputeId, String note) {
        moveDispute(disputeId, DisputeStatus.SUBMITTED, null, note);
    }

    /** The dispute is settled: the amount the manufacturer agreed to pay (0.00 when it was refused). */
    public void resolveDispute(long disputeId, Money agreed, String note) {
        if (agreed == null || agreed.isNegative()) {
            throw new RxLedgerException("MFP_NEGATIVE_AMOUNT", "A resolved dispute needs the amount agreed (0.00 or more)");
        }
        moveDispute(disputeId, DisputeStatus.RESOLVED, agreed, note);
    }

    public void withdrawDispute(long disputeId, String note) {
        moveDispute(disputeId, DisputeStatus.WITHDRAWN, null, note);
    }

    private void moveDispute(long disputeId, DisputeStatus to, Money amount, String note) {
        transactions.inTransaction(Permission.EXCEPTION_WORK, "move an MFP refund dispute", tx -> {
            Dispute d = tx.port(MfpRepository.class).disputes().stream().filter(x -> x.id() == disputeId).findFirst()
                    .orElseThrow(() -> new RxLedgerException("MFP_NO_DISPUTE", "No MFP dispute " + disputeId));
            if (d.status().closed()) {
                throw new RxLedgerException("MFP_DISPUTE_CLOSED", "Dispute " + disputeId + " is already "
                        + d.status().name().toLowerCase());
            }
            if (to == DisputeStatus.SUBMITTED && d.status() == DisputeStatus.SUBMITTED) {
                throw new RxLedgerException("MFP_DISPUTE_SUBMITTED", "Dispute " + disputeId + " is already submitted");
            }
            tx.port(MfpRepository.class).insertDisputeEvent(disputeId, to, amount, note == null ? "" : note.strip(), tx.clock().instant(),
                    tx.actor().user());
            disputeRecords(tx, disputeId, d.claimId(), to, amount, null);
            return null;
        });
    }

    private static void disputeRecords(Tx tx, long disputeId, long claimId, DisputeStatus status, Money amount,
                                       Money shortfall) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("disputeId", disputeId);
        payload.put("claimId", claimId);
        payload.put("status", status.name());
        if (amount != null) {
            payload.put("amount", amount.amount().toPlainString());
        }
        if (shortfall != null) {
            payload.put("shortfall", shortfall.amount().toPlainString());
        }
        tx.port(Journal.class).append(EVENT_DISPUTE, payload);
        tx.port(AuditTrail.class).record("MFP_DISPUTE_" + status.name(), "mfp_dispute", String.valueOf(disputeId), payload);
    }

    private static String required(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new RxLedgerException("MFP_REQUIRED", "Give " + what);
        }
        return text.strip();
    }
}
