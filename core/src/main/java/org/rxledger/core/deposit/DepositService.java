package org.rxledger.core.deposit;

import org.rxledger.core.error.RxLedgerException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rxledger.core.money.Money;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.access.Permission;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;

/**
 * Deposit use cases: enter one, import a bank CSV (all rows or none), void one with a reason, and
 * pair deposits with 835 payments. Each write adds a journal event and an audit record in its transaction.
 *
 * <p>CSV columns (header row required, any order, unknown columns ignored): {@code deposit_date}
 * (YYYY-MM-DD), {@code amount}, {@code trace_number}, and optionally {@code method} (ACH/EFT, CHK/CHECK,
 * FWT/WIRE, BOP; default ACH), {@code bank_reference}, {@code note}. A row equal to a stored deposit (same
 * date, trace and amount) or to an earlier row of the same file is skipped and counted, so re-importing a
 * statement adds nothing.
 */
public final class DepositService {

    public static final String EVENT_RECORDED = "deposit.recorded";
    public static final String EVENT_IMPORTED = "deposit.imported";
    public static final String EVENT_VOIDED = "deposit.voided";
    public static final String SOURCE_MANUAL = "MANUAL";

    static final List<String> REQUIRED = List.of("deposit_date", "amount", "trace_number");

    private final Transactions transactions;

    public DepositService(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** Records one deposit a clerk typed in; refuses an exact repeat of a stored one. */
    public Deposit record(NewDeposit deposit) {
        return transactions.inTransaction(Permission.DEPOSIT_RECORD, "record a deposit", tx -> {
            if (deposit.depositDate().isAfter(LocalDate.now(tx.clock()))) {
                throw RxLedgerException.invalid("The deposit date " + deposit.depositDate() + " is in the future");
            }
            if (tx.port(DepositRepository.class).existsActive(deposit)) {
                throw RxLedgerException.refused("A deposit of " + deposit.amount() + " with trace " + deposit.traceNumber()
                        + " on " + deposit.depositDate() + " is already recorded");
            }
            long id = tx.port(DepositRepository.class).insert(deposit, SOURCE_MANUAL);
            Map<String, Object> payload = payload(id, deposit);
            tx.port(Journal.class).append(EVENT_RECORDED, payload);
            tx.port(AuditTrail.class).record("DEPOSIT_RECORDED", "deposit", String.valueOf(id), payload);
            return tx.port(DepositRepository.class).find(id).orElseThrow();
        });
    }

    /** Voids a deposit entered by mistake; the row stays, marked void with the reason. */
    public Deposit voidDeposit(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw RxLedgerException.invalid("Say why the deposit is voided");
        }
        return transactions.inTransaction(Permission.DEPOSIT_RECORD, "void a deposit", tx -> {
            Deposit d = tx.port(DepositRepository.class).find(id)
                    .orElseThrow(() -> RxLedgerException.notFound("There is no deposit " + id));
            if (d.voided()) {
                throw RxLedgerException.refused("Deposit " + id + " is already void (" + d.voidReason() + ")");
            }
            tx.port(DepositRepository.class).insertVoid(id, reason.trim());
            Map<String, Object> payload = Map.of("deposit_id", id, "reason", reason.trim());
            tx.port(Journal.class).append(EVENT_VOIDED, payload);
            tx.port(AuditTrail.class).record("DEPOSIT_VOIDED", "deposit", String.valueOf(id), payload);
            return tx.port(DepositRepository.class).find(id).orElseThrow();
        });
    }

    public List<Deposit> deposits() {
        return transactions.read(tx -> tx.port(DepositRepository.class).all());
    }

    /** Pairs every imported payment with every deposit that is not void. */
    public DepositPairing pairing() {
        return transactions.read(tx -> {
            DepositRepository deposits = tx.port(DepositRepository.class);
            return DepositPairing.of(deposits.payments(), deposits.all());
        });
    }

    /** Imports a bank-statement CSV: every row is checked first; any error → nothing is written. */
    public DepositImportResult importCsv(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<DepositImportError> errors = new ArrayList<>();
        List<NewDeposit> rows = new ArrayList<>();
        LocalDate today = LocalDate.now(transactions.clock());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parse(name, reader, today, rows, errors);
        }
        if (!errors.isEmpty()) {
            return new DepositImportResult(0, 0, errors);
        }
        return transactions.inTransaction(Permission.DEPOSIT_RECORD, "import a bank statement", tx -> store(tx, name, rows));
    }

    private static DepositImportResult store(Tx tx, String name, List<NewDeposit> rows) {
        Set<NewDeposit> seen = new HashSet<>();
        int imported = 0;
        int skipped = 0;
        List<Long> ids = new ArrayList<>();
        for (NewDeposit d : rows) {
            if (!seen.add(d) || tx.port(DepositRepository.class).existsActive(d)) {
                skipped++;
                continue;
            }
            ids.add(tx.port(DepositRepository.class).insert(d, name));
            imported++;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("file", name);
        payload.put("imported", imported);
        payload.put("skipped_duplicates", skipped);
        payload.put("deposit_ids", ids);
        tx.port(Journal.class).append(EVENT_IMPORTED, payload);
        tx.port(AuditTrail.class).record("DEPOSITS_IMPORTED", "deposit_file", name, payload);
        return new DepositImportResult(imported, skipped, List.of());
    }

    static void parse(String name, Reader reader, LocalDate today, List<NewDeposit> rows, List<DepositImportError> errors)
            throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = format.parse(reader)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                errors.add(new DepositImportError(name, 1, null, "the file is empty; expected a header row with "
                        + String.join(", ", REQUIRED)));
                return;
            }
            Map<String, Integer> column = new LinkedHashMap<>();
            CSVRecord header = records.get(0);
            for (int i = 0; i < header.size(); i++) {
                column.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT).replace(' ', '_'), i);
            }
            List<String> missing = REQUIRED.stream().filter(c -> !column.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                errors.add(new DepositImportError(name, 1, null, "the header row lacks " + String.join(", ", missing)
                        + " (found: " + String.join(", ", column.keySet()) + ")"));
                return;
            }
            for (CSVRecord r : records.subList(1, records.size())) {
                long line = r.getRecordNumber();
                Row row = new Row(name, line, r, column, today, errors);
                LocalDate date = row.date("deposit_date");
                Money amount = row.amount("amount");
                String trace = row.required("trace_number");
                DepositMethod method = row.method("method");
                if (date != null && amount != null && trace != null && method != null) {
                    rows.add(new NewDeposit(date, amount, trace, method, row.optional("bank_reference"), row.optional("note")));
                }
            }
        }
    }

    private static Map<String, Object> payload(long id, NewDeposit d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("deposit_id", id);
        p.put("deposit_date", d.depositDate().toString());
        p.put("amount", d.amount().toString());
        p.put("trace_number", d.traceNumber());
        p.put("method", d.method().name());
        return p;
    }

    /** One CSV record's cells, each checked with its error naming the line and column. */
    private record Row(String file, long line, CSVRecord record, Map<String, Integer> column, LocalDate today,
                       List<DepositImportError> errors) {

        String optional(String name) {
            Integer i = column.get(name);
            if (i == null || i >= record.size()) {
                return null;
            }
            String v = record.get(i);
            return v.isBlank() ? null : v;
        }

        String required(String name) {
            String v = optional(name);
            if (v == null) {
                errors.add(new DepositImportError(file, line, name, "is empty"));
            }
            return v;
        }

        LocalDate date(String name) {
            String v = required(name);
            if (v == null) {
                return null;
            }
            try {
                LocalDate date = LocalDate.parse(v);
                if (date.isAfter(today)) {
                    errors.add(new DepositImportError(file, line, name, v + " is in the future"));
                    return null;
                }
                return date;
            } catch (DateTimeParseException e) {
                errors.add(new DepositImportError(file, line, name, "'" + v + "' is not a date (expected YYYY-MM-DD)"));
                return null;
            }
        }

        Money amount(String name) {
            String v = required(name);
            if (v == null) {
                return null;
            }
            try {
                Money m = Money.parse(v);
                if (!m.isPositive()) {
                    errors.add(new DepositImportError(file, line, name, "'" + v + "' must be more than zero"));
                    return null;
                }
                return m;
            } catch (IllegalArgumentException e) {
                errors.add(new DepositImportError(file, line, name, e.getMessage()));
                return null;
            }
        }

        DepositMethod method(String name) {
            String v = optional(name);
            if (v == null) {
                return DepositMethod.ACH;
            }
            try {
                return DepositMethod.parse(v);
            } catch (IllegalArgumentException e) {
                errors.add(new DepositImportError(file, line, name, e.getMessage()));
                return null;
            }
        }
    }
}
