package org.rxledger.core.deposit;

import java.util.List;
import java.util.Optional;

/** Deposits and the 835 payments they pair with; append-only (a void is its own row). */
public interface DepositRepository {

    long insert(NewDeposit deposit, String source);

    void insertVoid(long depositId, String reason);

    Optional<Deposit> find(long id);

    /** All deposits, voided ones included, newest first. */
    List<Deposit> all();

    /** True when a deposit that is not voided has this date, trace (exactly as stored) and amount. */
    boolean existsActive(NewDeposit deposit);

    /** Imported 835 payments that move money (method other than NON, amount not zero). */
    List<RemittedPayment> payments();
}
