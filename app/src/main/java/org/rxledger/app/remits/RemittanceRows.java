package org.rxledger.app.remits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.rxledger.core.matching.Clp01Patterns;
import org.rxledger.core.matching.RxFill;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.CodeTables;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.remit.RemitClaimSummary;
import org.rxledger.core.remit.StoredAdjustment;
import org.rxledger.core.remit.StoredProviderAdjustment;
import org.rxledger.core.remit.StoredRemark;
import org.rxledger.core.remit.StoredServiceLine;

/** The rows the remittance screens show, with codes already decoded into words (built off the FX thread). */
public final class RemittanceRows {

    private static final CodeTables CODES = CodeTables.standard();
    private static final Clp01Patterns CLP01 = new Clp01Patterns();

    private RemittanceRows() {
    }

    /** A claim of the selected payment. {@code adjusted} = charge − paid (= Σ CAS by the claim balancing rule). */
    public record ClaimRow(long id, int seq, String clp01, String rxFill, String statusCode, String status,
                           Money charge, Money paid, Money patientResponsibility, Money adjusted,
                           String payerClaimNumber, LocalDate serviceDate, String ndc, MatchStatus matchStatus,
                           boolean denied) {

        public boolean reversed() {
            return statusCode.equals("22");
        }
    }

    public record AdjustmentRow(String where, String group, String groupText, String reason, String reasonText,
                                Money amount, BigDecimal quantity) {
    }

    public record RemarkRow(String where, String kind, String code, String text) {
    }

    public record LineRow(int seq, String product, Money charge, Money paid, Money adjusted, BigDecimal units,
                          LocalDate serviceDate) {
    }

    /**
     * A provider-level adjustment of the selected payment. {@code plbId} is the stored item (0 when unknown);
     * {@code attributedClaimId} / {@code attributedTo} ("7001234-02") the claim it is tied to on the ledger now,
     * automatically or by hand, or null when it is not (not posted, or left for a person to attribute).
     */
    public record ProviderAdjustmentRow(int seq, String reason, String reasonText, String reference, Money amount,
                                        String providerId, LocalDate fiscalPeriodDate, long plbId, Long attributedClaimId,
                                        String attributedTo) {

        /** The "Attributed to" column: Rx-fill, or an em dash. */
        public String attributedText() {
            return attributedTo == null ? "—" : attributedTo;
        }

        /** "PLB WO AUDIT2025Q1 (50.00)", as dialogs and notices name the item. */
        public String label() {
            return "PLB " + reason + (reference == null ? "" : " " + reference) + " (" + amount + ")";
        }
    }

    /** Everything shown for one selected claim. */
    public record ClaimDetail(long claimId, List<AdjustmentRow> adjustments, List<RemarkRow> remarks,
                              List<LineRow> lines, String rawSegments) {
        public static final ClaimDetail EMPTY = new ClaimDetail(0, List.of(), List.of(), List.of(), "");
    }

    static ClaimRow claim(String payerName, RemitClaimSummary c) {
        List<RxFill> readings = CLP01.decode(payerName, c.patientControlNumber());
        String rxFill = readings.isEmpty() ? "?" : describe(readings.get(0))
                + (readings.size() > 1 ? " (+" + (readings.size() - 1) + " other reading"
                + (readings.size() > 2 ? "s" : "") + ")" : "");
        Money charge = c.charge();
        Money paid = c.paid();
        return new ClaimRow(c.id(), c.seq(), c.patientControlNumber(), rxFill, c.status(),
                CODES.claimStatuses().label(c.status()), charge, paid, c.patientResponsibility(), charge.minus(paid),
                c.payerClaimControlNumber(), c.serviceDate(), c.ndc(), c.matchStatus(), c.denied());
    }

    private static String describe(RxFill r) {
        return "Rx " + r.rx() + (r.fill() == null ? "" : " fill " + r.fill());
    }

    static AdjustmentRow adjustment(StoredAdjustment a) {
        return new AdjustmentRow(a.lineSeq() == null ? "Claim" : "Line " + a.lineSeq(), a.group(),
                CODES.casGroups().describe(a.group()), a.reason(), CODES.carc().describe(a.reason()), a.amount(),
                a.quantity());
    }

    static RemarkRow remark(StoredRemark r) {
        boolean rx = r.qualifier().equals("RX");
        String text = rx ? CODES.rejectCodes().describe(r.code())
                : r.qualifier().equals("HE") ? CODES.rarc().describe(r.code()) : "";
        return new RemarkRow("Line " + r.lineSeq(), rx ? "NCPDP reject" : r.qualifier().equals("HE") ? "RARC"
                : r.qualifier(), r.code(), text);
    }

    static LineRow line(StoredServiceLine l) {
        return new LineRow(l.seq(), l.productQualifier() + ":" + l.productCode(), l.charge(), l.paid(),
                l.charge().minus(l.paid()), l.unitsPaid(), l.serviceDate());
    }

    static ProviderAdjustmentRow providerAdjustment(StoredProviderAdjustment p, Long attributedClaimId,
                                                    String attributedTo) {
        return new ProviderAdjustmentRow(p.seq(), p.reasonCode(), CODES.plbReasons().describe(p.reasonCode()),
                p.reference(), p.amount(), p.providerId(), p.fiscalPeriodDate(), p.id(), attributedClaimId, attributedTo);
    }
}
