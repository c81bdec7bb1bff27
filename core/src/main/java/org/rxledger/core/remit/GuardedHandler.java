package org.rxledger.core.remit;

/**
 * Wraps what the handler throws so it passes through the reader's own error handling unchanged: a
 * database error while storing is not a problem of the file.
 */
record GuardedHandler(RemittanceHandler delegate) implements RemittanceHandler {

    /** What the handler threw, on its way out of the read. */
    static final class HandlerFailure extends RuntimeException {
        HandlerFailure(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    @Override
    public void payment(int number, Payment payment) {
        try {
            delegate.payment(number, payment);
        } catch (RuntimeException e) {
            throw new HandlerFailure(e);
        }
    }

    @Override
    public boolean wantsClaims() {
        return delegate.wantsClaims();
    }

    @Override
    public void claim(ClaimPayment claim) {
        try {
            delegate.claim(claim);
        } catch (RuntimeException e) {
            throw new HandlerFailure(e);
        }
    }

    @Override
    public void providerAdjustment(ProviderAdjustment adjustment) {
        try {
            delegate.providerAdjustment(adjustment);
        } catch (RuntimeException e) {
            throw new HandlerFailure(e);
        }
    }

    @Override
    public void endPayment(int number, Payment payment, int claimCount) {
        try {
            delegate.endPayment(number, payment, claimCount);
        } catch (RuntimeException e) {
            throw new HandlerFailure(e);
        }
    }
}
