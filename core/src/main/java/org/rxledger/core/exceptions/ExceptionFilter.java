package org.rxledger.core.exceptions;

/**
 * Which items to show. Null fields do not filter.
 *
 * @param status null = open and resolved
 * @param owner  only items assigned to this user
 */
public record ExceptionFilter(ExceptionCategory category, String payer, ExceptionStatus status, String owner) {

    public static final ExceptionFilter OPEN = new ExceptionFilter(null, null, ExceptionStatus.OPEN, null);
    public static final ExceptionFilter ALL = new ExceptionFilter(null, null, null, null);

    public boolean test(ExceptionItem i) {
        return (category == null || i.category() == category)
                && (payer == null || payer.equalsIgnoreCase(i.payer()))
                && (status == null || i.status() == status)
                && (owner == null || owner.equalsIgnoreCase(i.owner() == null ? "" : i.owner()));
    }

    public ExceptionFilter withCategory(ExceptionCategory c) {
        return new ExceptionFilter(c, payer, status, owner);
    }
}
