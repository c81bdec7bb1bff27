package org.rxledger.core.store;

/**
 * Which payments are MFP refunds (docs/adr/0023): the payer's directory payer is marked as an MFP refund payer (the
 * MTF, or a manufacturer paying directly). The plans' queues ({@code remit unmatched}, the exceptions queue) leave
 * them out, because an MTF claim payment never matches the plan's claim; the MFP refunds tab works them instead.
 */
final class MfpSql {

    /** The directory payers whose latest row says their 835s are MFP refunds. */
    static final String REFUND_PAYERS = """
            SELECT r.payer_id FROM mfp_refund_payer r
            WHERE r.active AND r.id = (SELECT MAX(r2.id) FROM mfp_refund_payer r2 WHERE r2.payer_id = r.payer_id)""";

    private MfpSql() {
    }

    /** True for the payment aliased {@code p} unless it is an MFP refund (a payment outside the directory is not). */
    static String notRefundPayment(String p) {
        return "COALESCE(" + PayerSql.paymentPayerId(p) + ", -1) NOT IN (" + REFUND_PAYERS + ")";
    }
}
