package org.rxledger.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.security.Disclosure;
import org.rxledger.core.security.DisclosureLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rxledger disclosures}: the accounting of disclosures (docs/security.md) — every packet, EOB or report
 * with patient data that left the office, oldest first. Patients appear by internal id only.
 */
@Command(name = "disclosures", description = "List disclosures of patient data (accounting of disclosures).")
final class DisclosuresCommand implements Callable<Integer> {

    @ParentCommand
    RxLedgerCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--patient", paramLabel = "ID", description = "Only disclosures that included this patient (internal id).")
    Long patient;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "From this day (UTC), inclusive.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "To this day (UTC), inclusive.")
    LocalDate to;

    @Option(names = "--json", description = "Print [{\"at\", \"user\", \"workstation\", \"kind\", \"recipient\", "
            + "\"reference\", \"patients\": [ids]}].")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Disclosure> list;
        try (AppContext ctx = root.openContext()) {
            ctx.require(org.rxledger.core.access.Permission.AUDIT_TRAIL_VERIFY, "read the disclosure log");
            list = ctx.transactions().read(tx -> patient != null ? tx.port(DisclosureLog.class).forPatient(patient)
                    : tx.port(DisclosureLog.class).between(from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                            to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Disclosure d : list) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("at", d.disclosedAt().toString());
                o.put("user", d.user());
                o.put("workstation", d.workstation());
                o.put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
                o.put("recipient", d.recipient());
                o.put("reference", d.reference());
                o.put("patients", d.patientIds());
                rows.add(o);
            }
            CliOutput.json(out, rows);
        } else {
            out.printf("%-20s %-12s %-13s %-28s %-20s %s%n", "WHEN (UTC)", "BY", "KIND", "TO", "REFERENCE", "PATIENTS");
            for (Disclosure d : list) {
                out.printf("%-20s %-12.12s %-13s %-28.28s %-20.20s %d%n", d.disclosedAt().toString().substring(0, 19),
                        d.user(), d.kind().name().toLowerCase(java.util.Locale.ROOT), d.recipient(), d.reference(),
                        d.patientIds().size());
            }
            out.printf("%d %s%n", list.size(), list.size() == 1 ? "disclosure" : "disclosures");
        }
        out.flush();
        return 0;
    }
}
