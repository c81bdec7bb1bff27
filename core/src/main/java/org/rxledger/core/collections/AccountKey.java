package org.rxledger.core.collections;

import java.util.regex.Pattern;
import org.rxledger.core.error.RxLedgerException;

/**
 * Names a patient account: {@code P12} is patient 12's own account, {@code H:MAPLE-LTC} the house-charge
 * account MAPLE-LTC (an LTC facility or a family billed for several patients). A key holds no patient data, so it
 * may appear in logs, the journal and the audit trail.
 */
public final class AccountKey {

    private static final Pattern PATIENT = Pattern.compile("P[1-9][0-9]{0,17}");
    private static final Pattern CHARGE_CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,39}");

    private AccountKey() {
    }

    public static String patient(long patientId) {
        return "P" + patientId;
    }

    public static String house(String chargeAccount) {
        return "H:" + chargeCode(chargeAccount);
    }

    /** A charge-account code as typed (trimmed, upper-case), or the reason it cannot be one. */
    public static String chargeCode(String text) {
        String code = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        if (!CHARGE_CODE.matcher(code).matches()) {
            throw new RxLedgerException("ACCOUNT_KEY_INVALID", "'" + (text == null ? "" : text.strip()) + "' is not a charge account code "
                    + "(expected 1 to 40 letters, digits, '.', '_' or '-', e.g. MAPLE-LTC)");
        }
        return code;
    }

    /** Checks a key typed by a person. */
    public static String parse(String text) {
        String key = text == null ? "" : text.strip();
        if (key.startsWith("H:") || key.startsWith("h:")) {
            return house(key.substring(2));
        }
        String upper = key.toUpperCase(java.util.Locale.ROOT);
        if (!PATIENT.matcher(upper).matches()) {
            throw new RxLedgerException("ACCOUNT_KEY_INVALID", "'" + key + "' is not an account: expected P followed by "
                    + "the patient id (e.g. P12) or H: followed by a charge account code (e.g. H:MAPLE-LTC).");
        }
        return upper;
    }

    public static boolean isHouse(String key) {
        return key.startsWith("H:");
    }
}
