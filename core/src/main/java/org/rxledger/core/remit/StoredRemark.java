package org.rxledger.core.remit;

/** A stored LQ remark of a service line: qualifier HE (RARC) or RX (NCPDP reject/payment code). */
public record StoredRemark(int lineSeq, String qualifier, String code) {
}
