package org.rxledger.reports.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxledger.core.reporting.ReportPeriod;
import org.rxledger.core.reporting.ReportingRepository;
import org.rxledger.core.tx.Transactions;
import org.rxledger.reports.engine.Report;
import org.rxledger.reports.engine.ReportTableWriter;
import org.rxledger.reports.engine.ReportOutcome;
import org.rxledger.reports.engine.ReportRequest;

/**
 * {@code rxledger report remittances}: the stored 835s with payment date in the period, as four
 * sheets — Payments (BPR/TRN with Σ CLP04 and Σ PLB beside BPR02, so each row shows its balance),
 * Claims (CLP), Adjustments (CAS group + CARC with its wording) and PLB (code with its wording,
 * reference, amount). No patient names or member ids: claims are identified by CLP01.
 */
public final class RemittanceDetailXlsxWriter implements Report {

    static final List<Column> PAYMENTS = List.of(Column.text("Trace #", 18), Column.date("Paid on"),
            Column.text("Payer", 26), Column.text("Payer id", 12), Column.text("Method", 7), Column.money("Payment (BPR02)"),
            Column.count("Claims"), Column.money("Claims paid (CLP04)"), Column.money("PLB"), Column.text("Payee NPI", 12),
            Column.text("Status", 10), Column.text("File", 28));
    static final List<Column> CLAIMS = List.of(Column.text("Trace #", 18), Column.date("Paid on"),
            Column.text("Payer", 26), Column.text("Claim (CLP01)", 16), Column.text("CLP02", 6),
            Column.text("Status", 26), Column.date("DOS"), Column.text("NDC", 13), Column.decimal("Qty"),
            Column.money("Charge"), Column.money("Paid"), Column.money("Patient resp."), Column.text("Payer claim #", 18),
            Column.text("Match", 12));
    static final List<Column> ADJUSTMENTS = List.of(Column.text("Trace #", 18), Column.date("Paid on"),
            Column.text("Payer", 26), Column.text("Claim (CLP01)", 16), Column.text("Level", 7), Column.text("Group", 6),
            Column.text("CARC", 6), Column.text("Reason", 48), Column.money("Amount"), Column.decimal("Qty"));
    static final List<Column> PLB = List.of(Column.text("Trace #", 18), Column.date("Paid on"), Column.text("Payer", 26),
            Column.text("Provider", 12), Column.date("Fiscal period"), Column.text("Code", 6), Column.text("Reason", 40),
            Column.text("Reference", 24), Column.money("Amount"));

    @Override
    public String name() {
        return "remittances";
    }

    @Override
    public String title() {
        return "Remittance detail: payments, claims, adjustments, PLB (by payment date)";
    }

    @Override
    public ReportOutcome write(Transactions transactions, ReportRequest request, Path target) throws IOException {
        ReportPeriod period = request.period();
        Map<String, String> params = ReportParameters.of("Payment date", period);
        Map<String, Long> rows = new LinkedHashMap<>();
        try (ReportTableWriter table = ReportTableWriter.forRequest(request, target)) {
            transactions.read(tx -> {
                var data = tx.port(ReportingRepository.class);
                table.startTable("Payments", "Remittance detail — payments", params, request.generatedAt(), PAYMENTS);
                rows.put("Payments", data.remittancePayments(period, p -> table.row(p.traceNumber(), p.paymentDate(),
                        p.payerName(), p.payerIdentifier(), p.method(), p.amount(), p.claimCount(), p.claimsPaid(),
                        p.providerAdjustments(), p.payeeNpi(), p.status(), p.fileName())));
                table.startTable("Claims", "Remittance detail — claims", params, request.generatedAt(), CLAIMS);
                rows.put("Claims", data.remittanceClaims(period, c -> table.row(c.traceNumber(), c.paymentDate(),
                        c.payerName(), c.patientControlNumber(), c.statusCode(), c.statusDescription(), c.serviceDate(),
                        c.ndc(), c.quantity(), c.charge(), c.paid(), c.patientResponsibility(),
                        c.payerClaimControlNumber(), c.matchStatus())));
                table.startTable("Adjustments", "Remittance detail — claim adjustments (CAS)", params,
                        request.generatedAt(), ADJUSTMENTS);
                rows.put("Adjustments", data.remittanceAdjustments(period, a -> table.row(a.traceNumber(),
                        a.paymentDate(), a.payerName(), a.patientControlNumber(), a.level(), a.groupCode(),
                        a.reasonCode(), a.reasonDescription(), a.amount(), a.quantity())));
                table.startTable("PLB", "Remittance detail — provider-level adjustments (PLB)", params,
                        request.generatedAt(), PLB);
                rows.put("PLB", data.providerAdjustments(period, b -> table.row(b.traceNumber(), b.paymentDate(),
                        b.payerName(), b.providerId(), b.fiscalPeriodDate(), b.reasonCode(), b.reasonDescription(),
                        b.reference(), b.amount())));
                return null;
            });
            table.writeTo(target);
        }
        return new ReportOutcome(target, String.format("remittance detail, %,d payments, %,d claims, %,d adjustments, %,d PLB items",
                rows.get("Payments"), rows.get("Claims"), rows.get("Adjustments"), rows.get("PLB")), rows);
    }
}
