package org.rxledger.core.remit;

import java.util.List;
import java.util.Objects;

/**
 * The result of importing one file: {@link Imported}, {@link Duplicate}, {@link Rejected} or
 * {@link Cancelled}. Every outcome carries a {@link #message()} a clerk can read (CLI prints it;
 * {@code --json} can serialise the records).
 */
public sealed interface ImportOutcome {

    enum Status { IMPORTED, DUPLICATE, REJECTED, CANCELLED }

    String fileName();

    Status status();

    String message();

    /** Stored: one summary per payment (ST…SE) in file order, and how long each stage of the import took. */
    record Imported(String fileName, ImportedFile file, List<PaymentSummary> payments, ImportStages.Times stages)
            implements ImportOutcome {

        public Imported {
            payments = List.copyOf(payments);
            Objects.requireNonNull(stages, "stages");
        }

        public Imported(String fileName, ImportedFile file, List<PaymentSummary> payments) {
            this(fileName, file, payments, ImportStages.Times.NONE);
        }

        /** The same outcome with its stage times (the commit is timed after the outcome is built). */
        public Imported withStages(ImportStages.Times times) {
            return new Imported(fileName, file, payments, times);
        }

        @Override
        public Status status() {
            return Status.IMPORTED;
        }

        @Override
        public String message() {
            long claims = payments.stream().mapToLong(PaymentSummary::claimCount).sum();
            return fileName + ": imported " + payments.size() + (payments.size() == 1 ? " payment" : " payments")
                    + " with " + claims + (claims == 1 ? " claim" : " claims");
        }
    }

    /** Why a file counts as already imported. */
    enum DuplicateReason {
        /** Byte-for-byte the same file (same SHA-256). */
        SAME_FILE,
        /** A payment with the same payer, trace number and amount, re-sent in a new envelope. */
        SAME_PAYMENT
    }

    /**
     * Nothing stored: the file, or one of its payments, was imported before.
     *
     * @param earlierPayment the stored payment it repeats (SAME_PAYMENT), else null
     */
    record Duplicate(String fileName, DuplicateReason reason, ImportedFile earlierFile, ImportedPayment earlierPayment)
            implements ImportOutcome {

        public Duplicate {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(earlierFile, "earlierFile");
        }

        @Override
        public Status status() {
            return Status.DUPLICATE;
        }

        @Override
        public String message() {
            String earlier = "'" + earlierFile.fileName() + "' imported " + earlierFile.importedAt() + " by "
                    + earlierFile.importedBy();
            return switch (reason) {
                case SAME_FILE -> fileName + ": already imported (the same file as " + earlier + ")";
                case SAME_PAYMENT -> fileName + ": payment with trace " + earlierPayment.traceNumber() + " of "
                        + earlierPayment.amount() + " from " + earlierPayment.payerName()
                        + " was already imported from " + earlier + "; nothing was stored";
            };
        }
    }

    /** Nothing stored: the file broke the rules listed (or could not be read or stored). */
    record Rejected(String fileName, List<RemittanceProblem> problems) implements ImportOutcome {

        public Rejected {
            problems = List.copyOf(problems);
        }

        @Override
        public Status status() {
            return Status.REJECTED;
        }

        @Override
        public String message() {
            return "rejected, nothing was stored:" + System.lineSeparator() + RemittanceFormatException.summary(problems);
        }
    }

    /** Nothing stored: the user cancelled. */
    record Cancelled(String fileName) implements ImportOutcome {

        @Override
        public Status status() {
            return Status.CANCELLED;
        }

        @Override
        public String message() {
            return fileName + ": import cancelled, nothing was stored";
        }
    }
}
