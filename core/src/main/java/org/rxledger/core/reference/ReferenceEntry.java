package org.rxledger.core.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxledger.core.id.Dea;
import org.rxledger.core.id.Ndc;
import org.rxledger.core.id.Npi;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.access.Permission;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;

/**
 * Creates the patient, prescriber or drug a clerk needs while entering a charge, with the identifier rules of
 * DOMAIN.md §8 (NPI and DEA check digits, NDC layouts) and a duplicate check; each one audited and journaled
 * in its own transaction. Problems are plain sentences naming the field.
 */
public final class ReferenceEntry {

    public static final String EVENT_CREATED = "reference.created";

    /** The input was refused; {@link #problems()} names each field. */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient List<String> problems;

        Refused(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final Transactions transactions;

    public ReferenceEntry(Transactions transactions) {
        this.transactions = transactions;
    }

    public Patient addPatient(String firstName, String lastName, LocalDate dateOfBirth, Patient.Gender gender) {
        List<String> problems = new ArrayList<>();
        String first = name("First name", firstName, problems);
        String last = name("Last name", lastName, problems);
        if (dateOfBirth == null) {
            problems.add("Date of birth is required");
        }
        refuseIf(problems);
        return transactions.inTransaction(Permission.CLAIM_ENTER, "add a patient", tx -> {
            if (tx.port(ReferenceRepository.class).findPatient(first, last, dateOfBirth).isPresent()) {
                throw new Refused(List.of("Patient " + last + ", " + first + " born " + dateOfBirth + " already exists; pick them from the list"));
            }
            if (dateOfBirth.isAfter(LocalDate.now(tx.clock()))) {
                throw new Refused(List.of("Date of birth " + dateOfBirth + " is in the future"));
            }
            Patient p = tx.port(ReferenceRepository.class).insertPatient(first, last, dateOfBirth, gender == null ? Patient.Gender.UNSPECIFIED : gender);
            created(tx, "patient", p.id());
            return p;
        });
    }

    public Prescriber addPrescriber(String npi, String dea, String lastName, String firstName) {
        List<String> problems = new ArrayList<>();
        String n = npi == null ? "" : npi.strip();
        String npiProblem = Npi.problem(n);
        if (npiProblem != null) {
            problems.add("Prescriber NPI " + npiProblem);
        }
        String d = dea == null ? "" : dea.strip().toUpperCase(Locale.ROOT);
        if (!d.isEmpty()) {
            String deaProblem = Dea.problem(d);
            if (deaProblem != null) {
                problems.add("DEA number " + deaProblem);
            }
        }
        String last = name("Last name", lastName, problems);
        String first = firstName == null ? "" : firstName.strip().toUpperCase(Locale.ROOT);
        refuseIf(problems);
        return transactions.inTransaction(Permission.CLAIM_ENTER, "add a prescriber", tx -> {
            if (tx.port(ReferenceRepository.class).findPrescriberByNpi(n).isPresent()) {
                throw new Refused(List.of("A prescriber with NPI " + n + " already exists; pick them from the list"));
            }
            Prescriber p = tx.port(ReferenceRepository.class).insertPrescriber(n, d.isEmpty() ? null : d, last, first);
            created(tx, "prescriber", p.id());
            return p;
        });
    }

    /** @param ndc any FDA layout (4-4-2, 5-3-2, 5-4-1 with hyphens) or the 11-digit billing form */
    public Drug addDrug(String ndc, String name, String strength, String form, String packageSize, String unit, boolean brand) {
        List<String> problems = new ArrayList<>();
        String raw = ndc == null ? "" : ndc.strip();
        String ndcProblem = Ndc.problem(raw);
        if (ndcProblem != null) {
            problems.add("NDC " + ndcProblem);
        }
        String drugName = name("Drug name", name, problems);
        String uom = unit == null || unit.isBlank() ? "EA" : unit.strip().toUpperCase(Locale.ROOT);
        if (!List.of("EA", "GM", "ML").contains(uom)) {
            problems.add("Unit of measure '" + uom + "' must be EA, GM or ML (NCPDP 600-28)");
        }
        refuseIf(problems);
        Ndc parsed = Ndc.parse(raw);
        return transactions.inTransaction(Permission.CLAIM_ENTER, "add a drug", tx -> {
            if (tx.port(ReferenceRepository.class).findDrugByNdc(parsed.billing()).isPresent()) {
                throw new Refused(List.of("A drug with NDC " + parsed.billing() + " already exists; pick it from the list"));
            }
            Drug drug = tx.port(ReferenceRepository.class).insertDrug(new Drug(0, parsed.billing(), parsed.nativeForm(), drugName, text(strength),
                    text(form), text(packageSize), uom, brand));
            created(tx, "drug", drug.id());
            return drug;
        });
    }

    private static String text(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    }

    private static String name(String label, String value, List<String> problems) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (v.isEmpty()) {
            problems.add(label + " is required");
        } else if (v.length() > 60) {
            problems.add(label + " is longer than 60 characters");
        }
        return v;
    }

    private static void refuseIf(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
    }

    /** Audit and journal carry the kind and id only: no names (PHI) in the event stream's audit line. */
    private static void created(Tx tx, String kind, long id) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", kind);
        payload.put("id", id);
        tx.port(Journal.class).append(EVENT_CREATED, payload);
        tx.port(AuditTrail.class).record(kind.toUpperCase(Locale.ROOT) + "_CREATED", kind, String.valueOf(id), Map.of("source", "CHARGE_ENTRY"));
    }
}
