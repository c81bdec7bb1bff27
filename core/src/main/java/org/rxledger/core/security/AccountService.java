package org.rxledger.core.security;

import org.rxledger.core.access.Session;
import org.rxledger.core.access.Role;
import org.rxledger.core.access.Permission;
import org.rxledger.core.access.Actor;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;

/**
 * Use cases of the office's accounts (issue 16 item 1): the first administrator of a new office,
 * accounts made by an administrator, sign-in with lock-out after repeated failures, password change
 * and reset. Every change is audited; no password or hash is ever logged or audited.
 */
public final class AccountService {

    /** Failed sign-ins in a row that lock an account. */
    public static final int MAX_FAILURES = 5;
    /** How long the first lock lasts; each further failure while counting doubles it (at most a day). */
    public static final Duration FIRST_LOCK = Duration.ofMinutes(15);
    public static final int MIN_PASSWORD_LENGTH = 8;

    public static final String AUDIT_SIGN_IN = "SIGN_IN";
    public static final String AUDIT_SIGN_IN_FAILED = "SIGN_IN_FAILED";
    public static final String AUDIT_ACCOUNT_LOCKED = "ACCOUNT_LOCKED";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Transactions transactions;
    private final PasswordHasher hasher;
    private final Authorizer authorizer;
    private final KeySlots keySlots;

    public AccountService(Transactions transactions, PasswordHasher hasher) {
        this(transactions, hasher, KeySlots.NONE);
    }

    /** @param keySlots the encrypted office's key file, told of every password set ({@link KeySlots#NONE} when clear) */
    public AccountService(Transactions transactions, PasswordHasher hasher, KeySlots keySlots) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.authorizer = new Authorizer(transactions);
        this.keySlots = Objects.requireNonNull(keySlots, "keySlots");
    }

    /** A command to create an account; validated on construction. */
    public record NewAccount(String name, String displayName, Set<Role> roles, char[] password) {
        public NewAccount {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new RxLedgerException("ACCOUNT_NAME_INVALID", "Account name '" + name + "' must be 2 to 60 "
                        + "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
            }
            displayName = displayName == null || displayName.isBlank() ? name : displayName.strip();
            if (roles == null || roles.isEmpty()) {
                throw new RxLedgerException("ACCOUNT_ROLES_MISSING", "Account '" + name + "' needs at least one role.");
            }
            Objects.requireNonNull(password, "password");
        }
    }

    /**
     * The session of an office that has no account yet (set up before accounts existed, or not set up): nobody
     * can sign in, so whoever opened it — the operating-system user — acts with every permission until the first
     * account exists (docs/adr/0020-sign-in-and-enforcement.md). Empty once any account exists.
     */
    public Optional<Session> sessionWithoutAccounts(Actor opener) {
        if (anyAccount()) {
            return Optional.empty();
        }
        return Optional.of(new Session(opener.user(), opener.user(), Set.of(Role.ADMIN), opener.workstation(),
                transactions.clock().instant()));
    }

    public boolean anyAccount() {
        return transactions.read(tx -> tx.port(AccountRepository.class).count() > 0);
    }

    /** A new office's first account, an administrator; refused once any account exists. */
    public Account createFirstAdmin(NewAccount command) {
        return transactions.inTransaction(tx -> createFirstAdmin(tx, command));
    }

    /** The same, inside a caller's transaction (setting up an office writes its identity with it). */
    public Account createFirstAdmin(Tx tx, NewAccount command) {
        if (!command.roles().contains(Role.ADMIN)) {
            throw new RxLedgerException("FIRST_ACCOUNT_NOT_ADMIN", "The first account of an office must be an administrator.");
        }
        checkStrength(command.password());
        if (tx.port(AccountRepository.class).count() > 0) {
            throw new RxLedgerException("OFFICE_HAS_ACCOUNTS",
                    "This office already has accounts; an administrator creates new ones.");
        }
        Account first = insert(tx, command, "first administrator");
        keySlots.passwordSet(first.name(), command.password());
        return first;
    }

    public Account create(Session by, NewAccount command) {
        authorizer.require(by, Permission.ACCOUNTS_MANAGE, "create accounts");
        checkStrength(command.password());
        Account created = transactions.inTransaction(tx -> insert(tx, command, by.user()));
        keySlots.passwordSet(created.name(), command.password());
        return created;
    }

    /**
     * The demo office's accounts (fictional data, password stated on its sign-in screen): no strength
     * check, created only into an office without accounts.
     */
    public void createDemoAccounts(List<NewAccount> accounts) {
        boolean created = transactions.inTransaction(tx -> {
            if (tx.port(AccountRepository.class).count() == 0) {
                accounts.forEach(a -> insert(tx, a, "demo office"));
                return true;
            }
            return false;
        });
        if (created) {
            accounts.forEach(a -> keySlots.passwordSet(a.name(), a.password()));
        }
    }

    /**
     * Signs a person in at a workstation.
     *
     * @throws RxLedgerException {@code SIGN_IN_FAILED} (unknown name or wrong password: the same
     *     words for both), {@code ACCOUNT_LOCKED} or {@code ACCOUNT_INACTIVE}
     */
    public Session signIn(String name, char[] password, String workstation) {
        Instant now = transactions.clock().instant();
        Optional<Account> found = transactions.read(tx -> tx.port(AccountRepository.class).find(normalise(name)));
        if (found.isEmpty()) {
            hasher.hash(password); // the same work as a real check, so timing does not tell which names exist
            audit(AUDIT_SIGN_IN_FAILED, normalise(name), Map.of("workstation", workstation, "reason", "unknown account"));
            throw failed();
        }
        Account account = found.get();
        if (account.lockedAt(now)) {
            throw new RxLedgerException("ACCOUNT_LOCKED", "Account '" + account.name() + "' is locked after "
                    + account.failedAttempts() + " failed sign-ins until " + TIME.format(account.lockedUntil()
                    .atZone(transactions.clock().getZone())) + "; an administrator can unlock it sooner.");
        }
        if (!hasher.matches(password, account.passwordHash())) {
            int failures = account.failedAttempts() + 1;
            Instant lockedUntil = failures >= MAX_FAILURES ? now.plus(lockFor(failures)) : null;
            transactions.inTransaction(tx -> {
                tx.port(AccountRepository.class).recordFailure(account.name(), failures, lockedUntil);
                tx.port(AuditTrail.class).record(lockedUntil == null ? AUDIT_SIGN_IN_FAILED : AUDIT_ACCOUNT_LOCKED, "account",
                        account.name(), Map.of("workstation", workstation, "failures", failures));
                return null;
            });
            throw failed();
        }
        if (!account.active()) {
            audit(AUDIT_SIGN_IN_FAILED, account.name(), Map.of("workstation", workstation, "reason", "inactive"));
            throw new RxLedgerException("ACCOUNT_INACTIVE", "Account '" + account.name() + "' is switched off; "
                    + "ask an administrator.");
        }
        transactions.inTransaction(tx -> {
            tx.port(AccountRepository.class).clearFailures(account.name());
            if (hasher.needsRehash(account.passwordHash())) {
                tx.port(AccountRepository.class).updatePassword(account.name(), hasher.hash(password), account.passwordChangedAt());
            }
            tx.port(AuditTrail.class).record(AUDIT_SIGN_IN, "account", account.name(), Map.of("workstation", workstation));
            return null;
        });
        keySlots.signedIn(account.name(), password);
        return new Session(account.name(), account.displayName(), account.roles(), workstation, now);
    }

    public void changePassword(Session session, char[] current, char[] replacement) {
        Account account = transactions.read(tx -> tx.port(AccountRepository.class).find(session.user())).orElseThrow(
                () -> new RxLedgerException("ACCOUNT_UNKNOWN", "Account '" + session.user() + "' no longer exists."));
        if (!hasher.matches(current, account.passwordHash())) {
            throw new RxLedgerException("PASSWORD_WRONG", "The current password is not right; the password was not changed.");
        }
        checkStrength(replacement);
        transactions.inTransaction(tx -> {
            tx.port(AccountRepository.class).updatePassword(account.name(), hasher.hash(replacement), tx.clock().instant());
            tx.port(AuditTrail.class).record("PASSWORD_CHANGED", "account", account.name(), Map.of("by", session.user()));
            return null;
        });
        keySlots.passwordSet(account.name(), replacement);
    }

    public void resetPassword(Session by, String name, char[] replacement) {
        authorizer.require(by, Permission.ACCOUNTS_MANAGE, "reset passwords");
        checkStrength(replacement);
        String reset = transactions.inTransaction(tx -> {
            Account account = existing(tx, name);
            tx.port(AccountRepository.class).updatePassword(account.name(), hasher.hash(replacement), tx.clock().instant());
            tx.port(AccountRepository.class).clearFailures(account.name());
            tx.port(AuditTrail.class).record("PASSWORD_RESET", "account", account.name(), Map.of("by", by.user()));
            return account.name();
        });
        keySlots.passwordSet(reset, replacement);
    }

    public void unlock(Session by, String name) {
        authorizer.require(by, Permission.ACCOUNTS_MANAGE, "unlock accounts");
        transactions.inTransaction(tx -> {
            Account account = existing(tx, name);
            tx.port(AccountRepository.class).clearFailures(account.name());
            tx.port(AuditTrail.class).record("ACCOUNT_UNLOCKED", "account", account.name(), Map.of("by", by.user()));
            return null;
        });
    }

    public void update(Session by, String name, String displayName, Set<Role> roles, boolean active) {
        authorizer.require(by, Permission.ACCOUNTS_MANAGE, "change accounts");
        if (roles.isEmpty()) {
            throw new RxLedgerException("ACCOUNT_ROLES_MISSING", "Account '" + name + "' needs at least one role.");
        }
        String changed = transactions.inTransaction(tx -> {
            Account account = existing(tx, name);
            if (account.name().equals(by.user()) && (!active || !roles.contains(Role.ADMIN))
                    && account.roles().contains(Role.ADMIN)) {
                throw new RxLedgerException("ACCOUNT_SELF_DEMOTION", "An administrator cannot switch off or demote "
                        + "their own account; another administrator can.");
            }
            tx.port(AccountRepository.class).updateRolesAndStatus(account.name(), displayName == null ? account.displayName() : displayName,
                    roles, active);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("by", by.user());
            detail.put("roles", roles.toString());
            detail.put("active", active);
            tx.port(AuditTrail.class).record("ACCOUNT_CHANGED", "account", account.name(), detail);
            return account.name();
        });
        if (!active) {
            keySlots.removed(changed); // a switched-off account can no longer open the encrypted file
        }
    }

    public List<Account> list() {
        return transactions.read(tx -> tx.port(AccountRepository.class).all());
    }

    private Account insert(Tx tx, NewAccount command, String by) {
        if (tx.port(AccountRepository.class).find(command.name()).isPresent()) {
            throw new RxLedgerException("ACCOUNT_EXISTS", "An account named '" + command.name() + "' already exists.");
        }
        Instant now = tx.clock().instant();
        Account account = new Account(command.name(), command.displayName(), command.roles(), true,
                hasher.hash(command.password()), 0, null, now);
        tx.port(AccountRepository.class).insert(account, now);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("by", by);
        detail.put("roles", command.roles().toString());
        tx.port(AuditTrail.class).record("ACCOUNT_CREATED", "account", account.name(), detail);
        return account;
    }

    private static Account existing(Tx tx, String name) {
        return tx.port(AccountRepository.class).find(normalise(name)).orElseThrow(
                () -> new RxLedgerException("ACCOUNT_UNKNOWN", "There is no account named '" + name + "'."));
    }

    private static Duration lockFor(int failures) {
        Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(failures - MAX_FAILURES, 6));
        return lock.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : lock;
    }

    private static void checkStrength(char[] password) {
        if (password.length < MIN_PASSWORD_LENGTH) {
            throw new RxLedgerException("PASSWORD_TOO_SHORT", "A password needs at least " + MIN_PASSWORD_LENGTH
                    + " characters.");
        }
        if (new String(password).isBlank() || new String(password).chars().distinct().count() == 1) {
            throw new RxLedgerException("PASSWORD_TOO_WEAK", "That password is too easy to guess; choose another.");
        }
    }

    private void audit(String action, String name, Map<String, ?> detail) {
        transactions.inTransaction(tx -> {
            tx.port(AuditTrail.class).record(action, "account", name, detail);
            return null;
        });
    }

    private static RxLedgerException failed() {
        return new RxLedgerException("SIGN_IN_FAILED", "The account name or the password is not right.");
    }

    private static String normalise(String name) {
        return name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
