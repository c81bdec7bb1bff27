package org.rxledger.core.office;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.rxledger.core.access.Permission;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.tx.Transactions;

/**
 * Office-wide settings every workstation obeys (issue 16 item 3): today the idle time after which a window locks.
 * A billing manager or an administrator ({@link Permission#SETTINGS_EDIT}) sets it; a workstation's own preference
 * can only make it shorter ({@link #effectiveLockMinutes}), so one desk cannot leave patient data on screen longer
 * than the office decided.
 */
public final class OfficeSettings {

    /** The setting's name, in the office_setting table and the workstation's preferences alike. */
    public static final String LOCK_AFTER_MINUTES = "session.lockAfterMinutes";
    /** Without an office setting: ten minutes (DOMAIN.md §9: 5 to 15). */
    public static final int DEFAULT_LOCK_MINUTES = 10;
    /** The longest an office may choose; "never" is not an office choice. */
    public static final int MAX_LOCK_MINUTES = 240;

    private final Transactions transactions;

    public OfficeSettings(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** The office's lock time in minutes ({@link #DEFAULT_LOCK_MINUTES} when nobody set one). */
    public int lockAfterMinutes() {
        return transactions.read(tx -> tx.port(ReferenceRepository.class).officeSetting(LOCK_AFTER_MINUTES))
                .map(Integer::parseInt).orElse(DEFAULT_LOCK_MINUTES);
    }

    /** Sets the office's lock time (1 to {@link #MAX_LOCK_MINUTES} minutes), audited. */
    public void setLockAfterMinutes(int minutes) {
        if (minutes < 1 || minutes > MAX_LOCK_MINUTES) {
            throw new RxLedgerException("SETTING_INVALID", "The office's lock time must be 1 to " + MAX_LOCK_MINUTES
                    + " minutes; " + minutes + " was given. Nothing was changed.");
        }
        transactions.inTransaction(Permission.SETTINGS_EDIT, "change the office's lock time", tx -> {
            tx.port(ReferenceRepository.class).putOfficeSetting(LOCK_AFTER_MINUTES, String.valueOf(minutes),
                    tx.clock().instant(), tx.actor().user());
            tx.port(AuditTrail.class).record("OFFICE_SETTING_CHANGED", "office_setting", LOCK_AFTER_MINUTES,
                    Map.of("value", minutes));
            return null;
        });
    }

    /**
     * What a workstation locks after: the office's time, or the workstation's preference when that is shorter
     * (a preference of 0, "never", or longer than the office's is overruled).
     */
    public static int effectiveLockMinutes(int office, OptionalInt workstation) {
        if (workstation.isPresent() && workstation.getAsInt() > 0 && workstation.getAsInt() < office) {
            return workstation.getAsInt();
        }
        return office;
    }
}
