package org.rxledger.app.charges;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Formats;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.claim.ChargeEntry;
import org.rxledger.core.claim.ChargeProblems;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimField;
import org.rxledger.core.claim.ClaimRules;
import org.rxledger.core.id.Ndc;
import org.rxledger.core.id.Npi;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.CodeTables;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.Prescriber;
import org.rxledger.core.reference.ReferenceEntry;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.tx.Transactions;

/**
 * The charge entry form: one text property per billing field, four type-ahead lookups (patient, plan,
 * prescriber, drug), and the problems of each field in plain words, recomputed by the one rule set
 * ({@link ClaimRules}) on every change. A field shows its problem once it has been typed in, or after a save
 * was tried. Saving runs {@link ChargeEntry} in the background; "save and next" keeps the patient and the
 * plan (and the card fields) for the patient's next prescription. In rebill mode the form holds a saved
 * claim and saving rebills it (B3).
 */
public final class ChargeEntryViewModel {

    /** The fields typed as text, in form order (drug/NDC, patient and prescriber come from the lookups). */
    static final List<ClaimField> TEXT_FIELDS = List.of(ClaimField.BIN, ClaimField.PCN, ClaimField.GROUP_ID,
            ClaimField.CARDHOLDER_ID, ClaimField.PERSON_CODE, ClaimField.RELATIONSHIP_CODE, ClaimField.OTHER_COVERAGE_CODE,
            ClaimField.RX_NUMBER, ClaimField.FILL_NUMBER, ClaimField.DATE_OF_SERVICE, ClaimField.DATE_WRITTEN,
            ClaimField.QUANTITY, ClaimField.DAYS_SUPPLY, ClaimField.DAW, ClaimField.SCC_CODES,
            ClaimField.INGREDIENT_COST_SUBMITTED, ClaimField.DISPENSING_FEE_SUBMITTED, ClaimField.USUAL_AND_CUSTOMARY,
            ClaimField.GROSS_AMOUNT_DUE, ClaimField.RESPONSE_STATUS, ClaimField.REJECT_CODES, ClaimField.AUTHORIZATION_NUMBER,
            ClaimField.INGREDIENT_COST_PAID, ClaimField.DISPENSING_FEE_PAID, ClaimField.PLAN_PAID_AMOUNT,
            ClaimField.PATIENT_PAY_AMOUNT, ClaimField.PATIENT_PAID_AT_POS, ClaimField.CHARGE_ACCOUNT);
    /** The fields and lookups as the form shows them, top to bottom and column by column. */
    static final List<Object> FORM_ORDER = List.of(Lookup.PATIENT, Lookup.PLAN, ClaimField.BIN, ClaimField.PCN,
            ClaimField.GROUP_ID, ClaimField.CARDHOLDER_ID, ClaimField.PERSON_CODE, ClaimField.RELATIONSHIP_CODE,
            ClaimField.OTHER_COVERAGE_CODE, ClaimField.RX_NUMBER, ClaimField.FILL_NUMBER, ClaimField.DATE_OF_SERVICE,
            ClaimField.DATE_WRITTEN, Lookup.PRESCRIBER, Lookup.DRUG, ClaimField.QUANTITY, ClaimField.DAYS_SUPPLY,
            ClaimField.DAW, ClaimField.SCC_CODES, ClaimField.INGREDIENT_COST_SUBMITTED, ClaimField.DISPENSING_FEE_SUBMITTED,
            ClaimField.USUAL_AND_CUSTOMARY, ClaimField.GROSS_AMOUNT_DUE, ClaimField.RESPONSE_STATUS, ClaimField.REJECT_CODES,
            ClaimField.AUTHORIZATION_NUMBER, ClaimField.INGREDIENT_COST_PAID, ClaimField.DISPENSING_FEE_PAID,
            ClaimField.PLAN_PAID_AMOUNT, ClaimField.PATIENT_PAY_AMOUNT, ClaimField.PATIENT_PAID_AT_POS,
            ClaimField.CHARGE_ACCOUNT);
    /** Kept by "save and next": the same patient's card. */
    private static final Set<ClaimField> KEPT = Set.of(ClaimField.BIN, ClaimField.PCN, ClaimField.GROUP_ID,
            ClaimField.CARDHOLDER_ID, ClaimField.PERSON_CODE, ClaimField.RELATIONSHIP_CODE, ClaimField.OTHER_COVERAGE_CODE,
            ClaimField.DATE_OF_SERVICE);

    /** Where a lookup's problem is shown. */
    public enum Lookup { PATIENT, PLAN, PRESCRIBER, DRUG }

    private final Transactions transactions;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final ChargeEntry entry;
    private final ReferenceEntry references;
    private final ClaimRules rules;
    private final Clock clock;
    private final CodeTables codes = CodeTables.standard();
    private Runnable onSaved = () -> { };

    private final Map<ClaimField, StringProperty> fields = new EnumMap<>(ClaimField.class);
    private final Map<ClaimField, ReadOnlyStringWrapper> problems = new EnumMap<>(ClaimField.class);
    private final Map<Lookup, StringProperty> queries = new EnumMap<>(Lookup.class);
    private final Map<Lookup, ReadOnlyStringWrapper> hints = new EnumMap<>(Lookup.class);
    private final Map<Lookup, ReadOnlyStringWrapper> lookupProblems = new EnumMap<>(Lookup.class);
    private final Set<Object> touched = new HashSet<>();
    private final Map<ClaimField, String> serverProblems = new EnumMap<>(ClaimField.class);
    /** What picking a patient filled in from their last claim: replaced when another patient is picked, unless edited. */
    private final Map<Object, String> coverageFilled = new HashMap<>();
    /** The patient whose last claim filled the plan and card (the hint says so). */
    private Patient coverageOf;
    /** After a refused save an ambiguous lookup is a problem too, not just a hint to keep typing. */
    private boolean saveTried;

    private final ObjectProperty<Patient> patient = new SimpleObjectProperty<>(this, "patient");
    private final ObjectProperty<Plan> plan = new SimpleObjectProperty<>(this, "plan");
    private final ObjectProperty<Prescriber> prescriber = new SimpleObjectProperty<>(this, "prescriber");
    private final ObjectProperty<Drug> drug = new SimpleObjectProperty<>(this, "drug");
    private final ObservableList<Patient> patients = FXCollections.observableArrayList();
    private final ObservableList<Plan> plans = FXCollections.observableArrayList();
    private final ObservableList<Prescriber> prescribers = FXCollections.observableArrayList();
    private final ObservableList<Drug> drugs = FXCollections.observableArrayList();

    private final BooleanProperty paper = new SimpleBooleanProperty(this, "paper", false);
    private final BooleanProperty collected = new SimpleBooleanProperty(this, "collected", false);
    private final ReadOnlyStringWrapper dawMeaning = new ReadOnlyStringWrapper(this, "dawMeaning", "");
    private final ReadOnlyStringWrapper rejectMeaning = new ReadOnlyStringWrapper(this, "rejectMeaning", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError", false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "New charge");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision", 0);
    private final ReadOnlyObjectWrapper<Claim> lastSaved = new ReadOnlyObjectWrapper<>(this, "lastSaved");
    /** The field or lookup the clerk should fix first after a refused save (the view moves the focus there). */
    private final ReadOnlyObjectWrapper<Object> fixFirst = new ReadOnlyObjectWrapper<>(this, "fixFirst");
    private Long rebillOf;
    /** In correction mode: the claim being corrected and its values as loaded (to send only what changed). */
    private Long correcting;
    private Map<ClaimField, String> original = Map.of();
    private boolean originalCollected;
    private boolean loading;

    public ChargeEntryViewModel(Transactions transactions, TaskRunner runner, Consumer<Notice> notices, Clock clock) {
        this.transactions = transactions;
        this.runner = runner;
        this.notices = notices;
        this.clock = clock;
        this.rules = new ClaimRules(clock);
        this.entry = new ChargeEntry(transactions, rules);
        this.references = new ReferenceEntry(transactions);
        for (ClaimField f : TEXT_FIELDS) {
            StringProperty p = new SimpleStringProperty(this, f.column(), "");
            p.addListener((o, was, now) -> changed(f));
            fields.put(f, p);
            problems.put(f, new ReadOnlyStringWrapper(this, f.column() + "Problem", ""));
        }
        for (Lookup l : Lookup.values()) {
            StringProperty q = new SimpleStringProperty(this, l.name().toLowerCase() + "Query", "");
            q.addListener((o, was, now) -> resolve(l));
            queries.put(l, q);
            hints.put(l, new ReadOnlyStringWrapper(this, l.name() + "Hint", ""));
            lookupProblems.put(l, new ReadOnlyStringWrapper(this, l.name() + "Problem", ""));
        }
        paper.addListener((o, was, now) -> {
            if (now) {
                field(ClaimField.AUTHORIZATION_NUMBER).set("");
            }
            revalidate();
        });
        plan.addListener((o, was, now) -> {
            if (now != null && !loading) {
                field(ClaimField.BIN).set(now.bin());
                field(ClaimField.PCN).set(now.pcn());
                field(ClaimField.GROUP_ID).set(now.groupId());
            }
        });
        patient.addListener((o, was, now) -> {
            if (now != null && !loading) {
                fillCoverage(now);
            }
        });
        clear(false);
    }

    /** Called after each save, e.g. to reload the claims browser. */
    public void setOnSaved(Runnable onSaved) {
        this.onSaved = onSaved == null ? () -> { } : onSaved;
    }

    /** Loads the lookup lists (patients, plans, prescribers, drugs) in the background. */
    public void loadReferences() {
        runner.run("Loading patients, plans, prescribers and drugs", progress -> transactions.read(tx -> {
                    ReferenceRepository reference = tx.port(ReferenceRepository.class);
                    return List.of(reference.patients(), reference.plans(), reference.prescribers(), reference.drugs());
                }),
                lists -> {
                    patients.setAll(castList(lists.get(0)));
                    plans.setAll(castList(lists.get(1)));
                    prescribers.setAll(castList(lists.get(2)));
                    drugs.setAll(castList(lists.get(3)));
                    for (Lookup l : Lookup.values()) {
                        resolve(l);
                    }
                }, failure -> notices.accept(Failures.explain("loading the reference lists", failure)));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(List<?> list) {
        return (List<T>) list;
    }

    // ------------------------------------------------------------------------------------ lookups

    public List<?> suggestions(Lookup lookup, String query) {
        return switch (lookup) {
            case PATIENT -> Lookups.patients(patients, query);
            case PLAN -> Lookups.plans(plans, query);
            case PRESCRIBER -> Lookups.prescribers(prescribers, query);
            case DRUG -> Lookups.drugs(drugs, query);
        };
    }

    /** The clerk picked a suggestion: the query shows the record as it will be billed. */
    public void choose(Lookup lookup, Object record) {
        queries.get(lookup).set(describe(lookup, record));
    }

    /** A line of the suggestion list: enough to tell two records apart (the query keeps {@link #describe}). */
    public static String suggestion(Lookup lookup, Object record) {
        return switch (lookup) {
            case PATIENT -> ((Patient) record).displayName() + " · born " + ((Patient) record).dateOfBirth();
            case PLAN -> ((Plan) record).name() + " · " + ((Plan) record).routing();
            case PRESCRIBER -> ((Prescriber) record).displayName() + " · NPI " + ((Prescriber) record).npi();
            case DRUG -> ((Drug) record).label().strip() + " · NDC " + Formats.ndc(((Drug) record).ndc());
        };
    }

    static String describe(Lookup lookup, Object record) {
        return switch (lookup) {
            case PATIENT -> ((Patient) record).displayName();
            case PLAN -> ((Plan) record).name();
            case PRESCRIBER -> ((Prescriber) record).displayName() + " " + ((Prescriber) record).npi();
            case DRUG -> ((Drug) record).ndc();
        };
    }

    private void resolve(Lookup lookup) {
        String q = queries.get(lookup).get();
        if (!q.isBlank()) {
            touched.add(lookup);
        }
        List<?> found = q.isBlank() ? List.of() : exactOrUnique(lookup, q);
        Object one = found.size() == 1 ? found.get(0) : null;
        switch (lookup) {
            case PATIENT -> patient.set((Patient) one);
            case PLAN -> plan.set((Plan) one);
            case PRESCRIBER -> prescriber.set((Prescriber) one);
            case DRUG -> drug.set((Drug) one);
        }
        hints.get(lookup).set(one != null ? hint(lookup, one)
                : found.size() > 1 ? found.size() + " match — keep typing or pick one (↓)" : "");
        revalidate();
    }

    /** Fills the plan and card from the patient's last claim, where the clerk has not typed them already. */
    private void fillCoverage(Patient picked) {
        runner.run("Looking up the patient's plan", progress -> entry.lastCoverage(picked.id()), found -> {
            if (found.isEmpty() || !picked.equals(patient.get()) || loading) {
                return;
            }
            ChargeEntry.Coverage c = found.get();
            if (offer(Lookup.PLAN, queries.get(Lookup.PLAN), describe(Lookup.PLAN, c.plan())) && plan.get() == null) {
                plan.set(c.plan()); // two plans of the same name: the one the patient was billed on
                hints.get(Lookup.PLAN).set(hint(Lookup.PLAN, c.plan()));
            }
            offer(ClaimField.CARDHOLDER_ID, fields.get(ClaimField.CARDHOLDER_ID), c.cardholderId());
            offer(ClaimField.PERSON_CODE, fields.get(ClaimField.PERSON_CODE), c.personCode());
            offer(ClaimField.RELATIONSHIP_CODE, fields.get(ClaimField.RELATIONSHIP_CODE), c.relationshipCode());
            coverageOf = picked;
            hints.get(Lookup.PATIENT).set(hint(Lookup.PATIENT, picked));
            revalidate();
        }, failure -> notices.accept(Failures.explain("looking up the patient's plan", failure)));
    }

    /** Sets a value the clerk left empty (or that the previous patient's card filled in); true when set. */
    private boolean offer(Object key, StringProperty target, String value) {
        String now = target.get().strip();
        if (value == null || value.isBlank() || !(now.isEmpty() || now.equals(coverageFilled.get(key)))) {
            return false;
        }
        target.set(value);
        coverageFilled.put(key, value);
        return true;
    }

    private List<?> exactOrUnique(Lookup lookup, String q) {
        List<?> found = suggestions(lookup, q);
        if (found.size() > 1) {
            // a chosen suggestion's text is exact: "SMITH, JOHN" must not stay ambiguous with "SMITHERS, ANNA"
            List<?> exact = found.stream().filter(r -> describe(lookup, r).equalsIgnoreCase(q.strip())).toList();
            if (exact.size() == 1) {
                return exact;
            }
        }
        return found;
    }

    private String hint(Lookup lookup, Object r) {
        return switch (lookup) {
            case PATIENT -> "✓ " + ((Patient) r).displayName() + " · born " + ((Patient) r).dateOfBirth()
                    + (r.equals(coverageOf) ? " · plan and card from their last claim" : "");
            case PLAN -> "✓ " + ((Plan) r).name() + " · " + ((Plan) r).routing();
            case PRESCRIBER -> "✓ " + ((Prescriber) r).displayName() + " · NPI " + ((Prescriber) r).npi();
            case DRUG -> "✓ " + ((Drug) r).label().strip() + " · NDC " + ((Drug) r).ndc();
        };
    }

    private boolean chosen(Lookup lookup) {
        return switch (lookup) {
            case PATIENT -> patient.get() != null;
            case PLAN -> plan.get() != null;
            case PRESCRIBER -> prescriber.get() != null;
            case DRUG -> drug.get() != null;
        };
    }

    private String lookupProblem(Lookup lookup) {
        String q = queries.get(lookup).get().strip();
        if (chosen(lookup)) {
            return "";
        }
        if (q.isEmpty()) {
            return switch (lookup) {
                case PATIENT -> "Choose the patient: type a name";
                case PLAN -> "Choose the plan: type its name or BIN";
                case PRESCRIBER -> "Choose the prescriber: type a name or NPI";
                case DRUG -> "Choose the drug: type a name or an NDC";
            };
        }
        if (!suggestions(lookup, q).isEmpty()) {
            return "";  // several matches: the hint says to keep typing
        }
        return switch (lookup) {
            case PATIENT -> "No patient matches '" + q + "' — Ctrl+Shift+P adds a new patient";
            case PLAN -> "No plan matches '" + q + "'";
            case PRESCRIBER -> q.matches("\\d{10}") && Npi.problem(q) != null ? "Prescriber NPI " + Npi.problem(q)
                    : "No prescriber matches '" + q + "' — Ctrl+Shift+R adds a new prescriber";
            case DRUG -> q.matches("[\\d-]+") && Ndc.problem(q) != null ? "NDC " + Ndc.problem(q)
                    : "No drug matches '" + q + "' — Ctrl+Shift+G adds it to the drug file";
        };
    }

    // ------------------------------------------------------------------------------------ validation

    private void changed(ClaimField f) {
        if (loading) {
            return;
        }
        if (!fields.get(f).get().isBlank()) {
            touched.add(f);
        }
        serverProblems.remove(f);
        if (f == ClaimField.INGREDIENT_COST_SUBMITTED || f == ClaimField.DISPENSING_FEE_SUBMITTED) {
            fields.get(ClaimField.GROSS_AMOUNT_DUE).set(gross());
        }
        if (f == ClaimField.DAW) {
            String daw = fields.get(f).get().strip();
            dawMeaning.set(daw.matches("\\d") ? codes.daw().describe(daw) : "");
        }
        if (f == ClaimField.REJECT_CODES) {
            List<String> meanings = new ArrayList<>();
            for (String code : fields.get(f).get().split("[,;|\\s]+")) {
                if (!code.isBlank()) {
                    meanings.add(codes.rejectCodes().label(code));
                }
            }
            rejectMeaning.set(String.join("; ", meanings));
        }
        if (f == ClaimField.RESPONSE_STATUS && "R".equalsIgnoreCase(fields.get(f).get().strip())) {
            // a rejected claim pays nothing: spare the clerk four zeroes
            for (ClaimField paid : List.of(ClaimField.PLAN_PAID_AMOUNT, ClaimField.PATIENT_PAY_AMOUNT)) {
                if (fields.get(paid).get().isBlank()) {
                    fields.get(paid).set("0.00");
                }
            }
        }
        revalidate();
    }

    private String gross() {
        try {
            return Money.parse(fields.get(ClaimField.INGREDIENT_COST_SUBMITTED).get().strip())
                    .plus(Money.parse(fields.get(ClaimField.DISPENSING_FEE_SUBMITTED).get().strip())).toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The values the rules check: the typed fields plus what the chosen records supply. */
    Map<ClaimField, String> values() {
        Map<ClaimField, String> v = new EnumMap<>(ClaimField.class);
        fields.forEach((f, p) -> v.put(f, p.get()));
        Patient pt = patient.get();
        if (pt != null) {
            v.put(ClaimField.PATIENT_FIRST_NAME, pt.firstName());
            v.put(ClaimField.PATIENT_LAST_NAME, pt.lastName());
            v.put(ClaimField.PATIENT_DOB, pt.dateOfBirth().toString());
        }
        if (prescriber.get() != null) {
            v.put(ClaimField.PRESCRIBER_NPI, prescriber.get().npi());
            v.put(ClaimField.PRESCRIBER_LAST_NAME, prescriber.get().lastName());
        }
        v.put(ClaimField.NDC, drug.get() != null ? drug.get().ndc() : queries.get(Lookup.DRUG).get());
        v.put(ClaimField.CHANNEL, paper.get() ? "PAPER" : "ELECTRONIC");
        return v;
    }

    private void revalidate() {
        if (loading) {
            return;
        }
        Map<Object, String> open = openProblems();
        for (ClaimField f : TEXT_FIELDS) {
            problems.get(f).set(touched.contains(f) ? open.getOrDefault(f, "") : "");
        }
        for (Lookup l : Lookup.values()) {
            lookupProblems.get(l).set(touched.contains(l) ? open.getOrDefault(l, "") : "");
        }
        revision.set(revision.get() + 1);
    }

    /**
     * One problem per field or lookup, exactly as the form shows them, in form order: the save summary counts
     * these, so "2 problems" are the two the clerk sees. A rule on a value a lookup supplies (the patient's date
     * of birth, the NDC) is shown on that lookup.
     */
    private Map<Object, String> openProblems() {
        Map<ClaimField, String> v = values();
        Map<ClaimField, String> found = new EnumMap<>(ClaimField.class);
        for (ClaimField f : TEXT_FIELDS) {
            rules.check(f, v.get(f)).ifPresent(m -> found.put(f, m));
        }
        for (ClaimRules.Problem p : rules.crossCheck(v)) {
            found.putIfAbsent(p.field(), p.message());
        }
        found.putAll(serverProblems);
        Map<Object, String> open = new LinkedHashMap<>();
        for (Object key : FORM_ORDER) {
            String m = key instanceof Lookup l ? lookupProblem(l, found) : found.getOrDefault((ClaimField) key, "");
            if (!m.isEmpty()) {
                open.put(key, m);
            }
        }
        return open;
    }

    private String lookupProblem(Lookup l, Map<ClaimField, String> found) {
        String m = lookupProblem(l);
        if (m.isEmpty() && saveTried && !chosen(l)) {
            m = "Several " + switch (l) {
                case PATIENT -> "patients";
                case PLAN -> "plans";
                case PRESCRIBER -> "prescribers";
                case DRUG -> "drugs";
            } + " match '" + queries.get(l).get().strip() + "' — pick one (↓)";
        }
        if (!m.isEmpty()) {
            return m;
        }
        List<ClaimField> supplied = switch (l) {
            case PATIENT -> List.of(ClaimField.PATIENT_LAST_NAME, ClaimField.PATIENT_FIRST_NAME, ClaimField.PATIENT_DOB);
            case PRESCRIBER -> List.of(ClaimField.PRESCRIBER_NPI, ClaimField.PRESCRIBER_LAST_NAME);
            case DRUG -> List.of(ClaimField.NDC);
            case PLAN -> List.of();
        };
        return supplied.stream().map(found::get).filter(x -> x != null && !x.isEmpty()).findFirst().orElse("");
    }

    /** The problem shown on a field now ("" when none). */
    public String problem(ClaimField field) {
        ReadOnlyStringWrapper p = problems.get(field);
        return p == null ? "" : p.get();
    }

    public String problem(Lookup lookup) {
        return lookupProblems.get(lookup).get();
    }

    /** Every problem a save would refuse, in form order (for the summary line). */
    List<String> allProblems() {
        return List.copyOf(openProblems().values());
    }

    // ------------------------------------------------------------------------------------ commands

    public void save() {
        save(false);
    }

    public void saveAndNext() {
        save(true);
    }

    private void save(boolean next) {
        if (busy.get()) {
            return;
        }
        touched.addAll(TEXT_FIELDS);
        touched.addAll(List.of(Lookup.values()));
        saveTried = true;
        revalidate();
        Map<Object, String> open = openProblems();
        if (!open.isEmpty()) {
            Map.Entry<Object, String> first = open.entrySet().iterator().next();
            showError("Not saved: " + open.size() + (open.size() == 1 ? " problem" : " problems") + " — " + first.getValue());
            askToFix(first.getKey());
            return;
        }
        if (correcting != null) {
            saveCorrection(correcting);
            return;
        }
        Map<ClaimField, String> v = values();
        v.keySet().removeAll(List.of(ClaimField.PATIENT_FIRST_NAME, ClaimField.PATIENT_LAST_NAME, ClaimField.PATIENT_DOB));
        ChargeEntry.NewCharge charge = new ChargeEntry.NewCharge(v, patient.get().id(), plan.get().id(),
                prescriber.get().id(), drug.get().id(), collected.get());
        Long replacing = rebillOf;
        busy.set(true);
        runner.run(replacing == null ? "Saving the charge" : "Rebilling the claim",
                progress -> replacing == null ? entry.save(charge) : entry.rebill(replacing, charge, LocalDate.now(clock)),
                saved -> {
                    busy.set(false);
                    lastSaved.set(saved);
                    showInfo(savedMessage(saved, replacing));
                    clear(next);
                    onSaved.run();
                },
                failure -> {
                    busy.set(false);
                    if (failure instanceof ChargeProblems problemsFound) {
                        for (ClaimRules.Problem p : problemsFound.problems()) {
                            serverProblems.put(p.field(), p.message());
                        }
                        revalidate();
                        showError("Not saved: " + problemsFound.problems().get(0).message());
                        openProblems().keySet().stream().findFirst().ifPresent(this::askToFix);
                    } else {
                        showError("Not saved: " + failure.getMessage());
                        notices.accept(Failures.explain("saving the charge", failure));
                    }
                });
    }

    /** Sends only the changed fields: the core audits each with before and after (ADR 0008). */
    private void saveCorrection(long claimId) {
        Map<ClaimField, String> now = values();
        Map<ClaimField, String> changes = new EnumMap<>(ClaimField.class);
        for (Map.Entry<ClaimField, String> e : now.entrySet()) {
            if (e.getKey() == ClaimField.GROSS_AMOUNT_DUE) {
                continue; // derived again by the rules
            }
            String before = original.getOrDefault(e.getKey(), "");
            if (!before.strip().equalsIgnoreCase(e.getValue() == null ? "" : e.getValue().strip())) {
                changes.put(e.getKey(), e.getValue());
            }
        }
        Boolean collectedChange = collected.get() == originalCollected ? null : collected.get();
        if (changes.isEmpty() && collectedChange == null) {
            showInfo("Nothing changed; nothing was saved.");
            return;
        }
        busy.set(true);
        runner.run("Correcting the claim", progress -> entry.correct(claimId, changes, collectedChange), saved -> {
            busy.set(false);
            lastSaved.set(saved);
            showInfo("Corrected Rx " + saved.rxFill() + " (claim #" + saved.id() + "): " + (changes.size()
                    + (collectedChange == null ? 0 : 1)) + " field(s) changed, each recorded in the audit trail with before and after"
                    + (changes.containsKey(ClaimField.PLAN_PAID_AMOUNT) || changes.containsKey(ClaimField.PATIENT_PAY_AMOUNT)
                    || collectedChange != null ? "; receivables reversed and posted again." : "."));
            clear(false);
            onSaved.run();
        }, failure -> {
            busy.set(false);
            if (failure instanceof ChargeProblems problemsFound) {
                for (ClaimRules.Problem p : problemsFound.problems()) {
                    serverProblems.put(p.field(), p.message());
                }
                revalidate();
                showError("Not saved: " + problemsFound.problems().get(0).message());
                openProblems().keySet().stream().findFirst().ifPresent(this::askToFix);
            } else {
                showError("Not saved: " + failure.getMessage());
                notices.accept(Failures.explain("correcting the claim", failure));
            }
        });
    }

    private static String savedMessage(Claim c, Long replacing) {
        StringBuilder s = new StringBuilder(replacing == null ? "Saved" : "Rebilled (B3) claim #" + replacing + " as");
        s.append(" Rx ").append(c.rxFill()).append(" — claim #").append(c.id()).append(", ").append(c.status().label().toLowerCase());
        if (c.responseStatus().createsReceivable()) {
            s.append(": plan paid ").append(c.planPaid()).append(" to third-party A/R, patient pay ").append(c.patientPay())
                    .append(c.patientPayCollected() ? " collected at the counter" : " to the patient's account");
        } else {
            s.append(": reject ").append(String.join(", ", c.rejectCodes())).append(" added to the reject queue");
        }
        return s.append('.').toString();
    }

    /** Esc: empties the form (and leaves rebill mode) without saving. */
    public void cancel() {
        boolean wasRebill = rebillOf != null;
        boolean wasCorrection = correcting != null;
        clear(false);
        showInfo(wasRebill ? "Rebill cancelled; nothing was changed." : wasCorrection ? "Correction cancelled; nothing was changed."
                : "Cleared; nothing was saved.");
    }

    /** Fills the form with a saved claim; saving then rebills it (B3). */
    public void startRebill(long claimId) {
        open(claimId, false);
    }

    /** Fills the form with a saved claim; saving then corrects its billing data in place (audited). */
    public void startCorrection(long claimId) {
        open(claimId, true);
    }

    private void open(long claimId, boolean correction) {
        runner.run("Opening the claim", progress -> entry.draft(claimId), draft -> {
            loading = true;
            try {
                clearFields();
                for (ClaimField f : TEXT_FIELDS) {
                    fields.get(f).set(Optional.ofNullable(draft.values().get(f)).orElse(""));
                }
                paper.set(draft.claim().channel().name().equals("PAPER"));
                collected.set(draft.claim().patientPayCollected());
                queries.get(Lookup.PATIENT).set(describe(Lookup.PATIENT, draft.patient()));
                queries.get(Lookup.PLAN).set(describe(Lookup.PLAN, draft.plan()));
                queries.get(Lookup.PRESCRIBER).set(describe(Lookup.PRESCRIBER, draft.prescriber()));
                queries.get(Lookup.DRUG).set(describe(Lookup.DRUG, draft.drug()));
                patient.set(draft.patient());
                plan.set(draft.plan());
                prescriber.set(draft.prescriber());
                drug.set(draft.drug());
            } finally {
                loading = false;
            }
            if (correction) {
                correcting = claimId;
                original = values();
                originalCollected = collected.get();
                title.set("Correct Rx " + draft.claim().rxFill() + " (claim #" + claimId + ")");
            } else {
                rebillOf = claimId;
                title.set("Rebill Rx " + draft.claim().rxFill() + " (claim #" + claimId + ")");
            }
            for (ClaimField f : List.of(ClaimField.DAW, ClaimField.REJECT_CODES, ClaimField.GROSS_AMOUNT_DUE)) {
                changed(f);
            }
            touched.clear();
            saveTried = false;
            revalidate();
            showInfo(correction
                    ? "Change the billing data and save: every change is audited with before and after; changed amounts re-post the "
                    + "receivables. Rx, fill, date of service, plan, NDC, patient, prescriber and response need a rebill."
                    : "Correct what the payer needs and save: the claim is reversed and billed again (B3), linked to #" + claimId + ".");
        }, failure -> notices.accept(Failures.explain("opening the claim", failure)));
    }

    /** Creates a patient from the form and chooses it. */
    public void createPatient(String first, String last, LocalDate dob, Patient.Gender gender, Consumer<String> onProblem) {
        create("Adding the patient", () -> references.addPatient(first, last, dob, gender), p -> {
            patients.add(p);
            choose(Lookup.PATIENT, p);
        }, onProblem);
    }

    public void createPrescriber(String npi, String dea, String last, String first, Consumer<String> onProblem) {
        create("Adding the prescriber", () -> references.addPrescriber(npi, dea, last, first), p -> {
            prescribers.add(p);
            choose(Lookup.PRESCRIBER, p);
        }, onProblem);
    }

    public void createDrug(String ndc, String name, String strength, String form, String unit, boolean brand,
                           Consumer<String> onProblem) {
        create("Adding the drug", () -> references.addDrug(ndc, name, strength, form, "", unit, brand), d -> {
            drugs.add(d);
            choose(Lookup.DRUG, d);
        }, onProblem);
    }

    private <T> void create(String title, java.util.function.Supplier<T> work, Consumer<T> done, Consumer<String> onProblem) {
        runner.run(title, progress -> work.get(), created -> {
            done.accept(created);
            onProblem.accept("");
        }, failure -> {
            if (failure instanceof ReferenceEntry.Refused refused) {
                onProblem.accept(String.join("\n", refused.problems()));
            } else {
                onProblem.accept(failure.getMessage());
                notices.accept(Failures.explain(title.toLowerCase(), failure));
            }
        });
    }

    /** Problem of an NPI/DEA/NDC typed in a "new …" dialog, for live feedback there. */
    public static String identifierProblem(String kind, String value) {
        String v = value == null ? "" : value.strip();
        String p = switch (kind) {
            case "NPI" -> Npi.problem(v);
            case "DEA" -> v.isEmpty() ? null : org.rxledger.core.id.Dea.problem(v.toUpperCase());
            case "NDC" -> Ndc.problem(v);
            default -> null;
        };
        return p == null ? "" : kind + " " + p;
    }

    private void clear(boolean keepPatientAndPlan) {
        Patient keptPatient = patient.get();
        Plan keptPlan = plan.get();
        String patientQuery = queries.get(Lookup.PATIENT).get();
        String planQuery = queries.get(Lookup.PLAN).get();
        Map<ClaimField, String> kept = new LinkedHashMap<>();
        if (keepPatientAndPlan) {
            KEPT.forEach(f -> kept.put(f, fields.get(f).get()));
        }
        loading = true;
        try {
            clearFields();
            fields.get(ClaimField.FILL_NUMBER).set("0");
            fields.get(ClaimField.DATE_OF_SERVICE).set(LocalDate.now(clock).toString());
            fields.get(ClaimField.DAW).set("0");
            fields.get(ClaimField.RESPONSE_STATUS).set("P");
            kept.forEach((f, value) -> fields.get(f).set(value));
            if (keepPatientAndPlan) {
                queries.get(Lookup.PATIENT).set(patientQuery);
                queries.get(Lookup.PLAN).set(planQuery);
                patient.set(keptPatient);
                plan.set(keptPlan);
            }
        } finally {
            loading = false;
        }
        rebillOf = null;
        correcting = null;
        original = Map.of();
        title.set("New charge");
        dawMeaning.set(codes.daw().describe("0"));
        rejectMeaning.set("");
        touched.clear();
        serverProblems.clear();
        coverageFilled.clear();
        coverageOf = null;
        saveTried = false;
        revalidate();
    }

    private void clearFields() {
        for (ClaimField f : TEXT_FIELDS) {
            fields.get(f).set("");
        }
        for (Lookup l : Lookup.values()) {
            queries.get(l).set("");
        }
        patient.set(null);
        plan.set(null);
        prescriber.set(null);
        drug.set(null);
        paper.set(false);
        collected.set(false);
    }

    /** The computed gross amount is fixed in its parts. */
    private void askToFix(Object key) {
        fixFirst.set(null);
        fixFirst.set(key == ClaimField.GROSS_AMOUNT_DUE ? ClaimField.INGREDIENT_COST_SUBMITTED : key);
    }

    private void showInfo(String text) {
        messageIsError.set(false);
        message.set(text);
    }

    private void showError(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    // ------------------------------------------------------------------------------------ properties

    public StringProperty field(ClaimField f) {
        return fields.get(f);
    }

    public ReadOnlyStringProperty problemProperty(ClaimField f) {
        return problems.get(f).getReadOnlyProperty();
    }

    public StringProperty query(Lookup l) {
        return queries.get(l);
    }

    public ReadOnlyStringProperty hintProperty(Lookup l) {
        return hints.get(l).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty(Lookup l) {
        return lookupProblems.get(l).getReadOnlyProperty();
    }

    public BooleanProperty paperProperty() {
        return paper;
    }

    public BooleanProperty collectedProperty() {
        return collected;
    }

    public ReadOnlyStringProperty dawMeaningProperty() {
        return dawMeaning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rejectMeaningProperty() {
        return rejectMeaning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** A {@link ClaimField} or {@link Lookup}: where the focus goes after a refused save. */
    public ReadOnlyObjectProperty<Object> fixFirstProperty() {
        return fixFirst.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Claim> lastSavedProperty() {
        return lastSaved.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Patient> patientProperty() {
        return patient;
    }

    public ReadOnlyObjectProperty<Drug> drugProperty() {
        return drug;
    }

    public boolean isRebill() {
        return rebillOf != null;
    }

    public boolean isCorrection() {
        return correcting != null;
    }

    static <T> Function<T, String> text(Lookup l) {
        return r -> describe(l, r);
    }
}
