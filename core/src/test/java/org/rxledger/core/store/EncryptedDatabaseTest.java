package org.rxledger.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Session;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.remit.Samples;
import org.rxledger.core.security.AccountService;
import org.rxledger.core.security.DataKey;
import org.rxledger.core.security.OfficeKeys;
import org.rxledger.core.security.PasswordHasher;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

/**
 * Encryption at rest on a real file database with the real migrations (docs/adr/0024-encryption-at-rest.md): the
 * file holds no patient name or cardholder id in clear, only an account's password opens it, a password change
 * re-wraps one slot, and a clear-text office is encrypted without losing a row (or not at all).
 */
class EncryptedDatabaseTest {

    /** TestOffice's patient and ClaimBuilder's cardholder id. */
    private static final String PATIENT = "TESTPATIENT";
    private static final String CARDHOLDER = "ZQX00012345";
    private static final int FAST = 1_000;
    private static final char[] ADMIN_PASSWORD = "correct horse".toCharArray();

    @TempDir
    Path data;

    private OfficeKeys keys() {
        return new OfficeKeys(data, FAST);
    }

    private AccountService accounts(Database db) {
        return new AccountService(db.transactions(), new PasswordHasher(FAST), db.keySlots());
    }

    /** A patient, a paid claim and the sample 835 posted: rows in the ledger, journal and audit trail. */
    private void useTheBooks(Database db) throws IOException {
        TestOffice office = TestOffice.create(db.transactions());
        db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).build(),
                office.payer().id()));
        Path file = Files.createTempFile("sample", ".835");
        Files.write(file, Samples.bytes(Samples.SAMPLE_835));
        ImportOutcome outcome = new RemittanceImportService(db.transactions(), data.resolve("remittances"),
                new MatchAndPostStep()).importFile(file, ProgressListener.NONE, () -> false);
        Files.delete(file);
        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
    }

    private void createAdmin(Database db, String name) {
        accounts(db).createFirstAdmin(new AccountService.NewAccount(name, null, Set.of(Role.ADMIN), ADMIN_PASSWORD.clone()));
    }

    private static long count(Database db, String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    private boolean databaseFileContains(String text) throws IOException {
        byte[] file = Files.readAllBytes(data.resolve(Database.FILE_NAME + ".mv.db"));
        String latin = new String(file, StandardCharsets.ISO_8859_1);
        return latin.contains(text) || new String(file, StandardCharsets.UTF_16BE).contains(text)
                || new String(file, StandardCharsets.UTF_16LE).contains(text);
    }

    @Test
    void aNewOfficesFileHoldsNoPatientNameOrCardholderIdInClear() throws IOException {
        DataKey key = keys().createForNewOffice(false);
        try (Database db = TestDatabases.open(data)) { // no account yet: the unclaimed key opens it
            useTheBooks(db);
            createAdmin(db, "admin");
        }
        assertThat(databaseFileContains(PATIENT)).isFalse();
        assertThat(databaseFileContains(CARDHOLDER)).isFalse();
        String keyFile = Files.readString(data.resolve(OfficeKeys.FILE_NAME));
        assertThat(keyFile).doesNotContain(key.filePassword()).contains("\"admin\"");
        assertThat(keys().unclaimed()).isEmpty();

        DataKey unwrapped = keys().unlock("admin", ADMIN_PASSWORD.clone());
        assertThat(unwrapped).isEqualTo(key);
        try (Database db = Database.open(data, TestDatabases.CLERK, TestDatabases.CLOCK, "test", unwrapped)) {
            assertThat(count(db, "ledger_entry")).isPositive();
            assertThat(accounts(db).signIn("admin", ADMIN_PASSWORD.clone(), "ws").user()).isEqualTo("admin");
        }
    }

    @Test
    void aWrongPasswordOrKeyCannotOpenTheFile() {
        keys().createForNewOffice(false);
        try (Database db = TestDatabases.open(data)) {
            createAdmin(db, "admin");
        }
        assertThatThrownBy(() -> keys().unlock("admin", "wrong password".toCharArray()))
                .isInstanceOfSatisfying(RxLedgerException.class, e -> assertThat(e.code()).isEqualTo("SIGN_IN_FAILED"));
        assertThatThrownBy(() -> keys().unlock("nobody", ADMIN_PASSWORD.clone()))
                .isInstanceOfSatisfying(RxLedgerException.class, e -> assertThat(e.code()).isEqualTo("NO_KEY_SLOT"));
        assertThatThrownBy(() -> Database.open(data, TestDatabases.CLERK, TestDatabases.CLOCK))
                .isInstanceOfSatisfying(RxLedgerException.class, e -> {
                    assertThat(e.code()).isEqualTo("OFFICE_ENCRYPTED");
                    assertThat(e.getMessage()).contains("--user NAME");
                });
        assertThatThrownBy(() -> Database.open(data, TestDatabases.CLERK, TestDatabases.CLOCK, "test", DataKey.random()))
                .isInstanceOfSatisfying(RxLedgerException.class, e -> {
                    assertThat(e.code()).isEqualTo("DATABASE_KEY_WRONG");
                    assertThat(e.getMessage()).contains(OfficeKeys.FILE_NAME);
                });
        // the refused opens released the folder: the right key still opens it
        try (Database db = Database.open(data, TestDatabases.CLERK, TestDatabases.CLOCK, "test",
                keys().unlock("admin", ADMIN_PASSWORD.clone()))) {
            assertThat(db.keySlots()).isNotSameAs(org.rxledger.core.security.KeySlots.NONE);
        }
    }

    @Test
    void aPasswordChangeRewrapsThatAccountsSlotOnlyAndASwitchedOffAccountLosesIts() {
        keys().createForNewOffice(false);
        try (Database db = TestDatabases.open(data)) {
            createAdmin(db, "admin");
            Session admin = accounts(db).signIn("admin", ADMIN_PASSWORD.clone(), "ws");
            accounts(db).create(admin, new AccountService.NewAccount("clerk", null, Set.of(Role.CLERK),
                    "clerk password".toCharArray()));
            accounts(db).create(admin, new AccountService.NewAccount("temp", null, Set.of(Role.CLERK),
                    "temp password".toCharArray()));
            String adminSlot = slotOf("admin");
            Session clerk = accounts(db).signIn("clerk", "clerk password".toCharArray(), "ws");
            accounts(db).changePassword(clerk, "clerk password".toCharArray(), "new clerk password".toCharArray());
            assertThat(slotOf("admin")).isEqualTo(adminSlot);
            accounts(db).update(admin, "temp", null, Set.of(Role.CLERK), false);
        }
        assertThatThrownBy(() -> keys().unlock("clerk", "clerk password".toCharArray())).isInstanceOf(RxLedgerException.class);
        DataKey byClerk = keys().unlock("clerk", "new clerk password".toCharArray());
        assertThat(keys().unlock("admin", ADMIN_PASSWORD.clone())).isEqualTo(byClerk);
        assertThat(keys().hasSlot("temp")).isFalse();
    }

    private String slotOf(String account) {
        try {
            String json = Files.readString(data.resolve(OfficeKeys.FILE_NAME));
            int at = json.indexOf("\"" + account + "\"");
            return json.substring(at, json.indexOf('}', at));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aClearOfficeIsEncryptedWithEveryRowAndTheLedgerSumsIdentical() throws IOException {
        DatabaseEncryption.Census before;
        try (Database db = TestDatabases.open(data)) {
            useTheBooks(db);
            createAdmin(db, "admin");
        }
        assertThat(databaseFileContains(PATIENT)).as("the scan finds a clear-text name").isTrue();
        try (Database db = Database.open(data, TestDatabases.CLERK, TestDatabases.CLOCK)) {
            before = DatabaseEncryption.census(db.ownerJdbi());
        }

        DatabaseEncryption.Result result = DatabaseEncryption.encrypt(keys(), TestDatabases.CLERK, TestDatabases.CLOCK,
                "admin", ADMIN_PASSWORD.clone());

        assertThat(databaseFileContains(PATIENT)).isFalse();
        assertThat(databaseFileContains(CARDHOLDER)).isFalse();
        assertThat(Files.exists(result.backup().resolve(Database.FILE_NAME + ".mv.db"))).isTrue();
        assertThat(result.rows()).isGreaterThan(before.rows()); // and the audit record of the encryption itself
        try (Database db = Database.open(data, TestDatabases.CLERK, TestDatabases.CLOCK, "test",
                keys().unlock("admin", ADMIN_PASSWORD.clone()))) {
            DatabaseEncryption.Census after = DatabaseEncryption.census(db.ownerJdbi());
            assertThat(after.ledgerSums()).isEqualTo(before.ledgerSums()).isNotEmpty();
            before.counts().forEach((table, rows) -> {
                if (!table.equals("AUDIT_RECORD")) {
                    assertThat(after.counts().get(table)).as(table).isEqualTo(rows);
                }
            });
            assertThat(after.counts().get("AUDIT_RECORD")).isGreaterThan(before.counts().get("AUDIT_RECORD"));
        }
    }

    @Test
    void aRefusedEncryptionChangesNothing() throws IOException {
        try (Database db = TestDatabases.open(data)) {
            useTheBooks(db);
            createAdmin(db, "admin");
            Session admin = accounts(db).signIn("admin", ADMIN_PASSWORD.clone(), "ws");
            accounts(db).create(admin, new AccountService.NewAccount("clerk", null, Set.of(Role.CLERK),
                    "clerk password".toCharArray()));
        }
        assertThatThrownBy(() -> DatabaseEncryption.encrypt(keys(), TestDatabases.CLERK, TestDatabases.CLOCK, "clerk",
                "clerk password".toCharArray()))
                .isInstanceOfSatisfying(RxLedgerException.class, e -> assertThat(e.getMessage()).contains("ACCOUNTS_MANAGE"));
        assertThat(OfficeKeys.isEncrypted(data)).isFalse();
        assertThat(databaseFileContains(PATIENT)).isTrue();
        try (Database db = Database.open(data, TestDatabases.CLERK, TestDatabases.CLOCK)) {
            assertThat(count(db, "claim")).isEqualTo(1L);
        }
    }
}
