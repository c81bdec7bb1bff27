package org.rxledger.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxledger.app.AppContext;
import org.rxledger.core.audit.AuditCaseDetail;
import org.rxledger.core.audit.AuditCaseException;
import org.rxledger.core.audit.AuditCaseOverview;
import org.rxledger.core.audit.AuditType;
import org.rxledger.core.audit.NewAuditCase;
import org.rxledger.core.audit.RequestedClaim;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.reports.pdf.AuditPacketExport;
import org.rxledger.reports.pdf.AuditPacketPdfWriter;
import org.rxledger.reports.pdf.PacketProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rxledger audit create|packet|list}: PBM audit cases from the command line. */
@Command(name = "audit", description = "PBM audit cases: create a case from a claim list, write its desk-audit packet, list cases.",
        subcommands = {AuditCommand.Create.class, AuditCommand.Packet.class, AuditCommand.ListCases.class})
final class AuditCommand implements Callable<Integer> {

    @ParentCommand
    RxLedgerCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /**
     * {@code audit create}: the case is created with every line of the list. Lines with no matching
     * claim on file are kept on the case (the packet lists them as exceptions) and reported on
     * stderr; the exit code is 0 because the case exists and the clerk must answer for those lines
     * too. {@code --strict} refuses the whole list instead (exit 1, nothing created) when any line is
     * unknown — for scripts that would rather fix the list first.
     */
    @Command(name = "create", description = "Open an audit case with the claims listed in a CSV file "
            + "(columns rx_number, fill_number, date_of_service).")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Spec
        CommandSpec spec;

        @Option(names = "--pbm", required = true, paramLabel = "NAME", description = "PBM or auditor name.")
        String pbm;

        @Option(names = "--id", required = true, paramLabel = "AUDIT_ID", description = "The auditor's audit id.")
        String auditId;

        @Option(names = "--due", required = true, paramLabel = "YYYY-MM-DD", description = "Response due date.")
        LocalDate due;

        @Option(names = "--letter-date", paramLabel = "YYYY-MM-DD", description = "Date of the audit letter (default: today).")
        LocalDate letterDate;

        @Option(names = "--type", paramLabel = "TYPE", description = "DESK (default), ONSITE or INVOICE.")
        AuditType type = AuditType.DESK;

        @Option(names = "--contact", paramLabel = "TEXT", description = "Whom to answer (name, phone, fax).")
        String contact = "";

        @Option(names = "--claims", required = true, paramLabel = "FILE.csv", description = "The requested claims.")
        Path claims;

        @Option(names = "--strict", description = "Create nothing (exit 1) if any listed claim is not on file.")
        boolean strict;

        @Option(names = "--allow-other-payers", paramLabel = "REASON", description = "Accept listed claims that the "
                + "payer directory puts with another payer than --pbm (refused without it); the reason is audited.")
        String allowOtherPayers;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (AppContext ctx = audit.root.openContext()) {
                LocalDate letter = letterDate != null ? letterDate : LocalDate.now(ctx.clock());
                NewAuditCase header;
                try {
                    header = new NewAuditCase(pbm, auditId, type, letter, due, contact);
                } catch (IllegalArgumentException e) {
                    err.println("rxledger: " + e.getMessage() + ".");
                    err.flush();
                    return Cli.EXIT_REJECTED;
                }
                AuditCaseDetail detail;
                try {
                    detail = strict ? createStrict(ctx, header, err)
                            : ctx.auditCases().createFromCsv(header, claims, allowOtherPayers);
                } catch (AuditCaseException e) {
                    err.println("rxledger: " + e.getMessage());
                    err.flush();
                    return Cli.EXIT_REJECTED;
                }
                if (detail == null) {
                    return Cli.EXIT_REJECTED;
                }
                List<RequestedClaim> unknown = detail.requestedClaims().stream().filter(l -> !l.isKnown()).toList();
                for (RequestedClaim l : unknown) {
                    err.printf("rxledger: line %d: no claim on file for Rx %s, DOS %s (kept on the case as an exception)%n",
                            l.lineNo(), l.rxFill(), l.dateOfService());
                }
                err.flush();
                if (json) {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("auditId", detail.auditCase().auditId());
                    result.put("pbm", detail.auditCase().pbmName());
                    result.put("dueDate", detail.auditCase().dueDate().toString());
                    result.put("claims", detail.requestedClaims().size());
                    List<Map<String, Object>> unknownLines = new ArrayList<>();
                    for (RequestedClaim l : unknown) {
                        unknownLines.add(Map.of("line", l.lineNo(), "rx", l.rxFill(), "dateOfService",
                                l.dateOfService().toString()));
                    }
                    result.put("unknown", unknownLines);
                    CliOutput.json(out, result);
                } else {
                    out.printf("Created audit %s (%s, due %s): %d claims, %d on file, %d not on file.%n",
                            detail.auditCase().auditId(), detail.auditCase().pbmName(), detail.auditCase().dueDate(),
                            detail.requestedClaims().size(), detail.requestedClaims().size() - unknown.size(), unknown.size());
                }
                out.flush();
            }
            return 0;
        }

        /** Checks every line against the stored claims first; creates the case only if all are on file. */
        private AuditCaseDetail createStrict(AppContext ctx, NewAuditCase header, PrintWriter err) {
            List<org.rxledger.core.audit.RequestedLine> lines;
            try (var reader = java.nio.file.Files.newBufferedReader(claims, java.nio.charset.StandardCharsets.UTF_8)) {
                lines = org.rxledger.core.audit.RequestedClaimsCsv.parse(reader);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new AuditCaseException("The claim list " + claims.getFileName() + " does not exist.", e);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            List<String> missing = ctx.transactions().read(tx -> {
                List<String> m = new ArrayList<>();
                int n = 0;
                for (var line : lines) {
                    n++;
                    if (org.rxledger.core.audit.AuditCaseService.resolve(tx.port(ClaimRepository.class).forRx(line.rxNumber()),
                            line.fillNumber(), line.dateOfService()).isEmpty()) {
                        m.add("line " + n + ": no claim on file for Rx " + line.rxNumber() + "-"
                                + String.format("%02d", line.fillNumber()) + ", DOS " + line.dateOfService());
                    }
                }
                return m;
            });
            if (!missing.isEmpty()) {
                missing.forEach(m -> err.println("rxledger: " + m));
                err.println("rxledger: --strict: " + missing.size() + " of " + lines.size()
                        + " claims are not on file; no audit case was created.");
                err.flush();
                return null;
            }
            return ctx.auditCases().create(header, lines, allowOtherPayers);
        }
    }

    /** {@code audit packet}: writes the desk-audit packet PDF and records the disclosure. */
    @Command(name = "packet", description = "Write the desk-audit packet (PDF) of a case; prints its page count and SHA-256.")
    static final class Packet implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Spec
        CommandSpec spec;

        @Option(names = "--id", required = true, paramLabel = "AUDIT_ID", description = "The audit id.")
        String auditId;

        @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "PDF to write.")
        Path out;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (AppContext ctx = audit.root.openContext()) {
                AuditPacketExport export = new AuditPacketExport(ctx.auditPacketAssembler(),
                        new AuditPacketPdfWriter(), ctx.auditCases());
                AuditPacketPdfWriter.Result result;
                try {
                    result = export.export(auditId, out, PacketProgress.NONE);
                } catch (AuditCaseException e) {
                    err.println("rxledger: " + e.getMessage());
                    err.flush();
                    return Cli.EXIT_REJECTED;
                }
                if (json) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("file", result.file().toString());
                    r.put("pages", result.pageCount());
                    r.put("sha256", result.sha256());
                    CliOutput.json(stdout, r);
                } else {
                    stdout.printf("Wrote %s: %d pages, SHA-256 %s%n", result.file(), result.pageCount(), result.sha256());
                }
                stdout.flush();
            }
            return 0;
        }
    }

    /** {@code audit list}: every case, earliest due date first, with its deadline flag. */
    @Command(name = "list", description = "List audit cases with due dates (OVERDUE / DUE SOON flags).")
    static final class ListCases implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print the cases as JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try (AppContext ctx = audit.root.openContext()) {
                List<AuditCaseOverview> cases = ctx.auditCases().listCases();
                if (json) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (AuditCaseOverview o : cases) {
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("auditId", o.auditCase().auditId());
                        r.put("pbm", o.auditCase().pbmName());
                        r.put("type", o.auditCase().type().name());
                        r.put("status", o.auditCase().status().name());
                        r.put("letterDate", o.auditCase().letterDate().toString());
                        r.put("dueDate", o.auditCase().dueDate().toString());
                        r.put("daysUntilDue", o.daysUntilDue());
                        r.put("deadline", o.deadline().name());
                        r.put("claims", o.requestedClaims());
                        r.put("unknownClaims", o.unknownClaims());
                        rows.add(r);
                    }
                    CliOutput.json(out, rows);
                } else if (cases.isEmpty()) {
                    out.println("No audit cases.");
                } else {
                    out.printf("%-14s %-24s %-6s %-18s %-10s %6s  %s%n", "AUDIT ID", "PBM", "TYPE", "STATUS", "DUE",
                            "CLAIMS", "FLAG");
                    for (AuditCaseOverview o : cases) {
                        String flag = switch (o.deadline()) {
                            case OVERDUE -> "OVERDUE by " + (-o.daysUntilDue()) + " d";
                            case DUE_SOON -> o.daysUntilDue() == 0 ? "DUE TODAY" : "DUE SOON (" + o.daysUntilDue() + " d)";
                            case NONE -> "";
                        };
                        out.printf("%-14s %-24s %-6s %-18s %-10s %6d  %s%n", o.auditCase().auditId(),
                                o.auditCase().pbmName(), o.auditCase().type().name(), o.auditCase().status().label(),
                                o.auditCase().dueDate(), o.requestedClaims(),
                                flag + (o.unknownClaims() > 0 ? (flag.isEmpty() ? "" : ", ") + o.unknownClaims() + " not on file" : ""));
                    }
                }
                out.flush();
            }
            return 0;
        }
    }
}
