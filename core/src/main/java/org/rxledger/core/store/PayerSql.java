package org.rxledger.core.store;

/**
 * The payer directory's resolution ({@link org.rxledger.core.payer.PayerDirectory}) as SQL, for set-based reads
 * that group or show by payer: a claim by its most specific routing (BIN+PCN+group over BIN+PCN over BIN), a
 * stored payment by its identifier (TRN03 or N104 / REF*2U), then its N1*PR name. Where the directory does not
 * know the payer, the caller's fallback shows (the reference payer, or the name as sent), as before the directory.
 */
final class PayerSql {

    private PayerSql() {
    }

    /** The directory payer's name of the claim aliased {@code c}, else {@code fallback}. */
    static String claimPayer(String c, String fallback) {
        return """
                COALESCE((SELECT dp.name FROM directory_routing r JOIN directory_payer dp ON dp.id = r.payer_id
                          WHERE r.bin = %1$s.bin AND (r.pcn = '' OR r.pcn = UPPER(%1$s.pcn))
                            AND (r.group_id = '' OR r.group_id = UPPER(%1$s.group_id))
                          ORDER BY CASE WHEN r.pcn = '' THEN 0 ELSE 4 END + CASE WHEN r.group_id = '' THEN 0 ELSE 2 END DESC
                          FETCH FIRST 1 ROW ONLY), %2$s)""".formatted(c, fallback);
    }

    /** The directory payer's name of the payment aliased {@code p}, else {@code fallback}. */
    static String paymentPayer(String p, String fallback) {
        return paymentPayerColumn(p, "dp.name", fallback);
    }

    /** The directory payer's id of the payment aliased {@code p}, else null. */
    static String paymentPayerId(String p) {
        return paymentPayerColumn(p, "dp.id", "NULL");
    }

    private static String paymentPayerColumn(String p, String column, String fallback) {
        return """
                COALESCE((SELECT MIN(%3$s) FROM directory_identity i JOIN directory_payer dp ON dp.id = i.payer_id
                          WHERE i.kind = 'TRN03' AND i.id_value = UPPER(TRIM(%1$s.payer_identifier))),
                         (SELECT MIN(%3$s) FROM directory_identity i JOIN directory_payer dp ON dp.id = i.payer_id
                          WHERE i.kind = 'N104' AND i.id_value = UPPER(TRIM(%1$s.payer_identifier))),
                         (SELECT MIN(%3$s) FROM directory_identity i JOIN directory_payer dp ON dp.id = i.payer_id
                          WHERE i.kind = 'NAME' AND i.id_value = UPPER(TRIM(%1$s.payer_name))),
                         %2$s)""".formatted(p, fallback, column);
    }
}
