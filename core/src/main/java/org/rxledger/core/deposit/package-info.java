/**
 * Bank deposits (EFT credits and deposited checks) and their pairing with 835 payments by trace
 * number and amount (DOMAIN.md §4.1, §4.4): the last step of "every remitted dollar reached the bank".
 * Deposits are never updated or deleted; a mistaken one is voided by a separate, reasoned record.
 */
package org.rxledger.core.deposit;
