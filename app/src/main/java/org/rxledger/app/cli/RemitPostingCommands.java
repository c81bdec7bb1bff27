package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.rxledger.app.AppContext;
import org.rxledger.app.remits.MatchLookups;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.ledger.PostingMode;
import org.rxledger.core.matching.MatchRecord;
import org.rxledger.core.matching.PayerRemitSettings;
import org.rxledger.core.posting.MatchingService;
import org.rxledger.core.posting.PostingRepository;
import org.rxledger.core.posting.PostingResult;
import org.rxledger.core.posting.PostingService;
import org.rxledger.core.posting.WaitingRematch;
import org.rxledger.core.remit.RemitClaimSummary;
import org.rxledger.core.remit.RemittanceListRow;
import org.rxledger.core.tx.Transactions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Matching and posting from the command line (issue 5): {@code remit post|unpost|repost|match|unmatch|rematch-waiting}
 * and {@code payers settings}. A payment is named by its trace number (TRN02; add {@code --payer} when
 * two payers used the same trace), a claim payment by its CLP01. Refusals (ambiguous or unknown trace,
 * CLP01 or claim, a missing reason, posting a posted payment) print one plain line and exit 1.
 */
public final class RemitPostingCommands {

    private RemitPostingCommands() {
    }

    /** A refusal: printed as {@code rxledger: message}, exit code 1. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }

        /** An import file that cannot be read, refused before anything opens it. */
        static void unlessReadable(java.nio.file.Path file) {
            if (!java.nio.file.Files.isReadable(file)) {
                throw new Refused("cannot read " + file + " (no such file, or no permission)");
            }
        }

        /** A CSV import refused as a whole: every error on its own line, then that nothing was written. */
        static Refused notImported(java.nio.file.Path file, java.util.List<?> errors) {
            String sep = System.lineSeparator() + "rxledger: ";
            return new Refused(errors.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(sep))
                    + sep + file.getFileName() + " was not imported: " + errors.size() + " error(s). Nothing was written.");
        }
    }

    abstract static class Base implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() {
            RxLedgerCommand root = (RxLedgerCommand) spec.root().userObject();
            PrintWriter out = spec.commandLine().getOut();
            try (AppContext ctx = root.openContext()) {
                run(ctx.transactions(), out);
            } catch (Refused | RxLedgerException | IllegalArgumentException | IllegalStateException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("rxledger: " + e.getMessage());
                err.flush();
                return Cli.EXIT_REJECTED;
            }
            out.flush();
            return 0;
        }

        abstract void run(Transactions transactions, PrintWriter out);
    }

    /** Commands that name one payment by trace (and payer). */
    abstract static class PaymentCommand extends Base {

        @Option(names = "--trace", required = true, paramLabel = "TRACE", description = "The payment's trace number (TRN02).")
        String trace;

        @Option(names = "--payer", paramLabel = "PAYER", description = "The payer (N1*PR name), when two payers used the same trace.")
        String payer;

        RemittanceListRow payment(Transactions transactions) {
            List<RemittanceListRow> found = transactions.read(tx -> MatchLookups.paymentsByTrace(tx, trace)).stream()
                    .filter(p -> payer == null || p.payerName().equalsIgnoreCase(payer.strip())).toList();
            if (found.isEmpty()) {
                throw new Refused("no imported payment has trace " + trace + (payer == null ? "" : " from " + payer)
                        + " (see: rxledger remit list)");
            }
            if (found.size() > 1) {
                throw new Refused("trace " + trace + " is ambiguous: " + found.size() + " payments have it ("
                        + found.stream().map(RemittanceListRow::payerName).collect(Collectors.joining(", "))
                        + "); name the payer with --payer");
            }
            return found.get(0);
        }

        static String describe(String what, RemittanceListRow p, PostingResult r) {
            return String.format("%s payment %s (%s, %s): batch %s, %d entries, cash %s; posted cash now %s", what,
                    p.traceNumber(), p.payerName(), p.amount(), r.batchId(), r.entries(), r.batchCash(), r.postedCash());
        }
    }

    @Command(name = "post", description = "Post a payment that is not posted (review-first payers, or after an unpost).")
    public static final class Post extends PaymentCommand {
        @Override
        void run(Transactions transactions, PrintWriter out) {
            RemittanceListRow p = payment(transactions);
            out.println(describe("Posted", p, new PostingService(transactions).post(p.paymentId())));
        }
    }

    @Command(name = "unpost", description = "Unpost a whole payment with a reversing batch (reason required).")
    public static final class Unpost extends PaymentCommand {
        @Option(names = "--reason", required = true, paramLabel = "REASON", description = "Why (kept in the posting log).")
        String reason;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            RemittanceListRow p = payment(transactions);
            out.println(describe("Unposted", p, new PostingService(transactions).unpost(p.paymentId(), reason)));
        }
    }

    @Command(name = "repost", description = "Unpost and post a payment again under the current matches (reason required).")
    public static final class Repost extends PaymentCommand {
        @Option(names = "--reason", required = true, paramLabel = "REASON", description = "Why (kept in the posting log).")
        String reason;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            RemittanceListRow p = payment(transactions);
            out.println(describe("Re-posted", p, new PostingService(transactions).repost(p.paymentId(), reason)));
        }
    }

    /** Commands that name one claim payment by trace and CLP01. */
    abstract static class ClaimPaymentCommand extends PaymentCommand {

        @Option(names = "--clp01", required = true, paramLabel = "CLP01", description = "The claim payment's CLP01 as sent.")
        String clp01;

        @Option(names = "--reason", required = true, paramLabel = "REASON", description = "Why (kept in the match history).")
        String reason;

        RemitClaimSummary claimPayment(Transactions transactions, RemittanceListRow p) {
            List<RemitClaimSummary> found = transactions.read(tx -> MatchLookups.claimPaymentsByClp01(tx, p.paymentId(), clp01));
            if (found.isEmpty()) {
                throw new Refused("payment " + p.traceNumber() + " has no claim payment with CLP01 " + clp01);
            }
            if (found.size() > 1) {
                throw new Refused("CLP01 " + clp01 + " is ambiguous: payment " + p.traceNumber() + " has it "
                        + found.size() + " times (claim payments " + found.stream().map(c -> "#" + c.seq())
                        .collect(Collectors.joining(", ")) + "); match it in the workstation");
            }
            return found.get(0);
        }

        /** The decision's own sentence ("Matched by clerk1: …"), or its status when it has none. */
        static String describe(MatchRecord r) {
            return r.explanation() == null || r.explanation().isBlank() ? Words.status(r) : r.explanation();
        }
    }

    @Command(name = "match", description = "Match (or re-match) a claim payment to a stored claim; the posting follows.")
    public static final class Match extends ClaimPaymentCommand {
        @Option(names = "--rx", required = true, paramLabel = "RX", description = "The claim's Rx number.")
        String rx;

        @Option(names = "--fill", required = true, paramLabel = "N", description = "The claim's fill number.")
        int fill;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            RemittanceListRow p = payment(transactions);
            RemitClaimSummary c = claimPayment(transactions, p);
            List<MatchRecord.CandidateSummary> claims = transactions.read(tx -> MatchLookups.claimsByRx(tx, c.id(), rx, fill));
            if (claims.isEmpty()) {
                throw new Refused("no stored claim has Rx " + rx + " fill " + fill);
            }
            if (claims.size() > 1) {
                throw new Refused("Rx " + rx + " fill " + fill + " is ambiguous: " + claims.size() + " stored claims ("
                        + claims.stream().map(k -> "service " + k.dateOfService()).collect(Collectors.joining(", "))
                        + "); match it in the workstation");
            }
            out.println(describe(new MatchingService(transactions).match(c.id(), claims.get(0).claimId(), reason)));
        }
    }

    @Command(name = "unmatch", description = "Remove a claim payment's match (its money goes to unapplied cash if posted).")
    public static final class Unmatch extends ClaimPaymentCommand {
        @Override
        void run(Transactions transactions, PrintWriter out) {
            RemittanceListRow p = payment(transactions);
            RemitClaimSummary c = claimPayment(transactions, p);
            out.println(describe(new MatchingService(transactions).unmatch(c.id(), reason)));
        }
    }

    @Command(name = "attribute-plb", description = "Attribute a PLB item of a posted payment to a claim (or re-attribute it), reason required.")
    public static final class AttributePlb extends PaymentCommand {
        @Option(names = "--plb-ref", required = true, paramLabel = "REF", description = "The PLB item's reference (PLB03-2) as sent.")
        String reference;

        @Option(names = "--code", paramLabel = "CODE", description = "The PLB reason code (PLB03-1), when two items share the reference.")
        String code;

        @Option(names = "--rx", required = true, paramLabel = "RX", description = "The claim's Rx number.")
        String rx;

        @Option(names = "--fill", required = true, paramLabel = "N", description = "The claim's fill number.")
        int fill;

        @Option(names = "--reason", required = true, paramLabel = "REASON", description = "Why (kept in the posting log).")
        String reason;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            RemittanceListRow p = payment(transactions);
            List<org.rxledger.core.posting.PostingRepository.PlbLine> plbs = transactions.read(tx -> tx.port(PostingRepository.class).plbLines(p.paymentId()))
                    .stream().filter(l -> reference.strip().equals(l.reference()))
                    .filter(l -> code == null || code.strip().equalsIgnoreCase(l.reasonCode())).toList();
            if (plbs.isEmpty()) {
                throw new Refused("payment " + p.traceNumber() + " has no PLB item with reference " + reference
                        + (code == null ? "" : " and code " + code));
            }
            if (plbs.size() > 1) {
                throw new Refused("PLB reference " + reference + " is ambiguous on payment " + p.traceNumber() + ": "
                        + plbs.size() + " items (codes " + plbs.stream().map(l -> l.reasonCode()).collect(Collectors.joining(", "))
                        + "); add --code");
            }
            List<org.rxledger.core.claim.Claim> claims = transactions.read(tx -> tx.port(ClaimRepository.class).forRxFill(rx.strip(), fill));
            if (claims.isEmpty()) {
                throw new Refused("no stored claim has Rx " + rx + " fill " + fill);
            }
            if (claims.size() > 1) {
                throw new Refused("Rx " + rx + " fill " + fill + " is ambiguous: " + claims.size() + " stored claims; attribute it in the workstation");
            }
            org.rxledger.core.posting.PostingRepository.PlbLine plb = plbs.get(0);
            PostingResult r = new PostingService(transactions).attributePlb(plb.plbId(), claims.get(0).id(), reason);
            out.println("PLB " + plb.reasonCode() + " " + plb.reference() + " (" + plb.amount() + ") on payment " + p.traceNumber()
                    + " attributed to Rx " + rx.strip() + " fill " + fill + ": " + r.entries() + " ledger entries");
        }
    }

    @Command(name = "rematch-waiting", description = {
            "Match again every claim payment waiting for review or unmatched, e.g. after importing claims or teaching",
            "the payer directory a routing. Lines matched automatically and a person's decisions are left alone; a held",
            "payment that now passes the automatic-posting guard is posted."})
    public static final class RematchWaiting extends Base {
        @Option(names = "--json", description = "Print {looked_at, matched, still_waiting, payments_posted}.")
        boolean json;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            WaitingRematch.Result r = new WaitingRematch(transactions).run();
            if (json) {
                Map<String, Object> counts = new LinkedHashMap<>();
                counts.put("looked_at", r.lookedAt());
                counts.put("matched", r.matched());
                counts.put("still_waiting", r.stillWaiting());
                counts.put("payments_posted", r.paymentsPosted());
                CliOutput.json(out, counts);
            } else {
                out.println(r.describe());
            }
        }
    }

    /** {@code rxledger payers …}. */
    @Command(name = "payers", description = "The payer directory and payer settings for remittances.",
            subcommands = {PayersSettings.class, PayersCommand.Import.class, PayersCommand.Export.class,
                    PayersCommand.ListPayers.class, PayersCommand.Merge.class, PayersCommand.MoveRouting.class,
                    PayersCommand.Unlink.class})
    public static final class Payers {
    }

    @Command(name = "settings", description = {
            "Show every payer's remittance settings, or set one payer's posting mode.",
            "Payers without settings post automatically and read CLP01 with the default patterns."})
    public static final class PayersSettings extends Base {

        @Option(names = "--payer", paramLabel = "PAYER", description = "The payer (N1*PR name) to change.")
        String payer;

        @Option(names = "--mode", paramLabel = "MODE", description = "automatic or review-first.")
        String mode;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            MatchingService matching = new MatchingService(transactions);
            if (payer != null || mode != null) {
                if (payer == null || mode == null) {
                    throw new Refused("give both --payer and --mode to change a payer's settings");
                }
                PostingMode m = switch (mode.strip().toLowerCase(Locale.ROOT)) {
                    case "automatic" -> PostingMode.AUTOMATIC;
                    case "review-first", "review_first" -> PostingMode.REVIEW_FIRST;
                    default -> throw new Refused("--mode must be automatic or review-first, not '" + mode + "'");
                };
                List<String> patterns = matching.settings().stream()
                        .filter(s -> s.payerName().equalsIgnoreCase(payer.strip())).findFirst()
                        .map(PayerRemitSettings::clp01Patterns).orElse(List.of());
                matching.saveSettings(new PayerRemitSettings(payer, m, patterns));
            }
            List<PayerRemitSettings> all = matching.settings();
            out.printf("%-32s %-13s %s%n", "PAYER", "POSTING", "CLP01 PATTERNS");
            for (PayerRemitSettings s : all) {
                out.printf("%-32.32s %-13s %s%n", s.payerName(),
                        s.postingMode() == PostingMode.AUTOMATIC ? "automatic" : "review-first",
                        s.clp01Patterns().isEmpty() ? "(defaults)" : String.join("  ", s.clp01Patterns()));
            }
            out.printf("%,d payer(s) with settings; every other payer: automatic, default CLP01 patterns%n", all.size());
        }
    }

    /** Words for a decision's result, shared with the workstation's wording. */
    static final class Words {
        private Words() {
        }

        static String status(MatchRecord r) {
            return switch (r.status()) {
                case MANUAL -> "Matched";
                case UNMATCHED -> "Unmatched";
                case MATCHED -> "Matched automatically";
                case NEEDS_REVIEW -> "Needs review";
            };
        }
    }
}
