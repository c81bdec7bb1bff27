package org.rxledger.core.remit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Streams an ASC X12 835 (005010X221A1) file on StAEDI and checks it: envelope (ISA layout, control
 * numbers, SE01/GE01/IEA01 counts), that it is an 835 and 5010 at all, the loop structure, required
 * elements, codes, the element rules of {@link ElementRules} (lengths that fit their columns, characters,
 * element counts, date qualifiers, digits), that no payment appears twice in the file, and the
 * three-level balancing of DOMAIN.md §2.6.
 *
 * <p>StAEDI tokenises (any delimiters declared by the ISA, with or without line breaks) and checks the
 * envelope; it has no 835 schema, so the transaction structure is followed here with a small state
 * machine. Memory stays bounded: only the current payment header and the current claim are held.
 *
 * <p>A read runs in four parts, each in its own class: {@link X12Tokenizer} (StAEDI events to segments),
 * {@link EnvelopeChecks} (ISA…IEA, GS…GE, ST…SE and the element rules), the model builder
 * ({@link PaymentBuilder} for the header and PLB, {@link ClaimLoopBuilder} for loops 2100/2110) and
 * {@link RemittanceBalancing} (the balancing rules, pure functions over the model).
 *
 * <p>Errors are collected as {@link RemittanceProblem}s (never thrown): every problem names the file,
 * the segment number (ISA = 1) and id, the element, and what was expected versus found. StAEDI and I/O
 * failures (truncated or garbled input) become problems too. Reading stops after
 * {@link #MAX_PROBLEMS} problems. Instances are stateless and thread-safe.
 */
public final class X12RemittanceReader {

    /** Reading stops after this many problems; a file this broken needs the payer, not a longer list. */
    public static final int MAX_PROBLEMS = 100;

    /**
     * Reads {@code in} to the end, delivering completed pieces to {@code handler}. Never throws for bad
     * data; what the handler throws propagates unchanged and ends the read. The stream is not closed
     * (the caller owns it); bytes after the last IEA may stay unread.
     */
    public ReadResult read(InputStream in, String fileName, RemittanceHandler handler, BooleanSupplier cancelled) {
        ReadContext context = new ReadContext(fileName, handler);
        EnvelopeChecks envelope = new EnvelopeChecks(context);
        X12Tokenizer tokenizer = new X12Tokenizer(context, envelope, cancelled);
        tokenizer.run(in);
        PaymentBuilder payments = envelope.payments();
        return new ReadResult(context.problems, payments.paymentNumber(), payments.totalClaims(),
                tokenizer.segmentCount(), tokenizer.cancelledSeen());
    }

    /**
     * Reads a small file completely into memory (tests, previews).
     *
     * @throws RemittanceFormatException when the file breaks any rule
     */
    public Remittance readAll(InputStream in, String fileName) throws RemittanceFormatException {
        Collector collector = new Collector();
        ReadResult result = read(in, fileName, collector, () -> false);
        if (!result.ok()) {
            throw new RemittanceFormatException(result.problems());
        }
        return new Remittance(collector.transactions);
    }

    /** {@link #readAll(InputStream, String)} for a file on disk. */
    public Remittance readAll(Path file) throws RemittanceFormatException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readAll(in, file.getFileName().toString());
        }
    }

    /** Builds a {@link Remittance} from the events of one read. */
    static final class Collector implements RemittanceHandler {
        final List<Remittance.Transaction> transactions = new ArrayList<>();
        private final List<ClaimPayment> claims = new ArrayList<>();
        private final List<ProviderAdjustment> plbs = new ArrayList<>();

        @Override
        public void claim(ClaimPayment claim) {
            claims.add(claim);
        }

        @Override
        public void providerAdjustment(ProviderAdjustment adjustment) {
            plbs.add(adjustment);
        }

        @Override
        public void endPayment(int number, Payment payment, int claimCount) {
            transactions.add(new Remittance.Transaction(payment, claims, plbs));
            claims.clear();
            plbs.clear();
        }
    }
}
