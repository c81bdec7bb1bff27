package org.rxledger.core.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: within one import the payer's CLP07 evidence is read in full once per set of identities, then only
 * the lines of the payments matched since are added — never a payment twice, never one matched before the full
 * read (which already holds it).
 */
class EvidenceMemoTest {

    private final List<String> reads = new ArrayList<>();

    /** Full read: one row "full"; one payment's lines: one row named after the payment. */
    private final PayerRepository repo = (PayerRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {PayerRepository.class}, (proxy, method, args) -> {
                if (!method.getName().equals("clp07Lines") || args == null || args.length < 2) {
                    throw new UnsupportedOperationException(method.getName());
                }
                String who = args.length == 3 ? "payment " + args[2] : "full " + args[0] + args[1];
                reads.add(who);
                return List.of(new PayerRepository.Clp07Lines(new PayerRepository.PaymentIdentity(who, who), 1, 1));
            });

    private static List<String> names(Collection<PayerRepository.Clp07Lines> lines) {
        return lines.stream().map(l -> l.payment().name()).toList();
    }

    @Test
    void addsEachPaymentMatchedSinceTheFullReadOnce() {
        PayerDirectoryService.EvidenceMemo memo = new PayerDirectoryService.EvidenceMemo();
        memo.matched(1); // matched before the first read: the full read already counts it

        assertThat(names(memo.lines(repo, List.of("X"), List.of("ACME")))).containsExactly("full [X][ACME]");
        memo.matched(2);
        memo.matched(3);
        assertThat(names(memo.lines(repo, List.of("X"), List.of("ACME"))))
                .containsExactly("full [X][ACME]", "payment 2", "payment 3");
        assertThat(names(memo.lines(repo, List.of("X"), List.of("ACME"))))
                .as("nothing new matched: nothing read").containsExactly("full [X][ACME]", "payment 2", "payment 3");

        // another payer: its own full read, which already holds payments 1 to 3
        assertThat(names(memo.lines(repo, List.of("Y"), List.of("OTHER")))).containsExactly("full [Y][OTHER]");
        memo.matched(4);
        assertThat(names(memo.lines(repo, List.of("Y"), List.of("OTHER")))).containsExactly("full [Y][OTHER]", "payment 4");

        assertThat(reads).containsExactly("full [X][ACME]", "payment 2", "payment 3", "full [Y][OTHER]", "payment 4");
    }
}
