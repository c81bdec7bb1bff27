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

    public static final String INVALID = "INVALID";
    public static final String REFUSED = "REFUSED";
    public static final String NOT_FOUND = "NOT_FOUND";

    private final String code;

    public RxLedgerException(String code, String clerkMessage) {
        super(Objects.requireNonNull(clerkMessage, "clerkMessage"));
        this.code = Objects.requireNonNull(code, "code");
    }

    public RxLedgerException(String code, String clerkMessage, Throwable cause) {
        super(Objects.requireNonNull(clerkMessage, "clerkMessage"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** A value the person gave cannot be used (code {@code INVALID}); they correct it and try again. */
    public static RxLedgerException invalid(String clerkMessage) {
        return new RxLedgerException(INVALID, clerkMessage);
    }

    /** The records are not in a state that allows this (code {@code REFUSED}); nothing was changed. */
    public static RxLedgerException refused(String clerkMessage) {
        return new RxLedgerException(REFUSED, clerkMessage);
    }

    /** What the person named does not exist (any more) (code {@code NOT_FOUND}), e.g. a list shown before a change. */
    public static RxLedgerException notFound(String clerkMessage) {
        return new RxLedgerException(NOT_FOUND, clerkMessage);
    }

    /** Stable, upper-case, e.g. {@code PERMISSION_DENIED}, {@code SIGN_IN_FAILED}. */
    public String code() {
        return code;
    }
}
