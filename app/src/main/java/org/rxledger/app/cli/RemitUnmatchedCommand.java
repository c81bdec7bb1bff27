package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.matching.MatchRepository;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.ReconciliationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rxledger remit unmatched}: claim payments not tied to any claim (unmatched, or waiting for a
 * person to choose between candidates). A subcommand of {@code remit}; it finds the root command
 * through the command tree, so it does not depend on the {@code remit} command's class.
 */
@Command(name = "unmatched", description = "List claim payments (CLP) not tied to any claim.")
public final class RemitUnmatchedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array: {trace, patient_control_number, paid}.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RxLedgerCommand root = (RxLedgerCommand) spec.root().userObject();
        try (AppContext ctx = root.openContext()) {
            List<MatchRepository.UnmatchedRemitClaim> rows = new ReconciliationService(ctx.transactions()).unmatched();
            if (json) {
                List<Map<String, Object>> list = new ArrayList<>(rows.size());
                for (MatchRepository.UnmatchedRemitClaim r : rows) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("trace", r.traceNumber());
                    row.put("patient_control_number", r.patientControlNumber());
                    row.put("paid", r.paid().amount().toPlainString());
                    list.add(row);
                }
                CliOutput.json(out, list);
            } else {
                out.printf("%-20s %-10s %-24s %-22s %4s %10s  %s%n", "TRACE", "PAID ON", "PAYER", "CLP01", "CLP2", "PAID", "STATUS");
                Money total = Money.ZERO;
                for (MatchRepository.UnmatchedRemitClaim r : rows) {
                    out.printf("%-20.20s %-10s %-24.24s %-22.22s %4s %10s  %s%n", r.traceNumber(), r.paymentDate(),
                            r.payerName(), r.patientControlNumber(), r.claimStatus(), r.paid(),
                            r.status().name().toLowerCase().replace('_', ' '));
                    total = total.plus(r.paid());
                }
                out.printf("%,d claim payment(s) not tied to a claim, %s in all%n", rows.size(), total);
            }
            out.flush();
        }
        return 0;
    }
}
