package org.rxledger.core.matching;

/**
 * The keys a match is made from (DOMAIN.md §4.2), with the weight each adds when it agrees and takes
 * away when it contradicts. Primary: Rx + fill + date of service; CLP07 ↔ authorization number is a
 * strong key of its own; member id, NDC, quantity, payer, COB order and amounts confirm. Payer and COB
 * order compare only through the payer directory and NCPDP 308-C8; unknown is "not available".
 */
public enum MatchKey {
    AUTHORIZATION("CLP07 = authorization number", 50, 25),
    RX("Rx number", 20, 0),
    FILL("fill number", 15, 20),
    DATE_OF_SERVICE("date of service", 25, 30),
    MEMBER_ID("member id", 10, 10),
    NDC("NDC", 10, 10),
    QUANTITY("quantity", 5, 5),
    PAYER("payer", 5, 15),
    COB_ORDER("COB order (CLP02 / other coverage)", 5, 20),
    PAID_AMOUNT("paid amount = plan paid", 10, 0),
    PATIENT_PAY("patient responsibility = patient pay", 5, 0);

    private final String label;
    private final int agreeWeight;
    private final int disagreePenalty;

    MatchKey(String label, int agreeWeight, int disagreePenalty) {
        this.label = label;
        this.agreeWeight = agreeWeight;
        this.disagreePenalty = disagreePenalty;
    }

    public String label() {
        return label;
    }

    public int agreeWeight() {
        return agreeWeight;
    }

    public int disagreePenalty() {
        return disagreePenalty;
    }
}
