/**
 * Contracts and underpayments (issue 22; docs/contracts.md, ADR 0031): each payer routing's contract terms by
 * effective date, the price lists they name (MAC, NADAC, AWP, WAC) and the pharmacy's acquisition cost, what each
 * claim should have been paid under its contract, and what a new contract version or MAC list would change.
 * Sits below {@code exceptions}, which derives its underpaid and below-cost items from here.
 */
package org.rxledger.core.contract;
