package org.rxledger.reports.pdf;

import static org.rxledger.reports.pdf.PdfFiles.amount;
import static org.rxledger.reports.pdf.PdfFiles.date;
import static org.rxledger.reports.pdf.PdfFiles.kv;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.rxledger.core.money.Money;
import org.rxledger.core.reporting.PaymentAdvice;
import org.rxledger.core.reporting.ProviderAdjustmentRow;
import org.rxledger.core.reporting.RemittanceAdjustmentRow;
import org.rxledger.core.reporting.RemittanceClaimRow;
import org.rxledger.core.reporting.RemittancePaymentRow;
import org.rxledger.reports.pdf.PdfFlow.Col;

/**
 * A printed remittance advice (EOB) for one 835 payment: payment header (payer, trace, date,
 * method, BPR02), one row per claim with its CAS adjustments, the PLB items, and the balance line
 * Σ CLP04 − Σ PLB = BPR02 (835 TR3 balancing). Claims are identified by CLP01 and the payer's claim
 * number only, never patient names. Footer "Payment &lt;trace&gt; · page n of N"; written to a
 * temporary file and moved into place.
 */
public final class RemittanceEobPdfWriter {

    public static final String CONFIDENTIAL = "Confidential – remittance advice";
    private static final float BODY = 7.5f;

    private final PdfFonts fonts;

    public RemittanceEobPdfWriter() {
        this(PdfFonts.locate());
    }

    public RemittanceEobPdfWriter(PdfFonts fonts) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    public AuditPacketPdfWriter.Result write(PaymentAdvice advice, LocalDateTime printedAt, Path target) throws IOException {
        RemittancePaymentRow p = advice.payment();
        return PdfFiles.write(fonts, target, "Remittance advice " + p.traceNumber(),
                "Remittance advice — " + p.payerName() + " — trace " + p.traceNumber() + " (continued)", CONFIDENTIAL,
                "Payment " + p.traceNumber(), flow -> layOut(flow, advice, printedAt));
    }

    private static void layOut(PdfFlow flow, PaymentAdvice advice, LocalDateTime printedAt) throws IOException {
        RemittancePaymentRow p = advice.payment();
        flow.heading("Remittance advice (EOB)", 15f);
        flow.paragraph(p.payerName() + (p.payerIdentifier() == null || p.payerIdentifier().isBlank() ? ""
                : "  (payer id " + p.payerIdentifier() + ")"), flow.bold, 10f, Color.BLACK);
        flow.gap(6f);
        flow.keyValues(List.of(
                kv("Trace / check #", p.traceNumber()),
                kv("Payment date", date(p.paymentDate())),
                kv("Method", p.method()),
                kv("Payment amount", "$" + amount(p.amount())),
                kv("Payee NPI", p.payeeNpi()),
                kv("Claims", String.valueOf(advice.claims().size())),
                kv("835 file", p.fileName()),
                kv("Printed", printedAt.format(DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm", Locale.US)))), 2, 90f, 9f);
        flow.gap(10f);

        Map<Long, List<String>> casByClaim = new LinkedHashMap<>();
        for (RemittanceAdjustmentRow a : advice.adjustments()) {
            casByClaim.computeIfAbsent(a.remitClaimId(), k -> new ArrayList<>())
                    .add(a.groupCode() + "-" + a.reasonCode() + " " + amount(a.amount()));
        }
        flow.section("Claims", 40f);
        List<Col> cols = List.of(Col.left("Claim (CLP01)", 58), Col.left("Status", 64), Col.left("DOS", 52),
                Col.left("NDC", 60), Col.right("Charge", 42), Col.right("Paid", 42), Col.right("Pt resp", 38),
                Col.left("Adjustments (CAS)", 110), Col.left("Payer claim #", 62));
        List<String[]> rows = new ArrayList<>();
        Money charged = Money.ZERO;
        Money paid = Money.ZERO;
        for (RemittanceClaimRow c : advice.claims()) {
            rows.add(new String[] {c.patientControlNumber(), c.statusCode() + " " + c.statusDescription(),
                    date(c.serviceDate()), c.ndc(), amount(c.charge()), amount(c.paid()), amount(c.patientResponsibility()),
                    String.join("; ", casByClaim.getOrDefault(c.remitClaimId(), List.of())),
                    c.payerClaimControlNumber()});
            charged = charged.plus(c.charge());
            paid = paid.plus(c.paid());
        }
        rows.add(new String[] {"Total", "", "", "", amount(charged), amount(paid), "", "", ""});
        // status and CAS wording wrap; amounts, dates, NDCs and claim numbers never break
        flow.table(flow.fitted(cols, rows, BODY, java.util.Set.of(1, 7)), rows, BODY);
        flow.gap(10f);

        Money plbTotal = Money.ZERO;
        if (!advice.providerAdjustments().isEmpty()) {
            flow.section("Provider-level adjustments (PLB)", 40f);
            List<Col> plbCols = List.of(Col.left("Code", 34), Col.left("Reason", 200), Col.left("Reference", 120),
                    Col.left("Fiscal period", 70), Col.right("Amount", 60));
            List<String[]> plbRows = new ArrayList<>();
            for (ProviderAdjustmentRow b : advice.providerAdjustments()) {
                plbRows.add(new String[] {b.reasonCode(), b.reasonDescription(), b.reference() == null ? "" : b.reference(),
                        date(b.fiscalPeriodDate()), amount(b.amount())});
                plbTotal = plbTotal.plus(b.amount());
            }
            flow.table(flow.fitted(plbCols, plbRows, BODY, java.util.Set.of(1)), plbRows, BODY);
            flow.paragraph("A positive PLB amount reduces the payment; a negative one (e.g. interest) increases it.",
                    flow.regular, 7.5f, Color.DARK_GRAY);
            flow.gap(10f);
        }

        flow.section("Balance", 40f);
        Money expected = paid.minus(plbTotal);
        flow.keyValues(List.of(
                kv("Claims paid (Σ CLP04)", amount(paid)),
                kv("Less PLB (Σ PLB)", amount(plbTotal)),
                kv("Payment (BPR02)", amount(p.amount())),
                kv("Balances", expected.equals(p.amount()) ? "yes" : "NO — differs by " + amount(p.amount().minus(expected)))),
                1, 150f, 9f);
    }
}
