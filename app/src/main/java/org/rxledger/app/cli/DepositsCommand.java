package org.rxledger.app.cli;

import org.rxledger.core.error.RxLedgerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.deposit.Deposit;
import org.rxledger.core.deposit.DepositImportError;
import org.rxledger.core.deposit.DepositImportResult;
import org.rxledger.core.deposit.DepositMethod;
import org.rxledger.core.deposit.DepositPairing;
import org.rxledger.core.deposit.DepositService;
import org.rxledger.core.deposit.NewDeposit;
import org.rxledger.core.deposit.RemittedPayment;
import org.rxledger.core.money.Money;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger deposits …}: bank deposits and their pairing with 835 payments. */
@Command(name = "deposits", description = "Enter, import and pair bank deposits with 835 payments.",
        subcommands = {DepositsCommand.Add.class, DepositsCommand.Import.class, DepositsCommand.ListDeposits.class,
                DepositsCommand.Unmatched.class, DepositsCommand.Void.class})
final class DepositsCommand {

    @ParentCommand
    RxLedgerCommand root;

    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        DepositsCommand parent;

        @Spec
        CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        @Override
        public Integer call() throws Exception {
            try (AppContext ctx = parent.root.openContext()) {
                return run(new DepositService(ctx.transactions()));
            }
        }

        abstract int run(DepositService deposits) throws Exception;
    }

    @Command(name = "add", description = "Record one deposit from the bank statement.")
    static final class Add extends Sub {
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Deposit (settlement) date.")
        LocalDate date;

        @Option(names = "--amount", required = true, description = "Amount, e.g. 1206.82.")
        BigDecimal amount;

        @Option(names = "--trace", required = true, description = "EFT trace or check number (the 835 TRN02).")
        String trace;

        @Option(names = "--method", defaultValue = "ACH", description = "ACH (EFT), CHK, FWT or BOP; default ${DEFAULT-VALUE}.")
        String method;

        @Option(names = "--note", description = "Free text, e.g. the statement page.")
        String note;

        @Override
        int run(DepositService deposits) {
            Deposit d;
            try {
                d = deposits.record(new NewDeposit(date, Money.of(amount), trace, DepositMethod.parse(method), null, note));
            } catch (IllegalArgumentException | IllegalStateException | RxLedgerException e) {
                err().println("rxledger: " + e.getMessage());
                err().flush();
                return Cli.EXIT_REJECTED;
            }
            out().printf("Deposit %d recorded: %s %s on %s, trace %s.%n", d.id(), d.method().label(), d.amount(),
                    d.depositDate(), d.traceNumber());
            out().flush();
            return 0;
        }
    }

    @Command(name = "import", description = "Import a bank-statement CSV (deposit_date, amount, trace_number[, method, bank_reference, note]); all rows or none.")
    static final class Import extends Sub {
        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @Option(names = "--json", description = "Print the result as one JSON object.")
        boolean json;

        @Override
        int run(DepositService deposits) throws IOException {
            if (!Files.isReadable(file)) {
                err().println("rxledger: cannot read " + file + " (no such file, or no permission)");
                err().flush();
                return Cli.EXIT_REJECTED;
            }
            DepositImportResult r = deposits.importCsv(file);
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("file", file.toString());
                o.put("status", r.succeeded() ? "imported" : "rejected");
                o.put("imported", r.imported());
                o.put("skipped_duplicates", r.skippedDuplicates());
                o.put("errors", r.errors().stream().map(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("line", e.line());
                    m.put("column", e.column());
                    m.put("message", e.message());
                    return m;
                }).toList());
                CliOutput.json(out(), o);
            } else if (r.succeeded()) {
                out().printf("%s: imported %d deposit%s%s.%n", file.getFileName(), r.imported(), r.imported() == 1 ? "" : "s",
                        r.skippedDuplicates() > 0 ? "; " + r.skippedDuplicates() + " already recorded were skipped" : "");
                out().flush();
            }
            if (!r.succeeded()) {
                for (DepositImportError e : r.errors()) {
                    err().println(e);
                }
                err().printf("%s was not imported: %d error%s. Nothing was written.%n", file.getFileName(),
                        r.errors().size(), r.errors().size() == 1 ? "" : "s");
                err().flush();
                return Cli.EXIT_REJECTED;
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List deposits, newest first (voided ones marked).")
    static final class ListDeposits extends Sub {
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        int run(DepositService deposits) {
            List<Deposit> all = deposits.deposits();
            if (json) {
                CliOutput.json(out(), all.stream().map(DepositsCommand::json).toList());
                return 0;
            }
            out().printf("%-6s %-10s %-4s %12s  %-20s %s%n", "id", "date", "how", "amount", "trace", "source");
            for (Deposit d : all) {
                out().printf("%-6d %-10s %-4s %12s  %-20s %s%s%n", d.id(), d.depositDate(), d.method().name(), d.amount(),
                        d.traceNumber(), d.source(), d.voided() ? "  VOID: " + d.voidReason() : "");
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "unmatched", description = "Payments without a deposit, deposits without a remittance, and amount mismatches.")
    static final class Unmatched extends Sub {
        @Option(names = "--json", description = "Print one JSON object with the three lists.")
        boolean json;

        @Override
        int run(DepositService deposits) {
            DepositPairing p = deposits.pairing();
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("payments_without_deposit", p.paymentsWithoutDeposit().stream().map(DepositsCommand::json).toList());
                o.put("deposits_without_remittance", p.depositsWithoutRemittance().stream().map(DepositsCommand::json).toList());
                o.put("amount_mismatches", p.amountMismatches().stream().map(m -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("payment", json(m.payment()));
                    x.put("deposit", json(m.deposit()));
                    x.put("difference", m.difference().toString());
                    return x;
                }).toList());
                CliOutput.json(out(), o);
                return 0;
            }
            PrintWriter out = out();
            out.printf("%d payment%s paired with deposits.%n", p.paired().size(), p.paired().size() == 1 ? "" : "s");
            out.printf("Payments without deposit (%d):%n", p.paymentsWithoutDeposit().size());
            p.paymentsWithoutDeposit().forEach(x -> out.printf("  %s  %-20s %12s  %s%n", x.paymentDate(), x.traceNumber(),
                    x.amount(), x.payerName()));
            out.printf("Deposits without remittance (%d):%n", p.depositsWithoutRemittance().size());
            p.depositsWithoutRemittance().forEach(d -> out.printf("  %s  %-20s %12s  deposit %d%n", d.depositDate(),
                    d.traceNumber(), d.amount(), d.id()));
            out.printf("Amount mismatches (%d):%n", p.amountMismatches().size());
            p.amountMismatches().forEach(m -> out.printf("  trace %s: 835 says %s, bank says %s (difference %s)%n",
                    m.payment().traceNumber(), m.payment().amount(), m.deposit().amount(), m.difference()));
            out.flush();
            return 0;
        }
    }

    @Command(name = "void", description = "Void a deposit entered by mistake (the record stays, marked void).")
    static final class Void extends Sub {
        @Option(names = "--id", required = true, description = "Deposit id (see deposits list).")
        long id;

        @Option(names = "--reason", required = true, description = "Why, in plain words.")
        String reason;

        @Override
        int run(DepositService deposits) {
            try {
                Deposit d = deposits.voidDeposit(id, reason);
                out().printf("Deposit %d (%s, trace %s) is void: %s.%n", d.id(), d.amount(), d.traceNumber(), d.voidReason());
                out().flush();
                return 0;
            } catch (IllegalArgumentException | IllegalStateException | RxLedgerException e) {
                err().println("rxledger: " + e.getMessage());
                err().flush();
                return Cli.EXIT_REJECTED;
            }
        }
    }

    static Map<String, Object> json(Deposit d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("date", d.depositDate().toString());
        m.put("amount", d.amount().toString());
        m.put("trace", d.traceNumber());
        m.put("method", d.method().name());
        m.put("source", d.source());
        m.put("void_reason", d.voidReason());
        return m;
    }

    static Map<String, Object> json(RemittedPayment p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("payer", p.payerName());
        m.put("trace", p.traceNumber());
        m.put("amount", p.amount().toString());
        m.put("payment_date", p.paymentDate().toString());
        return m;
    }
}
