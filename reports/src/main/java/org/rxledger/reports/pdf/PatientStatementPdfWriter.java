package org.rxledger.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.rxledger.core.collections.AccountActivity;
import org.rxledger.core.collections.AccountItem;
import org.rxledger.core.collections.AgingBucket;
import org.rxledger.core.collections.DunningStep;
import org.rxledger.core.collections.StatementNotice;
import org.rxledger.core.collections.StatementRun;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.reports.pdf.PdfFlow.Col;

/**
 * The patient statements of one statement run, one PDF to print and mail (issue 18): each statement starts on its
 * own page with the office to remit to, the dunning message of its step, the open prescriptions (Rx, date, drug
 * short name), the payments since the previous statement, the aging and the amount due, and ends with a tear-off
 * slip. The patient is the addressee, so a statement is no disclosure.
 */
public final class PatientStatementPdfWriter {

    public static final String MARK = "Patient statement";
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private static final float BODY = 8.5f;
    /** A drug's name is cut to this many characters: the statement names the fill, not the full product. */
    private static final int DRUG_SHORT = 28;

    private final PdfFonts fonts;

    public PatientStatementPdfWriter() {
        this(PdfFonts.locate());
    }

    public PatientStatementPdfWriter(PdfFonts fonts) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    public AuditPacketPdfWriter.Result write(StatementRun run, Path target) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PdfFonts.Loaded f = fonts.load(doc);
            try (PdfFlow flow = new PdfFlow(doc, f)) {
                if (run.notices().isEmpty()) {
                    flow.newPage();
                    flow.heading("No statements are due on " + date(run.date()) + ".", 13f);
                    flow.paragraph("Every account with a balance either had a statement within the interval, reached the "
                            + "final notice, or is on hold.", flow.regular, 9f, Color.DARK_GRAY);
                }
                for (StatementNotice n : run.notices()) {
                    flow.runningHead("Statement " + date(run.date()) + " — account " + n.statement().accountKey()
                            + " (continued)");
                    flow.newPage();
                    layOut(flow, run, n);
                }
                flow.finishPage();
            }
            PdfFlow.stampFooters(doc, f, MARK, "Statements of " + date(run.date()));
            doc.getDocumentInformation().setTitle("Patient statements " + run.date());
            doc.getDocumentInformation().setCreator("RxLedger");
            return PdfFlow.save(doc, target);
        }
    }

    private static void layOut(PdfFlow flow, StatementRun run, StatementNotice n) throws IOException {
        Pharmacy office = run.remitTo();
        flow.heading(office == null ? "Pharmacy" : office.name(), 14f);
        for (String line : officeLines(office)) {
            flow.paragraph(line, flow.regular, 9f, Color.DARK_GRAY);
        }
        flow.gap(8f);
        DunningStep step = n.step();
        flow.heading(step.title().toUpperCase(Locale.US), 13f);
        flow.keyValues(List.of(
                kv("Account", n.statement().accountKey()),
                kv("Statement date", date(n.statement().sentOn())),
                kv("Statement to", n.accountName()),
                kv("Statement no.", String.valueOf(n.statement().number())),
                kv("Amount due", "$" + amount(n.amountDue())),
                kv("Please pay by", date(n.statement().sentOn().plusDays(30)))), 2, 90f, 9.5f);
        flow.gap(6f);
        flow.paragraph(step.message(), step == DunningStep.STATEMENT_1 ? flow.regular : flow.bold, 9.5f, Color.BLACK);
        flow.gap(4f);

        flow.section("Prescriptions with a balance", 30f);
        List<String[]> items = new ArrayList<>();
        for (AccountItem i : n.items()) {
            items.add(new String[] {i.rxFill(), date(i.dateOfService()), shortName(i.drugName()), amount(i.balance())});
        }
        items.add(new String[] {"Total", "", "", amount(Money.sum(n.items().stream().map(AccountItem::balance).toList()))});
        List<Col> itemCols = List.of(Col.left("Rx-fill", 80), Col.left("Date filled", 70), Col.left("Drug", 250),
                Col.right("Amount", 80));
        flow.table(flow.fitted(itemCols, items, BODY, java.util.Set.of(2)), items, BODY);
        flow.gap(6f);

        flow.section(n.statement().number() == 1 ? "Payments received" : "Payments since your last statement", 24f);
        if (n.payments().isEmpty()) {
            flow.paragraph("None.", flow.regular, BODY, Color.DARK_GRAY);
        } else {
            List<String[]> pays = new ArrayList<>();
            for (AccountActivity a : n.payments()) {
                pays.add(new String[] {date(a.date()), a.rxFill(), a.memo(), amount(a.amount())});
            }
            flow.table(List.of(Col.left("Date", 70), Col.left("Rx-fill", 80), Col.left("Payment", 250),
                    Col.right("Amount", 80)), pays, BODY);
        }
        flow.gap(6f);

        flow.section("Aging (days since the prescription was filled)", 24f);
        List<Col> agingCols = new ArrayList<>();
        String[] agingRow = new String[AgingBucket.values().length + 1];
        for (AgingBucket b : AgingBucket.values()) {
            agingCols.add(Col.right(b.label() + " days", 80));
            agingRow[b.ordinal()] = amount(n.aging().getOrDefault(b, Money.ZERO));
        }
        agingCols.add(Col.right("Amount due", 88));
        agingRow[agingRow.length - 1] = amount(n.amountDue());
        flow.table(agingCols, List.<String[]>of(agingRow), BODY);
        flow.gap(14f);

        flow.section("Please detach and return this part with your payment", 60f);
        List<String[]> slip = new ArrayList<>();
        slip.add(kv("Remit to", office == null ? "the pharmacy" : office.name() + ", " + String.join(", ", officeLines(office))));
        slip.add(kv("Account", n.statement().accountKey() + " — " + n.accountName()));
        slip.add(kv("Amount due", "$" + amount(n.amountDue())));
        slip.add(kv("Amount enclosed", "$ ____________"));
        flow.keyValues(slip, 1, 110f, 9.5f);
    }

    private static List<String> officeLines(Pharmacy p) {
        List<String> lines = new ArrayList<>();
        if (p == null) {
            return lines;
        }
        if (p.address() != null && !p.address().isBlank()) {
            lines.add(p.address());
        }
        String cityLine = String.join(" ", java.util.stream.Stream.of(p.city() == null ? null : p.city() + ",", p.state(),
                p.zip()).filter(x -> x != null && !x.isBlank()).toList());
        if (!cityLine.isBlank()) {
            lines.add(cityLine.endsWith(",") ? cityLine.substring(0, cityLine.length() - 1) : cityLine);
        }
        if (p.phone() != null && !p.phone().isBlank()) {
            lines.add("Phone " + p.phone());
        }
        return lines;
    }

    static String shortName(String drug) {
        String d = drug == null ? "" : drug.strip();
        return d.length() <= DRUG_SHORT ? d : d.substring(0, DRUG_SHORT - 1).strip() + "…";
    }

    private static String[] kv(String label, String value) {
        return new String[] {label, value == null || value.isBlank() ? "—" : value};
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.format(US_DATE);
    }

    private static String amount(Money m) {
        return m == null ? "" : String.format(Locale.US, "%,.2f", m.amount());
    }
}
