package org.rxledger.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.PaperClaim;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.CodeTables;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.reports.pdf.PdfFlow.Col;

/**
 * Paper documents of one claim (DOMAIN.md §7):
 * <ul>
 *   <li>{@link #writeUcfSheet}: a paper-claim sheet carrying the fields of the NCPDP Universal Claim Form
 *       (§7.2) in the form's order — cardholder/plan, pharmacy, workers' comp, the claim with its pricing, and
 *       the certification. It is what the clerk copies onto (or attaches to) the controlled UCF stock; dates
 *       print as MM/DD/CCYY like the form.</li>
 *   <li>{@link #writeDmrReceipt}: the itemised receipt a member sends with a direct member reimbursement
 *       request (§7.3): patient, Rx number, fill date, drug and 11-digit NDC, quantity, days supply,
 *       prescriber name/NPI, pharmacy name/NPI/NCPDP number and the price paid.</li>
 * </ul>
 * Both embed DejaVu Sans ({@link PdfFonts}) and are written to a temporary file and moved into place.
 */
public final class PaperClaimPdfWriter {

    public static final String UCF_TITLE = "Pharmacy Claim — Universal Claim Form data";
    public static final String DMR_TITLE = "Itemized Prescription Receipt";
    static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private static final float BODY = 8f;

    private final PdfFonts fonts;
    private final ZoneId zone;

    public PaperClaimPdfWriter(PdfFonts fonts, ZoneId zone) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Writes the UCF sheet of the claim; returns the target. */
    public Path writeUcfSheet(PaperClaim paper, Path target) throws IOException {
        return write(target, "Paper claim Rx " + paper.claim().rxFill(), flow -> ucf(flow, paper));
    }

    /** Writes the itemised DMR receipt of the claim; returns the target. */
    public Path writeDmrReceipt(PaperClaim paper, Path target) throws IOException {
        return write(target, "Receipt Rx " + paper.claim().rxFill(), flow -> receipt(flow, paper));
    }

    // ------------------------------------------------------------------------------------------ UCF

    private void ucf(PdfFlow f, PaperClaim p) throws IOException {
        Claim c = p.claim();
        Patient patient = p.patient();
        Pharmacy ph = p.pharmacy();
        f.heading(UCF_TITLE, 14f);
        f.paragraph("NCPDP Telecommunication D.0 fields for a paper (UCF) submission to " + p.payer().name()
                + ". Channel: " + (c.channel().name().equals("PAPER") ? "paper — no NCPDP authorization number" : "electronic")
                + ". Printed " + US_DATE.format(LocalDate.now(zone)) + ".", f.regular, BODY, Color.DARK_GRAY);

        f.section("Cardholder and plan", 40f);
        f.keyValues(List.of(
                kv("Cardholder ID (302-C2)", c.cardholderId()),
                kv("Group ID (301-C1)", c.groupId()),
                kv("Cardholder name", "1".equals(c.relationshipCode()) ? patient.displayName() : "—"),
                kv("Plan name", p.plan().name()),
                kv("BIN / PCN", c.bin() + " / " + dash(c.pcn())),
                kv("Person code (303-C3)", c.personCode()),
                kv("Patient name", patient.displayName()),
                kv("Date of birth", US_DATE.format(patient.dateOfBirth())),
                kv("Gender (305-C5)", gender(patient.gender())),
                kv("Relationship (306-C6)", relationship(c.relationshipCode())),
                kv("Other coverage (308-C8)", c.otherCoverageCode())), 2, 120f, BODY);

        f.section("Pharmacy", 40f);
        f.keyValues(List.of(
                kv("Pharmacy name", ph.name()),
                kv("NPI (qual. 01)", ph.npi()),
                kv("Address", address(ph)),
                kv("NCPDP ID (qual. 07)", ph.ncpdpId()),
                kv("Phone", dash(ph.phone())),
                kv("Fax", "—")), 2, 120f, BODY);

        f.section("Workers' compensation", 20f);
        f.paragraph("Not a workers' compensation or property & casualty claim (employer, carrier, date of injury: none).",
                f.regular, BODY, Color.BLACK);

        f.section("Claim 1 of 1", 80f);
        f.keyValues(List.of(
                kv("Rx # (402-D2, qual. 1)", c.rxNumber()),
                kv("Fill # (403-D3)", String.format("%02d", c.fillNumber())),
                kv("Date written (414-DE)", c.dateWritten() == null ? "—" : US_DATE.format(c.dateWritten())),
                kv("Date of service (401-D1)", US_DATE.format(c.dateOfService())),
                kv("Quantity (442-E7)", quantity(c.quantity()) + " " + p.drug().unitOfMeasure()),
                kv("Days supply (405-D5)", String.valueOf(c.daysSupply())),
                kv("NDC (407-D7, qual. 03)", c.ndc()),
                kv("Prior auth # / type", "—"),
                kv("Prescriber NPI (qual. 01)", p.prescriber().npi()),
                kv("Prescriber last name", p.prescriber().lastName()),
                kv("DUR/PPS codes", "—"),
                kv("Basis of cost (423-DN)", "—"),
                kv("Diagnosis code", "—"),
                kv("SCC (420-DK)", dash(c.sccCodes())),
                kv("Other payer date / ID", "—"),
                kv("Other payer rejects", "—"),
                kv("Compound (406-D6)", "1 — not a compound"),
                kv("Authorization #", c.authorizationNumber() == null ? "none (paper)" : c.authorizationNumber())),
                2, 132f, BODY);
        f.keyValues(List.of(
                kv("Product", p.drug().label().strip() + (p.drug().packageSize().isBlank() ? "" : ", " + p.drug().packageSize())),
                kv("DAW (408-D8)", CodeTables.standard().daw().label(c.daw()))), 1, 120f, BODY);

        f.section("Pricing", 40f);
        Money gross = c.grossAmountDue();
        Money patientPaid = Money.ZERO; // 433-DX: paid before submission; not the copay
        Money otherPayer = Money.ZERO;
        List<String[]> pricing = new ArrayList<>();
        pricing.add(row("Ingredient cost submitted (409-D9)", c.ingredientCostSubmitted()));
        pricing.add(row("Dispensing fee submitted (412-DC)", c.dispensingFeeSubmitted()));
        pricing.add(row("Incentive amount submitted (438-E3)", Money.ZERO));
        pricing.add(row("Other amount claimed (480-H9)", Money.ZERO));
        pricing.add(row("Sales tax (481-HA/482-GE)", Money.ZERO));
        pricing.add(row("Gross amount due (430-DU)", gross));
        pricing.add(row("Patient paid amount (433-DX)", patientPaid));
        pricing.add(row("Other payer amount paid (431-DV)", otherPayer));
        pricing.add(row("Net amount due", gross.minus(patientPaid).minus(otherPayer)));
        pricing.add(row("Usual & customary charge (426-DQ)", c.usualAndCustomary()));
        f.keyValues(pricing, 2, 170f, BODY);
        f.paragraph("Net amount due = gross amount due − patient paid amount − other payer amount paid.", f.regular, 7.5f, Color.DARK_GRAY);

        f.section("Certification", 40f);
        f.paragraph("I certify that the information above is true, complete and correct, that the medication was "
                + "dispensed as shown, and that the patient's signature or a signature log is on file at the pharmacy.",
                f.regular, BODY, Color.BLACK);
        f.gap(22f);
        f.paragraph("Pharmacist / authorized representative: ______________________________      Date: ____________",
                f.regular, BODY, Color.BLACK);
    }

    // ------------------------------------------------------------------------------------------ DMR

    private void receipt(PdfFlow f, PaperClaim p) throws IOException {
        Claim c = p.claim();
        Pharmacy ph = p.pharmacy();
        f.heading(ph.name(), 14f);
        f.paragraph(address(ph) + (ph.phone() == null || ph.phone().isBlank() ? "" : " · Phone " + ph.phone()),
                f.regular, BODY, Color.DARK_GRAY);
        f.paragraph("Pharmacy NPI " + ph.npi() + " · NCPDP " + ph.ncpdpId(), f.regular, BODY, Color.DARK_GRAY);
        f.gap(8f);
        f.heading(DMR_TITLE, 12f);
        f.paragraph("For a direct member reimbursement claim to the patient's prescription plan.", f.regular, BODY, Color.DARK_GRAY);

        f.section("Patient", 30f);
        f.keyValues(List.of(
                kv("Patient", p.patient().displayName()),
                kv("Date of birth", US_DATE.format(p.patient().dateOfBirth())),
                kv("Cardholder ID", c.cardholderId()),
                kv("Plan", p.plan().name())), 2, 90f, BODY);

        f.section("Prescription", 60f);
        f.table(List.of(Col.left("Rx #", 70f), Col.left("Fill date", 64f), Col.left("Drug", 190f), Col.left("NDC (11-digit)", 84f),
                        Col.right("Qty", 60f), Col.right("Days supply", 56f)),
                List.<String[]>of(new String[] {c.rxNumber() + "-" + String.format("%02d", c.fillNumber()),
                        US_DATE.format(c.dateOfService()), p.drug().label().strip(), c.ndc(),
                        quantity(c.quantity()) + " " + p.drug().unitOfMeasure(), String.valueOf(c.daysSupply())}), BODY);
        f.gap(4f);
        f.keyValues(List.<String[]>of(kv("Prescriber", p.prescriber().displayName() + " · NPI " + p.prescriber().npi())), 1, 90f, BODY);

        f.section("Payment", 60f);
        Money paid = pricePaid(c);
        f.table(List.of(Col.left("", 300f), Col.right("Amount", 100f)), List.of(
                row("Usual & customary price", c.usualAndCustomary()),
                row("Price paid by the patient", paid)), BODY);
        f.gap(10f);
        f.paragraph(c.planPaid().isZero()
                ? "Paid in full by the patient. Keep this receipt with your reimbursement claim form."
                : "The patient paid the amount above; a prescription plan paid the rest. Keep this receipt with your claim form.",
                f.bold, BODY, Color.BLACK);
    }

    /**
     * What the member paid: on a DMR fill the plan paid nothing, so the member paid the cash price (U&amp;C);
     * when a plan did pay, the member paid the patient-pay amount.
     */
    static Money pricePaid(Claim c) {
        return c.planPaid().isZero() ? c.usualAndCustomary() : c.patientPay();
    }

    // ------------------------------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface Layout {
        void layOut(PdfFlow flow) throws IOException;
    }

    private Path write(Path target, String title, Layout layout) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (PDDocument doc = new PDDocument()) {
                try (PdfFlow flow = new PdfFlow(doc, fonts.load(doc))) {
                    flow.newPage();
                    layout.layOut(flow);
                }
                doc.getDocumentInformation().setTitle(title);
                doc.getDocumentInformation().setCreator("RxLedger");
                doc.save(tmp.toFile());
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String[] kv(String label, String value) {
        return new String[] {label, value == null || value.isBlank() ? "—" : value};
    }

    private static String[] row(String label, Money amount) {
        return new String[] {label, amount == null ? "—" : "$" + amount};
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String quantity(BigDecimal q) {
        return q.stripTrailingZeros().toPlainString();
    }

    private static String address(Pharmacy ph) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {ph.address(), ph.city(), ph.state() == null ? null : ph.state() + " " + dashless(ph.zip())}) {
            if (s != null && !s.isBlank()) {
                parts.add(s.strip());
            }
        }
        return parts.isEmpty() ? "—" : String.join(", ", parts);
    }

    private static String dashless(String s) {
        return s == null ? "" : s;
    }

    private static String gender(Patient.Gender g) {
        return switch (g) {
            case UNSPECIFIED -> "0 — not specified";
            case MALE -> "1 — male";
            case FEMALE -> "2 — female";
        };
    }

    private static String relationship(String code) {
        return switch (code == null ? "" : code) {
            case "1" -> "1 — cardholder";
            case "2" -> "2 — spouse";
            case "3" -> "3 — child";
            case "4" -> "4 — other";
            default -> "0 — not specified";
        };
    }
}
