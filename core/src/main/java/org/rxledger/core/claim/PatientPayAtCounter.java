package org.rxledger.core.claim;

import java.time.ZoneOffset;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.ledger.LedgerBatch;
import org.rxledger.core.money.Money;
import org.rxledger.core.tx.Tx;
import org.rxledger.core.collections.CollectionsRepository;
import org.rxledger.core.ledger.LedgerRepository;

/**
 * What of a fill's patient pay (505-F5) was collected at the counter (issue 18). All of it: the claim is stored
 * as collected and its adjudication books counter cash. None or part: the adjudication books the whole patient pay
 * to the patient's account and a second batch moves the part paid at the counter to counter cash, so the account
 * holds exactly what is still owed. A charge account moves the fill to that house-charge account.
 */
public final class PatientPayAtCounter {

    public static final String SOURCE_POS_PAYMENT = "POS_PAYMENT";

    private PatientPayAtCounter() {
    }

    /** Blank means everything was collected (the default of a claims file). */
    public static boolean allCollected(Money patientPay, Money paidAtPos) {
        return paidAtPos == null || !paidAtPos.isLessThan(patientPay);
    }

    /** After the claim's adjudication is recorded: the partial counter payment and the charge account, if any. */
    static void book(Tx tx, Claim stored, Money paidAtPos, String chargeAccount) {
        if (!stored.responseStatus().createsReceivable()) {
            return;
        }
        if (!stored.patientPayCollected() && paidAtPos != null && paidAtPos.isPositive()) {
            LedgerBatch batch = new LedgerBatch(SOURCE_POS_PAYMENT, String.valueOf(stored.id()),
                    stored.adjudicatedAt().atOffset(ZoneOffset.UTC).toLocalDate(), tx.clock().instant(), tx.actor().user());
            batch.add(LedgerAccount.PATIENT_RECEIVABLE, paidAtPos.negate(), stored.id(), stored.patientId(), null,
                    "Paid at the counter Rx " + stored.rxFill());
            batch.add(LedgerAccount.COUNTER_CASH, paidAtPos, stored.id(), stored.patientId(), null,
                    "Paid at the counter Rx " + stored.rxFill());
            tx.port(LedgerRepository.class).append(batch);
        }
        if (chargeAccount != null) {
            tx.port(CollectionsRepository.class).assignChargeAccount(stored.id(), chargeAccount);
        }
    }
}
