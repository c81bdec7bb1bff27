package org.rxledger.core.security;

import org.rxledger.core.access.Session;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Permission;
import org.rxledger.core.access.PermissionDenied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.store.Database;
import org.rxledger.core.access.Actor;

/** Accounts, sign-in, lock-out and passwords on a real H2 with the real migrations (issue 16 item 1). */
class AccountServiceTest {

    /** A clock the test moves forward, to see a lock expire. */
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-03-20T15:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final Database db = Database.inMemory("accounts-" + UUID.randomUUID(), new Actor("os-user", "ws1"), clock);
    /** A low work factor keeps the test fast; the stored form carries it, so nothing else changes. */
    private final AccountService accounts = new AccountService(db.transactions(), new PasswordHasher(1_000));

    @AfterEach
    void close() {
        db.close();
    }

    private Session admin() {
        accounts.createFirstAdmin(new AccountService.NewAccount("alice", "Alice Admin", Set.of(Role.ADMIN),
                "correct horse".toCharArray()));
        return accounts.signIn("alice", "correct horse".toCharArray(), "ws1");
    }

    @Test
    void anOfficeWithoutAccountsActsAsItsOpenerUntilTheFirstAccountExists() {
        assertThat(accounts.sessionWithoutAccounts(new Actor("os-user", "ws1"))).hasValueSatisfying(s -> {
            assertThat(s.user()).isEqualTo("os-user");
            assertThat(s.may(Permission.UNPOST)).isTrue();
        });

        admin();

        assertThat(accounts.sessionWithoutAccounts(new Actor("os-user", "ws1"))).isEmpty();
    }

    @Test
    void theFirstAccountIsAnAdministratorAndOnlyTheFirst() {
        assertThat(accounts.anyAccount()).isFalse();
        assertThatThrownBy(() -> accounts.createFirstAdmin(new AccountService.NewAccount("bob", "Bob", Set.of(Role.CLERK),
                "longenough".toCharArray()))).hasMessageContaining("must be an administrator");

        Session alice = admin();

        assertThat(alice.roles()).containsExactly(Role.ADMIN);
        assertThat(alice.actor()).isEqualTo(new Actor("alice", "ws1"));
        assertThatThrownBy(() -> accounts.createFirstAdmin(new AccountService.NewAccount("eve", "Eve", Set.of(Role.ADMIN),
                "longenough".toCharArray()))).isInstanceOf(RxLedgerException.class).hasMessageContaining("already has accounts");
    }

    @Test
    void thePasswordIsStoredOnlyAsASaltedHash() {
        admin();
        String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM account WHERE name = 'alice'")
                .mapTo(String.class).one());

        assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain("correct horse");
        assertThat(new PasswordHasher(1_000).hash("correct horse".toCharArray())).isNotEqualTo(stored); // per-user salt
    }

    @Test
    void aWrongPasswordAndAnUnknownNameFailWithTheSameWordsAndAreAudited() {
        admin();

        RxLedgerException wrong = catchSignIn("alice", "wrong password");
        RxLedgerException unknown = catchSignIn("mallory", "whatever1");

        assertThat(wrong.code()).isEqualTo("SIGN_IN_FAILED");
        assertThat(wrong.getMessage()).isEqualTo(unknown.getMessage());
        assertThat(auditOf("alice"))
                .extracting(AuditRecord::action).contains(AccountService.AUDIT_SIGN_IN_FAILED);
        assertThat(auditOf("alice"))
                .allSatisfy(r -> assertThat(r.detail()).doesNotContain("wrong password").doesNotContain("pbkdf2"));
    }

    @Test
    void fiveFailuresLockTheAccountUntilTheLockEndsOrAnAdminUnlocksIt() {
        Session alice = admin();
        accounts.create(alice, new AccountService.NewAccount("bob", "Bob Clerk", Set.of(Role.CLERK), "bobs password".toCharArray()));

        for (int i = 0; i < AccountService.MAX_FAILURES; i++) {
            assertThat(catchSignIn("bob", "guess" + i).code()).isEqualTo("SIGN_IN_FAILED");
        }
        // even the right password is refused while locked
        RxLedgerException locked = catchSignIn("bob", "bobs password");
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(locked.getMessage()).contains("locked after 5 failed sign-ins until 15:15");

        now.set(now.get().plus(AccountService.FIRST_LOCK).plusSeconds(1));
        assertThat(accounts.signIn("bob", "bobs password".toCharArray(), "ws1").user()).isEqualTo("bob");

        for (int i = 0; i < AccountService.MAX_FAILURES; i++) {
            catchSignIn("bob", "guess" + i);
        }
        accounts.unlock(alice, "bob");
        assertThat(accounts.signIn("bob", "bobs password".toCharArray(), "ws1").user()).isEqualTo("bob");
    }

    @Test
    void aPasswordChangeNeedsTheCurrentOneAndAResetNeedsAnAdministrator() {
        Session alice = admin();
        accounts.create(alice, new AccountService.NewAccount("bob", "Bob", Set.of(Role.CLERK), "bobs password".toCharArray()));
        Session bob = accounts.signIn("bob", "bobs password".toCharArray(), "ws1");

        assertThat(catchCode(() -> accounts.changePassword(bob, "not it".toCharArray(), "new password 1".toCharArray())))
                .isEqualTo("PASSWORD_WRONG");
        assertThat(catchCode(() -> accounts.changePassword(bob, "bobs password".toCharArray(), "short".toCharArray())))
                .isEqualTo("PASSWORD_TOO_SHORT");
        accounts.changePassword(bob, "bobs password".toCharArray(), "new password 1".toCharArray());
        assertThat(catchSignIn("bob", "bobs password").code()).isEqualTo("SIGN_IN_FAILED");
        accounts.signIn("bob", "new password 1".toCharArray(), "ws1");

        PermissionDenied refused = (PermissionDenied) catchException(
                () -> accounts.resetPassword(bob, "alice", "taken over!".toCharArray()));
        assertThat(refused.permission()).isEqualTo(Permission.ACCOUNTS_MANAGE);
        assertThat(refused.getMessage()).contains("bob may not reset passwords").contains("'accounts-manage'")
                .contains("Nothing was changed");
        accounts.signIn("alice", "correct horse".toCharArray(), "ws1"); // alice's password unchanged
        assertThat(auditOf("bob"))
                .extracting(AuditRecord::action).contains(Authorizer.AUDIT_REFUSED);

        accounts.resetPassword(alice, "bob", "reset by alice".toCharArray());
        assertThat(accounts.signIn("bob", "reset by alice".toCharArray(), "ws1").user()).isEqualTo("bob");
    }

    @Test
    void aSwitchedOffAccountCannotSignInAndAnAdminCannotDemoteThemself() {
        Session alice = admin();
        accounts.create(alice, new AccountService.NewAccount("bob", "Bob", Set.of(Role.CLERK), "bobs password".toCharArray()));

        accounts.update(alice, "bob", null, EnumSet.of(Role.CLERK), false);

        assertThat(catchSignIn("bob", "bobs password").code()).isEqualTo("ACCOUNT_INACTIVE");
        assertThat(catchCode(() -> accounts.update(alice, "alice", null, EnumSet.of(Role.CLERK), true)))
                .isEqualTo("ACCOUNT_SELF_DEMOTION");
    }

    @Test
    void aHashWithAWeakerWorkFactorIsReplacedAtTheNextSignIn() {
        admin();
        String before = storedHash("alice");
        AccountService stronger = new AccountService(db.transactions(), new PasswordHasher(2_000));

        stronger.signIn("alice", "correct horse".toCharArray(), "ws1");

        assertThat(storedHash("alice")).isNotEqualTo(before).startsWith("pbkdf2-sha256$2000$");
        assertThat(before).startsWith("pbkdf2-sha256$1000$");
    }

    @Test
    void accountNamesAndRolesAreChecked() {
        Session alice = admin();
        assertThat(catchCode(() -> accounts.create(alice, new AccountService.NewAccount("Bad Name", "x", Set.of(Role.CLERK),
                "longenough".toCharArray())))).isEqualTo("ACCOUNT_NAME_INVALID");
        assertThat(catchCode(() -> accounts.create(alice, new AccountService.NewAccount("carol", "x", Set.of(),
                "longenough".toCharArray())))).isEqualTo("ACCOUNT_ROLES_MISSING");
        assertThat(catchCode(() -> accounts.create(alice, new AccountService.NewAccount("alice", "x", Set.of(Role.CLERK),
                "longenough".toCharArray())))).isEqualTo("ACCOUNT_EXISTS");
        assertThat(catchCode(() -> accounts.create(alice, new AccountService.NewAccount("carol", "x", Set.of(Role.CLERK),
                "aaaaaaaaaa".toCharArray())))).isEqualTo("PASSWORD_TOO_WEAK");
    }

    private java.util.List<AuditRecord> auditOf(String account) {
        return db.transactions().read(tx -> tx.port(AuditTrail.class).forEntity("account", account));
    }

    private String storedHash(String name) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM account WHERE name = :n").bind("n", name)
                .mapTo(String.class).one());
    }

    private RxLedgerException catchSignIn(String name, String password) {
        return catchException(() -> accounts.signIn(name, password.toCharArray(), "ws1"));
    }

    private static String catchCode(Runnable r) {
        return catchException(r).code();
    }

    private static RxLedgerException catchException(Runnable r) {
        try {
            r.run();
        } catch (RxLedgerException e) {
            return e;
        }
        throw new AssertionError("expected an RxLedgerException");
    }

}
