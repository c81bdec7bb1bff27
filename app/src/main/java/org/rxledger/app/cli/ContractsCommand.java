package org.rxledger.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxledger.core.contract.ContractCheck;
import org.rxledger.core.contract.ContractRepository;
import org.rxledger.core.contract.ContractService;
import org.rxledger.core.contract.ContractTerms;
import org.rxledger.core.contract.MacAppeal;
import org.rxledger.core.contract.MacAppealService;
import org.rxledger.core.contract.PriceKind;
import org.rxledger.core.money.Money;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.tx.Transactions;
import org.rxledger.reports.pdf.AuditPacketPdfWriter;
import org.rxledger.reports.pdf.MacAppealExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Payer contracts, price lists and underpayments from the command line (issue 22; docs/contracts.md):
 * {@code rxledger contracts import|list|notices|acknowledge|mac-appeal}, {@code rxledger prices import|list} and
 * {@code rxledger recon underpaid}.
 */
@Command(name = "contracts", description = "Payer contract terms by routing and effective date, and their change notices.",
        subcommands = {ContractsCommand.Import.class, ContractsCommand.ListVersions.class, ContractsCommand.Notices.class,
                ContractsCommand.Acknowledge.class, ContractsCommand.MacAppealPacket.class})
public final class ContractsCommand {

    private ContractsCommand() {
    }

    /** Prints a change notice raised by an import. */
    static void printNotice(PrintWriter out, ContractRepository.Notice n) {
        if (n != null) {
            out.printf("Notice %d: %s%n%s%n", n.id(), n.subject(), n.summary());
        }
    }

    @Command(name = "import", description = "Import contract terms (CSV, one version per row); all rows or none.")
    static final class Import extends RemitPostingCommands.Base {
        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            RemitPostingCommands.Refused.unlessReadable(file);
            ContractService.ImportResult r;
            try {
                r = new ContractService(transactions).importContracts(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!r.succeeded()) {
                throw RemitPostingCommands.Refused.notImported(file, r.errors());
            }
            out.printf("%s: %d contract version(s) added, %d already known.%n", file.getFileName(), r.added(), r.unchanged());
            printNotice(out, r.notice());
        }
    }

    @Command(name = "list", description = "Every contract version: routing, start, brand and generic formulas, fees.")
    static final class ListVersions extends RemitPostingCommands.Base {
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            List<ContractTerms> versions = new ContractService(transactions).versions();
            if (json) {
                CliOutput.json(out, versions.stream().map(v -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("contract", v.contractName());
                    o.put("payer", v.payerName());
                    o.put("bin", v.routing().bin());
                    o.put("pcn", v.routing().pcn());
                    o.put("group", v.routing().groupId());
                    o.put("effective_from", v.effectiveFrom().toString());
                    o.put("brand", v.brand().label());
                    o.put("generic", v.generic().label());
                    o.put("mac_list", v.macList());
                    o.put("lesser_of_uc", v.lesserOfUc());
                    o.put("transaction_fee", v.transactionFee().toPlainString());
                    o.put("post_adj_fee_percent", v.postAdjPercent().toPlainString());
                    o.put("post_adj_fee_flat", v.postAdjFlat().toPlainString());
                    return o;
                }).toList());
                return;
            }
            out.printf("%-20s %-30s %-10s %-24s %-24s %-10s %s%n", "CONTRACT", "ROUTING", "FROM", "BRAND", "GENERIC", "MAC LIST",
                    "FEES");
            for (ContractTerms v : versions) {
                out.printf("%-20.20s %-30.30s %-10s %-24s %-24s %-10.10s tx %s, post %s%% + %s%s%n", v.contractName(),
                        v.routing().label(), v.effectiveFrom(), v.brand().label(), v.generic().label(), v.macList(),
                        v.transactionFee().toPlainString(), v.postAdjPercent().stripTrailingZeros().toPlainString(),
                        v.postAdjFlat().toPlainString(), v.lesserOfUc() ? ", lesser of U&C/submitted" : "");
            }
            out.printf("%,d contract version(s)%n", versions.size());
        }
    }

    @Command(name = "notices", description = "Contract and MAC change notices (open ones unless --all).")
    static final class Notices extends RemitPostingCommands.Base {
        @Option(names = "--all", description = "Also the acknowledged ones.")
        boolean all;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            ContractService service = new ContractService(transactions);
            List<ContractRepository.Notice> notices = all ? service.notices() : service.openNotices();
            for (ContractRepository.Notice n : notices) {
                printNotice(out, n);
                out.println(n.open() ? "(open)" : "(acknowledged by " + n.acknowledgedBy() + " " + n.acknowledgedAt() + ")");
            }
            out.printf("%,d notice(s)%n", notices.size());
        }
    }

    @Command(name = "acknowledge", description = "Acknowledge a change notice (kept in the audit trail).")
    static final class Acknowledge extends RemitPostingCommands.Base {
        @Parameters(paramLabel = "NOTICE")
        long notice;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            new ContractService(transactions).acknowledge(notice);
            out.printf("Notice %d acknowledged.%n", notice);
        }
    }

    @Command(name = "mac-appeal", description = {"Write the MAC appeal of one claim priced on a MAC list: a PDF with the "
            + "claim, the MAC price, NADAC, the invoice cost and the shortfall, and the request to adjust the rate.",
            "Recorded in the accounting of disclosures (the claim by Rx and date of service; no patient names)."})
    static final class MacAppealPacket extends RemitPostingCommands.Base {
        @Option(names = "--rx", required = true, paramLabel = "RX", description = "The claim's Rx number.")
        String rx;

        @Option(names = "--fill", required = true, paramLabel = "N", description = "The fill number.")
        int fill;

        @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the PDF.")
        Path file;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            MacAppealExport.Written written;
            try {
                written = MacAppealExport.write(new MacAppealService(transactions), rx, fill, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            MacAppeal appeal = written.appeal();
            AuditPacketPdfWriter.Result pdf = written.pdf();
            out.printf("Wrote %s (%d page%s, SHA-256 %s): Rx %s fill %d, MAC %s against %s cost %s, shortfall %s.%n",
                    pdf.file(), pdf.pageCount(), pdf.pageCount() == 1 ? "" : "s", pdf.sha256(), appeal.rx(), appeal.fill(),
                    appeal.macReimbursement(), appeal.costBasis(), appeal.acquisitionCost(), appeal.shortfall());
        }
    }

    /** {@code rxledger prices …}. */
    @Command(name = "prices", description = "Drug price lists for contracts: MAC lists, NADAC, AWP, WAC and wholesaler invoices.",
            subcommands = {PricesImport.class, PricesList.class})
    static final class Prices {
    }

    @Command(name = "import", description = "Import a price file; all rows or none. mac: mac_list,ndc,unit_price,effective_from,"
            + "effective_to; nadac: the CMS NADAC file as published; awp, wac: ndc,unit_price,effective_from,effective_to; "
            + "invoice: ndc,invoice_date,quantity,cost.")
    static final class PricesImport extends RemitPostingCommands.Base {
        @Option(names = "--kind", required = true, paramLabel = "mac|nadac|awp|wac|invoice", description = "What the file holds.")
        String kind;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            PriceKind k;
            try {
                k = PriceKind.parse(kind);
            } catch (IllegalArgumentException e) {
                throw new RxLedgerCommand.UsageError(e.getMessage());
            }
            RemitPostingCommands.Refused.unlessReadable(file);
            PrintWriter err = spec.commandLine().getErr();
            ProgressListener progress = new ProgressListener() {
                private long shown = -1;

                @Override
                public void progress(long done, long total, String message) {
                    if (done / 100_000 != shown) {
                        shown = done / 100_000;
                        err.printf("%s: %,d%s rows%n", message, done, total > 0 ? String.format(" of %,d", total) : "");
                    }
                }
            };
            ContractService.ImportResult r;
            try {
                r = new ContractService(transactions).importPrices(k, file, progress);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!r.succeeded()) {
                throw RemitPostingCommands.Refused.notImported(file, r.errors());
            }
            out.printf("%s: %,d %s row(s) added, %,d already known.%n", file.getFileName(), r.added(), k, r.unchanged());
            printNotice(out, r.notice());
        }
    }

    @Command(name = "list", description = "The price files imported: kind, file, rows, when, by whom.")
    static final class PricesList extends RemitPostingCommands.Base {
        @Override
        void run(Transactions transactions, PrintWriter out) {
            List<ContractRepository.PriceImport> imports = new ContractService(transactions).priceImports();
            out.printf("%-8s %-40s %10s %-24s %s%n", "KIND", "FILE", "ROWS", "IMPORTED", "BY");
            for (ContractRepository.PriceImport i : imports) {
                out.printf("%-8s %-40.40s %,10d %-24s %s%n", i.kind(), i.fileName(), i.rows(), i.at(), i.by());
            }
            out.printf("%,d price file(s)%n", imports.size());
        }
    }

    /** {@code rxledger recon underpaid}. */
    @Command(name = "underpaid", description = "Claims paid below their contract: rx, fill, dos, payer, expected by contract, "
            + "paid, shortfall, formula.")
    static final class Underpaid extends RemitPostingCommands.Base {
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First date of service.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last date of service.")
        LocalDate to;

        @Option(names = "--tolerance", paramLabel = "AMOUNT", description = "Shortfalls up to this are rounding (default 0.10).")
        String tolerance;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            Money tol;
            try {
                tol = tolerance == null ? ContractService.DEFAULT_TOLERANCE : Money.parse(tolerance);
            } catch (IllegalArgumentException e) {
                throw new RxLedgerCommand.UsageError("--tolerance: " + e.getMessage());
            }
            List<ContractCheck> rows = new ContractService(transactions).underpaid(from, to, tol);
            if (json) {
                CliOutput.json(out, rows.stream().map(c -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("rx", c.claim().rx());
                    o.put("fill", c.claim().fill());
                    o.put("dos", c.claim().dateOfService().toString());
                    o.put("payer", c.claim().payer());
                    o.put("contract", c.expectation().terms().contractName());
                    o.put("expected", c.expectation().expected().amount().toPlainString());
                    o.put("paid", c.claim().paid().amount().toPlainString());
                    o.put("shortfall", c.shortfall().amount().toPlainString());
                    o.put("formula", c.expectation().formula().label());
                    o.put("working", c.expectation().working());
                    return o;
                }).toList());
                return;
            }
            out.printf("%-12s %4s %-10s %-22s %10s %10s %10s  %s%n", "RX", "FILL", "DOS", "PAYER", "EXPECTED", "PAID",
                    "SHORTFALL", "FORMULA");
            Money total = Money.ZERO;
            for (ContractCheck c : rows) {
                out.printf("%-12s %4d %-10s %-22.22s %10s %10s %10s  %s%n", c.claim().rx(), c.claim().fill(),
                        c.claim().dateOfService(), c.claim().payer(), c.expectation().expected(), c.claim().paid(),
                        c.shortfall(), c.expectation().formula().label());
                total = total.plus(c.shortfall());
            }
            out.printf("%,d underpaid claim(s), %s short of contract%n", rows.size(), total);
        }
    }
}
