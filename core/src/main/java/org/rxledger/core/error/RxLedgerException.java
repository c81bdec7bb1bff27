package org.rxledger.core.error;

import java.util.Objects;

/**
 * The domain's one exception type (issue 15 item 7): a refusal or failure a person must read,
 * with a stable {@link #code()} for scripts and tests and a {@link #getMessage() message} written
 * for a billing clerk — never containing patient data. The boundaries translate it: the workstation
 * shows the message in a notice, the command line prints it and exits 1; the stack trace goes to
 * the log only.
 */
public class RxLedgerException extends RuntimeException {

    private final String code;

    public RxLedgerException(String code, String clerkMessage) {
        super(Objects.requireNonNull(clerkMessage, "clerkMessage"));
        this.code = Objects.requireNonNull(code, "code");
    }

    public RxLedgerException(String code, String clerkMessage, Throwable cause) {
        super(Objects.requireNonNull(clerkMessage, "clerkMessage"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Stable, upper-case, e.g. {@code PERMISSION_DENIED}, {@code SIGN_IN_FAILED}. */
    public String code() {
        return code;
    }
}
