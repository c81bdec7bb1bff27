package org.rxledger.reports.pdf;

import static org.rxledger.reports.pdf.PdfFiles.amount;
import static org.rxledger.reports.pdf.PdfFiles.date;
import static org.rxledger.reports.pdf.PdfFiles.kv;

import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.rxledger.core.contract.MacAppeal;

/**
 * The MAC appeal of one claim to its payer (docs/contracts.md): the pharmacy (name, NPI, NCPDP, address), the payer
 * and contract, the claim by Rx, fill, date of service, NDC, drug and quantity, the MAC price and list, NADAC and the
 * invoice cost on the date of service, the MAC reimbursement against the acquisition cost, the shortfall and the
 * request. No patient name, date of birth or member id: the payer finds the claim by Rx and fill (minimum necessary).
 */
public final class MacAppealPdfWriter {

    public static final String CONFIDENTIAL = "Confidential – MAC appeal";

    private final PdfFonts fonts;

    public MacAppealPdfWriter() {
        this(PdfFonts.locate());
    }

    public MacAppealPdfWriter(PdfFonts fonts) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    public AuditPacketPdfWriter.Result write(MacAppeal appeal, LocalDateTime printedAt, Path target) throws IOException {
        String fill = "Rx " + appeal.rx() + " fill " + appeal.fill();
        return PdfFiles.write(fonts, target, "MAC appeal " + fill, "MAC appeal — " + fill + " (continued)", CONFIDENTIAL,
                "MAC appeal " + fill, flow -> layOut(flow, appeal, printedAt));
    }

    private static void layOut(PdfFlow flow, MacAppeal a, LocalDateTime printedAt) throws IOException {
        flow.heading("Maximum allowable cost (MAC) appeal", 15f);
        flow.paragraph(a.payer(), flow.bold, 11f, Color.BLACK);
        flow.gap(6f);
        flow.section("Dispensing pharmacy", 40f);
        List<String[]> entity = new ArrayList<>(PdfFiles.pharmacy(a.pharmacy()));
        entity.add(kv("Printed", printedAt.format(DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm", Locale.US))));
        flow.keyValues(entity, 2, 70f, 9f);
        flow.gap(8f);
        flow.section("Claim", 40f);
        flow.keyValues(List.of(
                kv("Payer", a.payer()),
                kv("Contract", a.contract() + " (" + a.formula() + ")"),
                kv("Rx", a.rx()),
                kv("Fill", String.valueOf(a.fill())),
                kv("Date of service", date(a.dateOfService())),
                kv("NDC", a.ndc()),
                kv("Drug", a.drug()),
                kv("Quantity", a.quantity().stripTrailingZeros().toPlainString())), 2, 90f, 9f);
        flow.gap(8f);
        flow.section("Prices on the date of service (per unit)", 40f);
        flow.keyValues(List.of(
                kv("MAC", unit(a.macUnitPrice()) + " (list " + a.macList() + ")"),
                kv("NADAC", a.nadacUnitPrice() == null ? "not known" : unit(a.nadacUnitPrice())),
                kv("Invoice cost", a.invoiceUnitCost() == null ? "not known" : unit(a.invoiceUnitCost()))), 1, 120f, 9f);
        flow.gap(8f);
        flow.section("MAC reimbursement against acquisition cost", 40f);
        String qty = a.quantity().stripTrailingZeros().toPlainString();
        BigDecimal costUnit = "invoice".equals(a.costBasis()) ? a.invoiceUnitCost() : a.nadacUnitPrice();
        flow.keyValues(List.of(
                kv("MAC reimbursement", "$" + amount(a.macReimbursement()) + "  (" + unit(a.macUnitPrice()) + " × " + qty + ")"),
                kv("Acquisition cost", "$" + amount(a.acquisitionCost()) + "  (" + a.costBasis() + " " + unit(costUnit)
                        + " × " + qty + ")"),
                kv("Shortfall", "$" + amount(a.shortfall()))), 1, 120f, 9f);
        flow.paragraph("Contract working: " + a.working(), flow.regular, 7.5f, Color.DARK_GRAY);
        flow.gap(10f);
        flow.section("Request", 40f);
        flow.paragraph(a.statement(), flow.regular, 9f, Color.BLACK);
    }

    /** Unit prices as the lists publish them, to 5 decimals (an invoice cost per unit is kept to 10). */
    private static String unit(BigDecimal price) {
        return "$" + price.setScale(5, RoundingMode.HALF_UP).toPlainString();
    }
}
