package org.rxledger.core.contract;

/** The published price a contract formula starts from. */
public enum PriceBasis {
    /** Average wholesale price. */
    AWP,
    /** Wholesale acquisition cost. */
    WAC,
    /** CMS National Average Drug Acquisition Cost. */
    NADAC,
    /** The payer's maximum allowable cost list named by the contract. */
    MAC
}
