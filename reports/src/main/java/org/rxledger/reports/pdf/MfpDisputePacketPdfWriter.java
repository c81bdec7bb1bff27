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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.rxledger.core.mfp.MfpDisputePacket;
import org.rxledger.core.mfp.MfpRefund;
import org.rxledger.reports.pdf.PdfFlow.Col;

/**
 * The dispute packet to one manufacturer (docs/mfp.md): a cover with the pharmacy (name, NPI, NCPDP, address), the
 * manufacturer, the period and the totals, then one row per claim — Rx, fill, date of service, NDC, quantity,
 * expected, received, shortfall, state and dispute. No patient names or member ids: the manufacturer needs the claim,
 * not the person (minimum necessary).
 */
public final class MfpDisputePacketPdfWriter {

    public static final String CONFIDENTIAL = "Confidential – MFP refund dispute";
    private static final float BODY = 7.5f;

    private final PdfFonts fonts;

    public MfpDisputePacketPdfWriter() {
        this(PdfFonts.locate());
    }

    public MfpDisputePacketPdfWriter(PdfFonts fonts) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    public AuditPacketPdfWriter.Result write(MfpDisputePacket packet, LocalDateTime printedAt, Path target) throws IOException {
        return PdfFiles.write(fonts, target, "MFP refund dispute " + packet.manufacturer(),
                "MFP refund dispute — " + packet.manufacturer() + " (continued)", CONFIDENTIAL,
                "MFP dispute " + packet.manufacturer(), flow -> layOut(flow, packet, printedAt));
    }

    private static void layOut(PdfFlow flow, MfpDisputePacket packet, LocalDateTime printedAt) throws IOException {
        flow.heading("Medicare MFP refund dispute", 15f);
        flow.paragraph(packet.manufacturer(), flow.bold, 11f, Color.BLACK);
        flow.gap(6f);
        flow.section("Dispensing entity", 40f);
        List<String[]> entity = new ArrayList<>(PdfFiles.pharmacy(packet.pharmacy()));
        entity.add(kv("Printed", printedAt.format(DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm", Locale.US))));
        flow.keyValues(entity, 2, 70f, 9f);
        flow.gap(8f);
        flow.section("Claims disputed", 40f);
        flow.keyValues(List.of(
                kv("Dates of service", date(packet.from()) + " – " + date(packet.to())),
                kv("States as of", date(packet.asOf())),
                kv("Claims", String.valueOf(packet.refunds().size())),
                kv("Expected", "$" + amount(packet.expected())),
                kv("Received", "$" + amount(packet.received())),
                kv("Shortfall", "$" + amount(packet.shortfall()))), 2, 90f, 9f);
        flow.paragraph("Expected is the standard default refund, (WAC − MFP) × quantity, unless the manufacturer's own "
                + "amount was recorded; the refund was due 14 days after the date of service. Short and missing refunds "
                + "and those already under dispute are listed.", flow.regular, 7.5f, Color.DARK_GRAY);
        flow.gap(10f);

        List<Col> cols = List.of(Col.left("Rx", 52), Col.right("Fill", 24), Col.left("DOS", 52), Col.left("NDC", 60),
                Col.right("Qty", 36), Col.right("Expected", 50), Col.right("Received", 50), Col.right("Shortfall", 50),
                Col.left("State", 44), Col.left("Due", 52), Col.left("Dispute", 60));
        List<String[]> rows = new ArrayList<>();
        for (MfpRefund r : packet.refunds()) {
            rows.add(new String[] {r.rxNumber(), String.valueOf(r.fillNumber()), date(r.dateOfService()), r.ndc(),
                    r.quantity().stripTrailingZeros().toPlainString(), amount(r.expected()), amount(r.received()),
                    amount(r.shortfall()), r.state().label(), date(r.due()),
                    r.dispute() == null ? "" : "#" + r.dispute().id() + " " + r.dispute().status().name().toLowerCase(Locale.ROOT)});
        }
        rows.add(new String[] {"Total", "", "", "", "", amount(packet.expected()), amount(packet.received()),
                amount(packet.shortfall()), "", "", ""});
        flow.table(flow.fitted(cols, rows, BODY, Set.of(10)), rows, BODY);
    }
}
