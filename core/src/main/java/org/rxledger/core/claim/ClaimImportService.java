package org.rxledger.core.claim;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxledger.core.id.Uuids;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Payer;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.Prescriber;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.access.Permission;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports adjudicated claims from a CSV file (issue 2): all-or-nothing and idempotent
 * (ARCHITECTURE.md rule 4).
 *
 * <ol>
 *   <li>Read the header and rows ({@link ClaimCsvImport}); check every row with {@link ClaimRules}.
 *       Any problem → the result lists one error per bad field (file, line, column, reason) and the
 *       database is not touched.</li>
 *   <li>Otherwise, in one transaction: skip rows whose claim is already stored (same Rx, fill, DOS,
 *       BIN, PCN — {@link ClaimKey}); create or reuse the patient (first/last/DOB), prescriber (NPI),
 *       drug (NDC) and plan (BIN/PCN/group); record each claim through {@link ClaimRecorder}; append one
 *       {@value #EVENT_IMPORTED} journal event and one audit record for the file.</li>
 * </ol>
 *
 * <p>Unknown reference data is created with placeholders a clerk can correct later: a plan routed by an
 * unknown BIN/PCN/group gets a payer named {@code "Payer BIN <bin>"} (the BIN identifies the processor,
 * DOMAIN.md §1.4, so all plans of one BIN share it) and the plan is named by its routing; a prescriber
 * without {@code prescriber_last_name} is "UNKNOWN"; an unknown NDC becomes drug "NDC &lt;ndc&gt;".
 * Patient pay was collected at the counter unless the optional {@code patient_paid_at_pos} says less was
 * (issue 18): what was not collected stays on the patient's account, or on the house-charge account named by the
 * optional {@code charge_account} (an LTC facility, a family).
 * An import that adds no claims writes no journal event (nothing changed that needs syncing).
 */
public final class ClaimImportService {

    public static final String EVENT_IMPORTED = "claims.imported";
    private static final Logger LOG = LoggerFactory.getLogger(ClaimImportService.class);

    private final Transactions transactions;
    private final ClaimRules rules;

    public ClaimImportService(Transactions transactions, ClaimRules rules) {
        this.transactions = transactions;
        this.rules = rules.forFiles();
    }

    /** Imports a UTF-8 CSV file (a byte-order mark is allowed); errors name the file by its file name. */
    public ClaimImportResult importFile(Path file) {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The claims file " + name + " cannot be read: " + e.getMessage(), e);
        }
        ClaimCsvImport.Decoded decoded = ClaimCsvImport.decode(name, bytes);
        if (decoded.error() != null) {
            LOG.info("claims import refused: the file is not UTF-8 text");
            return ClaimImportResult.refused(name, List.of(decoded.error()));
        }
        return importCsv(name, new StringReader(decoded.text()));
    }

    public ClaimImportResult importCsv(String fileName, Reader reader) {
        ClaimCsvImport.Parsed parsed = ClaimCsvImport.read(fileName, reader);
        List<ClaimImportError> errors = new ArrayList<>(parsed.errors());
        List<ClaimRules.ValidClaim> valid = new ArrayList<>();
        Map<ClaimKey, Long> firstLineOfKey = new HashMap<>();
        for (ClaimCsvImport.Row row : parsed.rows()) {
            ClaimRules.Validation validation = rules.validate(row.values());
            for (ClaimRules.Problem p : validation.problems()) {
                errors.add(new ClaimImportError(fileName, row.line(), p.field().column(), p.message()));
            }
            validation.claim().ifPresent(c -> {
                Long earlier = firstLineOfKey.putIfAbsent(c.key(), row.line());
                if (earlier != null) {
                    errors.add(new ClaimImportError(fileName, row.line(), "", "The row repeats the claim on line " + earlier
                            + " (" + c.key() + ")"));
                } else {
                    valid.add(c);
                }
            });
        }
        if (!errors.isEmpty()) {
            LOG.info("claims import refused: {} problem(s) in {} row(s)", errors.size(), parsed.rows().size());
            return ClaimImportResult.refused(fileName, errors);
        }
        long started = System.nanoTime();
        ClaimImportResult result = transactions.inTransaction(Permission.CLAIM_ENTER, "import claims", tx -> write(tx, fileName, valid));
        LOG.info("claims import: {} imported, {} already present, in {} ms", result.imported(), result.skippedDuplicates(),
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private static ClaimImportResult write(Tx tx, String fileName, List<ClaimRules.ValidClaim> claims) {
        References refs = new References(tx.port(ReferenceRepository.class));
        int skipped = 0;
        List<Claim> toRecord = new ArrayList<>();
        List<ClaimRules.ValidClaim> recorded = new ArrayList<>();
        List<Long> payerIds = new ArrayList<>();
        for (ClaimRules.ValidClaim c : claims) {
            if (tx.port(ClaimRepository.class).findActive(c.key()).isPresent()) {
                skipped++;
                continue;
            }
            Plan plan = refs.plan(c.bin(), c.pcn(), c.groupId());
            toRecord.add(toClaim(tx, c, plan, refs));
            recorded.add(c);
            payerIds.add(plan.payerId());
        }
        // statement batches: a 3,000-row file records in about a second instead of several
        List<Claim> stored = ClaimRecorder.recordAll(tx, toRecord, payerIds);
        List<Long> claimIds = stored.stream().map(Claim::id).toList();
        for (int i = 0; i < stored.size(); i++) {
            PatientPayAtCounter.book(tx, stored.get(i), recorded.get(i).patientPaidAtPos(), recorded.get(i).chargeAccount());
        }
        int imported = claimIds.size();
        if (imported > 0) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("file", fileName);
            payload.put("imported", imported);
            payload.put("skippedDuplicates", skipped);
            payload.put("claimIds", claimIds);
            tx.port(Journal.class).append(EVENT_IMPORTED, payload);
            tx.port(AuditTrail.class).record("CLAIMS_IMPORTED", "claim_file", auditEntityId(fileName), Map.of("imported", imported, "skippedDuplicates", skipped));
        }
        return new ClaimImportResult(fileName, imported, skipped, List.of());
    }

    /** The audit record's entity id holds 80 characters; a longer file name is cut (the journal keeps it whole). */
    private static String auditEntityId(String fileName) {
        return fileName.length() <= 80 ? fileName : fileName.substring(0, 79) + "…";
    }

    private static Claim toClaim(Tx tx, ClaimRules.ValidClaim c, Plan plan, References refs) {
        Patient patient = refs.patient(c.patientFirstName(), c.patientLastName(), c.patientDob());
        Prescriber prescriber = refs.prescriber(c.prescriberNpi(), c.prescriberLastName());
        Drug drug = refs.drug(c);
        return new Claim(0, Uuids.timeOrdered(), c.rxNumber(), c.fillNumber(), c.dateOfService(), c.dateWritten(), "B1",
                patient.id(), plan.id(), c.bin(), c.pcn(), c.groupId(), c.cardholderId(), c.personCode(), c.relationshipCode(),
                prescriber.id(), drug.id(), c.ndc().billing(), c.quantity(), c.daysSupply(), c.daw(), c.sccCodes(),
                c.otherCoverageCode(), c.ingredientCostSubmitted(), c.dispensingFeeSubmitted(), c.usualAndCustomary(),
                c.grossAmountDue(), c.responseStatus(), c.rejectCodes(), c.authorizationNumber(), c.patientPay(),
                c.ingredientCostPaid(), c.dispensingFeePaid(), c.planPaid(), c.channel(),
                PatientPayAtCounter.allCollected(c.patientPay(), c.patientPaidAtPos()) && c.responseStatus().createsReceivable(),
                Lifecycle.ACTIVE, null, ClaimSource.CSV_IMPORT,
                // the file carries no adjudication time: the claim was adjudicated on its date of service
                c.dateOfService().atStartOfDay(ZoneOffset.UTC).toInstant(), tx.clock().instant(), tx.actor().user());
    }

    /** Finds or creates reference rows, remembering them for the rest of the file. */
    private static final class References {
        private final ReferenceRepository repo;
        private final Map<String, Plan> plans = new HashMap<>();
        private final Map<String, Patient> patients = new HashMap<>();
        private final Map<String, Prescriber> prescribers = new HashMap<>();
        private final Map<String, Drug> drugs = new HashMap<>();

        References(ReferenceRepository repo) {
            this.repo = repo;
        }

        Plan plan(String bin, String pcn, String group) {
            return plans.computeIfAbsent(bin + "|" + pcn + "|" + group, k -> repo.findPlan(bin, pcn, group).orElseGet(() -> {
                String payerName = "Payer BIN " + bin;
                Payer payer = repo.findPayerByName(payerName).orElseGet(() -> repo.insertPayer(payerName, null));
                String name = "BIN " + bin + (pcn.isEmpty() ? "" : " PCN " + pcn) + (group.isEmpty() ? "" : " group " + group);
                return repo.insertPlan(payer.id(), name, bin, pcn, group);
            }));
        }

        Patient patient(String first, String last, LocalDate dob) {
            return patients.computeIfAbsent(first + "|" + last + "|" + dob, k -> repo.findPatient(first, last, dob)
                    .orElseGet(() -> repo.insertPatient(first, last, dob, Patient.Gender.UNSPECIFIED)));
        }

        Prescriber prescriber(String npi, String lastName) {
            return prescribers.computeIfAbsent(npi, k -> repo.findPrescriberByNpi(npi)
                    .orElseGet(() -> repo.insertPrescriber(npi, null, lastName == null ? "UNKNOWN" : lastName, "")));
        }

        Drug drug(ClaimRules.ValidClaim c) {
            String ndc = c.ndc().billing();
            return drugs.computeIfAbsent(ndc, k -> repo.findDrugByNdc(ndc).orElseGet(() -> repo.insertDrug(
                    new Drug(0, ndc, c.ndc().nativeForm(), "NDC " + ndc, "", "", "", "EA", false))));
        }
    }
}
