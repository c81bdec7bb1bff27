package org.rxledger.core.collections;

/**
 * Where a statement stands in the dunning cycle (DOMAIN.md §6.1) and the message it prints: statement 1, statement
 * 2, "past due" for the ones between, and the final notice ({@link CollectionSettings#finalNoticeNumber()}).
 */
public enum DunningStep {
    STATEMENT_1("Statement", "Thank you for choosing our pharmacy. This is your statement for the prescriptions listed "
            + "below. Please pay the amount due, or call us if you have a question about it."),
    STATEMENT_2("Second statement", "Our records show the balance below is still open. Please pay the amount due "
            + "within 30 days, or call us to discuss it."),
    PAST_DUE("Past due", "PAST DUE. Your balance is more than 60 days old. Please pay the amount due now, or call us "
            + "to set up a payment plan."),
    FINAL_NOTICE("Final notice", "FINAL NOTICE. Your balance remains unpaid after several statements. Unless we hear "
            + "from you within 30 days, the account will be reviewed for further collection action. Call us to pay or "
            + "to arrange a payment plan.");

    private final String title;
    private final String message;

    DunningStep(String title, String message) {
        this.title = title;
        this.message = message;
    }

    public String title() {
        return title;
    }

    public String message() {
        return message;
    }

    /** The step of statement {@code number} in a cycle whose final notice is statement {@code finalNotice}. */
    public static DunningStep of(int number, int finalNotice) {
        if (number >= finalNotice) {
            return FINAL_NOTICE;
        }
        return number <= 1 ? STATEMENT_1 : number == 2 ? STATEMENT_2 : PAST_DUE;
    }
}
