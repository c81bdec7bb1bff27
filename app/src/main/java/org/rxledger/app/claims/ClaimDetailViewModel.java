package org.rxledger.app.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.rxledger.app.claims.ClaimDetail.Field;
import org.rxledger.app.claims.ClaimDetail.Kind;
import org.rxledger.app.claims.ClaimDetail.LedgerLine;
import org.rxledger.app.claims.ClaimDetail.Section;
import org.rxledger.app.task.JobHandle;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Notice;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.LongConsumer;
import org.rxledger.core.claim.ChargeEntry;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimIdentifiers;
import org.rxledger.core.claim.ClaimRecords;
import org.rxledger.core.claim.FillHistory;
import org.rxledger.core.claim.PaperClaim;
import org.rxledger.reports.pdf.PaperClaimPdfWriter;
import org.rxledger.reports.pdf.PdfFonts;
import org.rxledger.core.ledger.LedgerEntry;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.CodeTable;
import org.rxledger.core.reference.CodeTables;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Payer;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.Prescriber;

/**
 * The claim detail pane: loads the full claim, its reference data and ledger entries in one read
 * transaction off the FX thread and turns them into labelled, grouped display values. A newer
 * selection cancels an older load, so arrowing through the table never shows a stale claim.
 */
public final class ClaimDetailViewModel {

    private final ClaimRecords records;
    private final ClaimIdentifiers identifiers;
    private final ChargeEntry chargeEntry;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final CodeTables codes = CodeTables.standard();

    private final ReadOnlyObjectWrapper<ClaimDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper lastDocument = new ReadOnlyStringWrapper(this, "lastDocument", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder",
            "Select a claim and press Enter to see its details.");
    private JobHandle load = JobHandle.DONE;
    private long requested;
    private Path documents = Path.of(System.getProperty("java.io.tmpdir"), "rxledger-documents");
    private LongConsumer onRebill = id -> { };
    private LongConsumer onCorrect = id -> { };
    private Runnable onChanged = () -> { };

    public ClaimDetailViewModel(ClaimRecords records, ClaimIdentifiers identifiers, ChargeEntry chargeEntry,
                                TaskRunner runner, Consumer<Notice> notices) {
        this.records = records;
        this.identifiers = identifiers;
        this.chargeEntry = chargeEntry;
        this.runner = runner;
        this.notices = notices;
    }

    public void load(long claimId) {
        if (detail.get() != null && detail.get().claimId() == claimId && !loading.get()) {
            return;
        }
        load.cancel();
        requested = claimId;
        loading.set(true);
        load = runner.run("Opening claim", progress -> {
            // in full only with the permission, and then the view is in the audit trail (issue 16 item 6)
            ClaimIdentifiers.Shown full = identifiers.fullAllowed() ? identifiers.reveal(claimId) : null;
            return build(records.facts(claimId), full);
        }, loaded -> {
            if (loaded.claimId() == requested) {
                detail.set(loaded);
                loading.set(false);
            }
        }, failure -> {
            if (requested == claimId) {
                loading.set(false);
                detail.set(null);
                if (!(failure instanceof java.util.concurrent.CancellationException)) {
                    placeholder.set("This claim could not be opened.");
                    notices.accept(Failures.explain("opening the claim", failure));
                }
            }
        });
    }

    /**
     * Wires the claim actions (issue 3): where printed paper claims go, what "Rebill" opens (charge entry in
     * rebill mode), and what to refresh after a reversal or correction (the claims list).
     */
    public void configure(Path documentsDir, LongConsumer rebill, Runnable changed) {
        this.documents = documentsDir;
        this.onRebill = rebill;
        this.onChanged = changed;
    }

    private long current() {
        return detail.get() == null ? 0 : detail.get().claimId();
    }

    /** B2: reverses the open claim (return to stock, billing error, wrong payer). */
    public void reverse(String reason) {
        long id = current();
        if (id == 0) {
            return;
        }
        String why = reason == null || reason.isBlank() ? "reversed by the billing office" : reason.strip();
        runner.run("Reversing the claim", progress -> chargeEntry.reverse(id, LocalDate.now(records.clock()), why),
                c -> changed(id, "Claim reversed", "Rx " + c.rxFill() + " is reversed (B2); its receivables were reversed in the ledger."),
                failure -> notices.accept(Failures.explain("reversing the claim", failure)));
    }

    /** Where "Correct…" opens the claim (charge entry in correction mode). */
    public void setOnCorrect(LongConsumer correct) {
        this.onCorrect = correct;
    }

    /** Opens the claim in charge entry to correct its billing data (audited with before/after). */
    public void correct() {
        if (current() != 0) {
            onCorrect.accept(current());
        }
    }

    /** B3: opens the claim in charge entry; saving there rebills it. */
    public void rebill() {
        if (current() != 0) {
            onRebill.accept(current());
        }
    }

    /** Marks the open claim as a paper (UCF) claim: no authorization number; it stays in A/R. */
    public void markPaper() {
        long id = current();
        if (id == 0) {
            return;
        }
        runner.run("Marking the claim as paper", progress -> chargeEntry.markPaper(id),
                c -> changed(id, "Paper claim", "Rx " + c.rxFill() + " is now a paper (UCF) claim; it stays in A/R and is matched like any claim."),
                failure -> notices.accept(Failures.explain("marking the claim as paper", failure)));
    }

    /** Writes the UCF paper-claim sheet PDF of the open claim into the documents folder. */
    public void printUcf() {
        print("UCF paper-claim sheet", "ucf", (w, paper, target) -> w.writeUcfSheet(paper, target));
    }

    /** Writes the itemised DMR receipt PDF of the open claim into the documents folder. */
    public void printReceipt() {
        print("DMR receipt", "receipt", (w, paper, target) -> w.writeDmrReceipt(paper, target));
    }

    @FunctionalInterface
    private interface PdfWrite {
        Path write(PaperClaimPdfWriter writer, PaperClaim paper, Path target) throws java.io.IOException;
    }

    private void print(String what, String prefix, PdfWrite write) {
        long id = current();
        if (id == 0) {
            return;
        }
        Path dir = documents;
        runner.run("Printing the " + what, progress -> {
            PaperClaim paper = records.paper(id);
            Path target = dir.resolve(prefix + "-rx" + paper.claim().rxNumber() + "-" + paper.claim().fillNumber() + "-claim" + id + ".pdf");
            try {
                return write.write(new PaperClaimPdfWriter(PdfFonts.locate(), java.time.ZoneId.systemDefault()), paper, target);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("The " + what + " could not be written to " + target + ": " + e.getMessage(), e);
            }
        }, file -> {
            lastDocument.set(file.toString());
            notices.accept(Notice.info(capitalised(what) + " ready", "Saved as " + file + " — open it to print."));
        }, failure -> notices.accept(Failures.explain("printing the " + what, failure)));
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void changed(long id, String title, String text) {
        notices.accept(Notice.info(title, text));
        detail.set(null);
        load(id);
        onChanged.run();
    }

    public ReadOnlyStringProperty lastDocumentProperty() {
        return lastDocument.getReadOnlyProperty();
    }

    public void clear() {
        load.cancel();
        requested = 0;
        loading.set(false);
        detail.set(null);
    }

    /** @param full the identifiers in full ({@link ClaimIdentifiers#reveal}), or null to show them masked */
    ClaimDetail build(ClaimRecords.Facts f, ClaimIdentifiers.Shown full) {
        ClaimIdentifiers.Shown ids = full != null ? full : ClaimIdentifiers.masked(f.claim(), f.patient());
        ClaimDetail d = describe(f.claim(), f.patient(), ids, f.prescriber(), f.drug(), f.plan(), f.payer(), f.entries());
        List<FillHistory.Step> history = f.history();
        if (history.isEmpty()) {
            return d;
        }
        List<Section> sections = new ArrayList<>(d.sections());
        sections.add(new Section("Fill history", history.stream()
                .map(h -> Field.text(h.what(), Formats.timestamp(h.at()) + " · " + h.user() + " · " + h.detail())).toList()));
        return new ClaimDetail(d.claimId(), d.title(), d.subtitle(), d.status(), sections, d.ledger());
    }

    ClaimDetail describe(Claim c, Patient patient, ClaimIdentifiers.Shown ids, Prescriber prescriber, Drug drug, Plan plan, Payer payer,
                         List<LedgerEntry> entries) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Prescription", List.of(
                Field.text("Rx", c.rxNumber()),
                Field.text("Fill", String.format("%02d", c.fillNumber())),
                Field.text("Date of service", Formats.date(c.dateOfService())),
                Field.text("Date written", Formats.date(c.dateWritten())),
                Field.text("NDC 11-digit", Formats.ndc(c.ndc())),
                Field.text("NDC (native)", drug == null ? "" : drug.ndcNative()),
                Field.text("Drug", drug == null ? "" : drug.label()),
                Field.text("Product", drug == null ? "" : (drug.brand() ? "Brand" : "Generic") + ", " + drug.packageSize()),
                Field.text("Quantity", Formats.quantity(c.quantity()) + (drug == null ? "" : " " + drug.unitOfMeasure())),
                Field.text("Days supply", String.valueOf(c.daysSupply())),
                Field.text("DAW", codes.daw().label(c.daw())),
                Field.text("SCC", c.sccCodes()),
                Field.text("Transaction", c.transactionCode()))));
        sections.add(new Section("Patient & coverage", List.of(
                Field.text("Patient", patient == null ? "" : patient.displayName()),
                Field.text("Date of birth", ids.dateOfBirth()),
                Field.text("Payer", payer == null ? "" : payer.name()),
                Field.text("Plan", plan == null ? "" : plan.name()),
                Field.text("BIN / PCN / group", c.bin() + " / " + dash(c.pcn()) + " / " + dash(c.groupId())),
                Field.text("Cardholder ID", ids.cardholderId()),
                Field.text("Person code", c.personCode()),
                Field.text("Relationship", relationship(c.relationshipCode())),
                Field.text("Other coverage code", c.otherCoverageCode()))));
        sections.add(new Section("Prescriber", List.of(
                Field.text("Prescriber", prescriber == null ? "" : prescriber.displayName()),
                Field.text("NPI", prescriber == null ? "" : prescriber.npi()),
                Field.text("DEA", prescriber == null ? "" : prescriber.dea()))));
        sections.add(new Section("Pricing as billed", List.of(
                money("Ingredient cost", c.ingredientCostSubmitted()),
                money("Dispensing fee", c.dispensingFeeSubmitted()),
                money("Usual & customary", c.usualAndCustomary()),
                money("Gross amount due", c.grossAmountDue()))));
        List<Field> response = new ArrayList<>();
        response.add(new Field("Status", c.status().label(), Kind.STATUS));
        response.add(Field.text("Response", c.responseStatus().code() + " — "
                + codes.responseStatuses().describe(String.valueOf(c.responseStatus().code()))));
        for (String reject : c.rejectCodes()) {
            // the follow-up family goes in the label so the description keeps the width
            response.add(Field.text(rejectLabel(reject), codes.rejectCodes().describe(reject)));
        }
        response.add(Field.text("Authorization #", c.authorizationNumber()));
        response.add(money("Patient pay", c.patientPay()));
        response.add(money("Plan paid", c.planPaid()));
        response.add(money("Ingredient cost paid", c.ingredientCostPaid()));
        response.add(money("Dispensing fee paid", c.dispensingFeePaid()));
        response.add(Field.text("Patient pay collected", c.patientPayCollected() ? "Yes, at the counter" : "No"));
        response.add(Field.text("Adjudicated", Formats.timestamp(c.adjudicatedAt())));
        sections.add(new Section("Response", response));
        sections.add(new Section("Record", List.of(
                Field.text("Source", words(c.source().name())),
                Field.text("Channel", words(c.channel().name())),
                Field.text("Lifecycle", words(c.lifecycle().name())),
                Field.text("Replaces claim", c.replacesClaimId() == null ? "" : "#" + c.replacesClaimId()),
                Field.text("Created by", c.createdBy()),
                Field.text("Created at", Formats.timestamp(c.createdAt())),
                Field.text("Claim id", c.id() + " · " + c.uuid()))));
        List<LedgerLine> ledger = entries.stream().map(e -> new LedgerLine(Formats.date(e.effectiveDate()),
                e.account().label(), Formats.money(e.amount()), e.amount().isNegative(), e.memo())).toList();
        String subtitle = (patient == null ? "" : patient.displayName() + " · ")
                + (drug == null ? Formats.ndc(c.ndc()) : drug.label()) + " · " + Formats.date(c.dateOfService());
        return new ClaimDetail(c.id(), "Rx " + c.rxFill(), subtitle, c.status(), sections, ledger);
    }

    /** "Reject 75 · Prior auth": code and its follow-up queue (DOMAIN.md §10.1). */
    private String rejectLabel(String reject) {
        CodeTable table = codes.rejectCodes();
        String family = table.find(reject).map(code -> code.attribute("family")).orElse("");
        return "Reject " + CodeTables.normaliseRejectCode(reject) + (family.isEmpty() ? "" : " · " + words(family));
    }

    private static Field money(String label, Money m) {
        return new Field(label, m == null ? "—" : Formats.money(m),
                m != null && m.isNegative() ? Kind.NEGATIVE_MONEY : Kind.MONEY);
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "—" : s;
    }

    /** NCPDP 306-C6. */
    private static String relationship(String code) {
        String meaning = switch (code == null ? "" : code) {
            case "0" -> "Not specified";
            case "1" -> "Cardholder";
            case "2" -> "Spouse";
            case "3" -> "Child";
            case "4" -> "Other";
            default -> "";
        };
        return meaning.isEmpty() ? code : code + " — " + meaning;
    }

    /** DATA_ENTRY → "Data entry" */
    static String words(String constant) {
        String s = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public ReadOnlyObjectProperty<ClaimDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }
}
