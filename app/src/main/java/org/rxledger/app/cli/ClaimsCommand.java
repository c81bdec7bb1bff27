package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.claim.ClaimSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger claims …}: bulk import and listing of adjudicated claims. */
@Command(name = "claims", description = "Import and list adjudicated claims.",
        subcommands = {ClaimsCommand.ListClaims.class, ClaimsImportCommand.class, ClaimsFeedCommand.class})
final class ClaimsCommand {

    @ParentCommand
    RxLedgerCommand root;

    @Command(name = "list", description = "List claims, newest date of service first.")
    static final class ListClaims implements Callable<Integer> {

        @ParentCommand
        ClaimsCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print a JSON array (one object per claim).")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (AppContext ctx = parent.root.openContext()) {
                List<ClaimSummary> claims = ctx.transactions().read(tx -> tx.port(ClaimRepository.class).summaries(tx.identifierMask()));
                if (json) {
                    List<Map<String, Object>> rows = new ArrayList<>(claims.size());
                    for (ClaimSummary c : claims) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", c.id());
                        row.put("rx", c.rxNumber());
                        row.put("fill", c.fillNumber());
                        row.put("dos", c.dateOfService().toString());
                        row.put("date_of_birth", c.dateOfBirth());
                        row.put("cardholder_id", c.cardholderId());
                        row.put("payer", c.payerName());
                        row.put("plan", c.planName());
                        row.put("bin", c.bin());
                        row.put("ndc", c.ndc());
                        row.put("quantity", c.quantity().stripTrailingZeros().toPlainString());
                        row.put("days_supply", c.daysSupply());
                        row.put("status", c.status().name());
                        row.put("reject_codes", c.rejectCodes().isEmpty() ? List.of() : List.of(c.rejectCodes().split(",")));
                        row.put("gross_amount_due", c.grossAmountDue().toString());
                        row.put("plan_paid", c.planPaid().toString());
                        row.put("patient_pay", c.patientPay().toString());
                        row.put("authorization_number", c.authorizationNumber());
                        rows.add(row);
                    }
                    CliOutput.json(out, rows);
                } else {
                    out.printf("%-12s %4s %-10s %-22s %-10s %10s %10s  %s%n", "RX", "FILL", "DOS", "PAYER", "STATUS",
                            "PLAN PAID", "PAT PAY", "CARDHOLDER");
                    for (ClaimSummary c : claims) {
                        out.printf("%-12s %4d %-10s %-22.22s %-10s %10s %10s  %s%n", c.rxNumber(), c.fillNumber(),
                                c.dateOfService(), c.payerName(), c.status().name(), c.planPaid(), c.patientPay(),
                                c.cardholderId());
                    }
                    out.printf("%,d %s%n", claims.size(), claims.size() == 1 ? "claim" : "claims");
                }
                out.flush();
            }
            return 0;
        }
    }
}
