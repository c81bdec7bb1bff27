package org.rxledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.AppContext;
import org.rxledger.app.testdata.CliRunner;
import org.rxledger.app.testdata.MatchingOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.ledger.PostingMode;
import org.rxledger.core.matching.MatchRecord;
import org.rxledger.core.posting.MatchingService;
import org.rxledger.core.posting.PostingKind;
import org.rxledger.core.posting.PostingRepository;
import org.rxledger.core.posting.PostingService;
import org.rxledger.core.remit.MatchStatus;
import org.rxledger.core.remit.PaymentStatus;
import org.rxledger.core.remit.RemittanceListRow;
import org.rxledger.core.remit.RemittanceRepository;
import org.rxledger.core.testdata.ClaimBuilder;

/** {@code remit post|unpost|repost|match|unmatch} and {@code payers settings} on a real data folder. */
class RemitPostingCliTest {

    @TempDir
    Path dir;

    private Path data;
    private MatchingOffice office;
    private CliRunner cli;

    @BeforeEach
    void office() {
        data = dir.resolve("data");
        cli = CliRunner.on(data);
        try (AppContext ctx = AppContext.open(data, TestStores.CLERK, TestStores.CLOCK)) {
            office = MatchingOffice.create(ctx, dir);
        }
    }

    private RemittanceListRow payment(String trace) {
        return cli.read(ctx -> ctx.transactions().read(tx -> tx.port(RemittanceRepository.class).paymentList()).stream()
                .filter(p -> p.traceNumber().equals(trace)).findFirst().orElseThrow());
    }

    private List<PostingRepository.PostingRecord> postings(String trace) {
        long id = payment(trace).paymentId();
        return cli.read(ctx -> new PostingService(ctx.transactions()).postings(id));
    }

    @Test
    void postsAReviewFirstPaymentAndRefusesToPostItTwice() {
        assertThat(payment("EFT200").status()).isEqualTo(PaymentStatus.IMPORTED);
        assertThat(cli.exit("remit", "post", "--trace", "EFT200")).isZero();
        assertThat(cli.out()).startsWith("Posted payment EFT200 (ACME RX SOLUTIONS, 21.85)").contains("posted cash now 21.85");
        assertThat(payment("EFT200").status()).isEqualTo(PaymentStatus.POSTED);

        assertThat(cli.exit("remit", "post", "--trace", "EFT200")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.err()).startsWith("rxledger: ").contains("Payment EFT200 is already posted");
        assertThat(postings("EFT200")).extracting(PostingRepository.PostingRecord::kind).containsExactly(PostingKind.POST);
    }

    @Test
    void unpostsAndRepostsWithTheReasonKept() {
        assertThat(cli.exit("remit", "unpost", "--trace", "eft100", "--reason", "wrong deposit")).isZero();
        assertThat(cli.out()).startsWith("Unposted payment EFT100");
        assertThat(payment("EFT100").status()).isEqualTo(PaymentStatus.IMPORTED);
        assertThat(cli.exit("remit", "repost", "--trace", "EFT100", "--reason", "again")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.exit("remit", "post", "--trace", "EFT100")).isZero();
        assertThat(cli.exit("remit", "repost", "--trace", "EFT100", "--reason", "matches fixed")).isZero();
        assertThat(postings("EFT100")).extracting(PostingRepository.PostingRecord::kind, PostingRepository.PostingRecord::reason)
                .containsSubsequence(org.assertj.core.groups.Tuple.tuple(PostingKind.UNPOST, "wrong deposit"),
                        org.assertj.core.groups.Tuple.tuple(PostingKind.UNPOST, "matches fixed"));
        assertThat(payment("EFT100").status()).isEqualTo(PaymentStatus.POSTED);
    }

    @Test
    void unmatchesAndMatchesAClaimPaymentByTraceAndClp01() {
        assertThat(cli.exit("remit", "unmatch", "--trace", "EFT100", "--clp01", "7001500-00", "--reason", "not ours")).isZero();
        assertThat(cli.out()).startsWith("Unmatched from claim ").contains("not ours");
        assertThat(cli.exit("remit", "match", "--trace", "EFT100", "--clp01", "7001234", "--rx", "7001234", "--fill", "1",
                "--reason", "fill 1 per the PBM")).isZero();
        assertThat(cli.out()).startsWith("Matched by ").doesNotContain("Matched: ").contains("fill 1 per the PBM");

        long paymentId = payment("EFT100").paymentId();
        List<MatchRecord> decisions = cli.read(ctx -> new MatchingService(ctx.transactions()).decisions(paymentId));
        assertThat(decisions).extracting(MatchRecord::status).containsExactly(MatchStatus.UNMATCHED, MatchStatus.MANUAL);
        assertThat(decisions.get(1).claimId()).isEqualTo(office.fill1().id());
        assertThat(decisions.get(1).reason()).isEqualTo("fill 1 per the PBM");
    }

    @Test
    void ambiguousOrUnknownNamesAreRefusedWithExitCode1() {
        // another payer reuses trace EFT100, and sends the same CLP01 twice
        try (AppContext ctx = AppContext.open(data)) {
            MatchingOffice.importFile(ctx, dir, "other.835", MatchingOffice.payment(MatchingOffice.parties("OTHER PBM"),
                    "EFT100", 7, List.of(
                            MatchingOffice.paid("7001234-02", null, null, office.fill2(), "1.00"),
                            MatchingOffice.paid("7001234-02", null, null, office.fill2(), "2.00"))));
        }
        assertThat(cli.exit("remit", "unpost", "--trace", "EFT100", "--reason", "x")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.err()).contains("trace EFT100 is ambiguous: 2 payments").contains("--payer");
        assertThat(cli.exit("remit", "unmatch", "--trace", "EFT100", "--payer", "other pbm", "--clp01", "7001234-02",
                "--reason", "x")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.err()).contains("CLP01 7001234-02 is ambiguous");
        assertThat(cli.exit("remit", "match", "--trace", "EFT100", "--payer", "ACME RX SOLUTIONS", "--clp01", "7001234",
                "--rx", "9999999", "--fill", "0", "--reason", "x")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.err()).contains("no stored claim has Rx 9999999 fill 0");
        assertThat(cli.exit("remit", "post", "--trace", "NOPE")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.err()).contains("no imported payment has trace NOPE");
        assertThat(cli.exit("remit", "unpost", "--trace", "EFT200")).isEqualTo(2); // --reason is required (usage error)
    }

    @Test
    void payerSettingsShowsAndChangesThePostingMode() {
        assertThat(cli.exit("payers", "settings")).isZero();
        assertThat(cli.out()).contains("ACME RX SOLUTIONS").contains("review-first").contains("(defaults)");
        assertThat(cli.exit("payers", "settings", "--payer", "acme rx solutions", "--mode", "automatic")).isZero();
        assertThat(cli.out()).containsPattern("ACME RX SOLUTIONS +automatic");
        assertThat(cli.read(ctx -> new MatchingService(ctx.transactions()).settings()).get(0).postingMode())
                .isEqualTo(PostingMode.AUTOMATIC);
        assertThat(cli.exit("payers", "settings", "--payer", "ACME RX SOLUTIONS", "--mode", "sometimes")).isEqualTo(Cli.EXIT_REJECTED);
        assertThat(cli.err()).contains("--mode must be automatic or review-first");
    }

    @Test
    void rematchWaitingMatchesALineWhoseClaimArrivedLaterAndPostsItsHeldPayment() throws Exception {
        Claim late = ClaimBuilder.aPaidClaim(office.office()).rx("7009999").fill(0).authorization("A9").build();
        try (AppContext ctx = AppContext.open(data, TestStores.CLERK, TestStores.CLOCK)) {
            MatchingOffice.importFile(ctx, dir, "eft300.835", MatchingOffice.payment(MatchingOffice.parties("OTHER RX PLAN"),
                    "EFT300", 3, List.of(MatchingOffice.paid("7009999-00", "A9", late.dateOfService(), late, "21.85"))));
        }
        assertThat(payment("EFT300").postingHeld()).isTrue();
        cli.read(ctx -> ctx.transactions().inTransaction(tx -> ClaimRecorder.record(tx,
                ClaimBuilder.aPaidClaim(office.office()).rx("7009999").fill(0).authorization("A9").build(),
                office.office().payer().id())));

        CliRunner.Run run = cli.run("remit", "rematch-waiting", "--json");
        assertThat(run.exit()).isZero();
        // EFT300's line is matched and posted; EFT100's Rx-only line still fits two fills
        JsonNode counts = run.json();
        assertThat(counts.get("looked_at").asInt()).isEqualTo(2);
        assertThat(counts.get("matched").asInt()).isEqualTo(1);
        assertThat(counts.get("still_waiting").asInt()).isEqualTo(1);
        assertThat(counts.get("payments_posted").asInt()).isEqualTo(1);
        assertThat(payment("EFT300").status()).isEqualTo(PaymentStatus.POSTED);

        assertThat(cli.exit("remit", "rematch-waiting")).isZero();
        assertThat(cli.out()).isEqualTo(
                "Re-matched 1 waiting claim payment(s): 0 matched, 1 still waiting; 0 held payment(s) posted" + System.lineSeparator());
    }
}
