package org.rxledger.core.reference;

/**
 * A payer/PBM as it appears on remittances: N1*PR name and the TRN03/BPR10 identifier (often
 * "1" + EIN).
 */
public record Payer(long id, String name, String payerIdentifier) {
}
