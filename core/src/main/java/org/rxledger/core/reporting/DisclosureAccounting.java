package org.rxledger.core.reporting;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rxledger.core.access.Permission;
import org.rxledger.core.export.SpreadsheetText;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.security.Authorizer;
import org.rxledger.core.security.Disclosure;
import org.rxledger.core.security.DisclosureLog;
import org.rxledger.core.tx.Transactions;

/**
 * The accounting of disclosures (issue 16 item 6, 45 CFR 164.528): the disclosure log with the patients named,
 * for a patient's request or a privacy officer's review. The log stores patient ids only; this is the one place
 * that puts names to them, for a person holding {@link Permission#AUDIT_TRAIL_VERIFY}.
 */
public final class DisclosureAccounting {

    private final Transactions transactions;
    private final ZoneId zone;

    public DisclosureAccounting(Transactions transactions, ZoneId zone) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** One disclosure with its patients' names ("TESTPATIENT, ALPHA"), in the order of their ids. */
    public record Row(Disclosure disclosure, List<String> patients) {
        public Row {
            patients = List.copyOf(patients);
        }
    }

    /**
     * The disclosures from {@code from} to {@code to} (days in the office's zone, inclusive; null = open), of
     * {@code patientId} only when it is not null, oldest first.
     *
     * @throws org.rxledger.core.access.PermissionDenied without audit-trail-verify (the refusal is audited)
     */
    public List<Row> list(Long patientId, LocalDate from, LocalDate to) {
        new Authorizer(transactions).require(Permission.AUDIT_TRAIL_VERIFY, "read the disclosure log");
        Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        return transactions.read(tx -> {
            DisclosureLog log = tx.port(DisclosureLog.class);
            List<Disclosure> found = patientId == null ? log.between(start, end) : log.forPatient(patientId).stream()
                    .filter(d -> (start == null || !d.disclosedAt().isBefore(start)) && (end == null || d.disclosedAt().isBefore(end)))
                    .toList();
            ReferenceRepository reference = tx.port(ReferenceRepository.class);
            Map<Long, String> names = new HashMap<>();
            List<Row> rows = new ArrayList<>(found.size());
            for (Disclosure d : found) {
                rows.add(new Row(d, d.patientIds().stream().map(id -> names.computeIfAbsent(id, k -> reference.patient(k)
                        .map(Patient::displayName).orElse("patient " + k))).toList()));
            }
            return rows;
        });
    }

    /** Patients a filter can choose from: everyone on file, by name. */
    public List<Patient> patients() {
        new Authorizer(transactions).require(Permission.AUDIT_TRAIL_VERIFY, "read the disclosure log");
        return transactions.read(tx -> tx.port(ReferenceRepository.class).patients());
    }

    /** Writes {@code rows} as CSV (one line per disclosure, patients joined with "; "), owner-only where it can. */
    public void exportCsv(List<Row> rows, Path target) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".disclosures", ".csv.tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
             CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("when", "by", "workstation", "what", "to", "reference",
                     "patients").get().print(out)) {
            for (Row r : rows) {
                Disclosure d = r.disclosure();
                csv.printRecord(d.disclosedAt().atZone(zone).toLocalDateTime().withNano(0), d.user(), d.workstation(),
                        d.kind().name().toLowerCase(java.util.Locale.ROOT), SpreadsheetText.neutralised(d.recipient()),
                        SpreadsheetText.neutralised(d.reference()),
                        SpreadsheetText.neutralised(String.join("; ", r.patients())));
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
