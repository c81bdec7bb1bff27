package org.rxledger.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxledger.core.mfp.ExclusionReason;
import org.rxledger.core.mfp.MfpOpenItemsCsv;
import org.rxledger.core.mfp.MfpPrice;
import org.rxledger.core.mfp.MfpPriceImportResult;
import org.rxledger.core.mfp.MfpDisputePacket;
import org.rxledger.core.mfp.MfpKpi;
import org.rxledger.core.mfp.MfpRefund;
import org.rxledger.core.mfp.MfpRepository;
import org.rxledger.core.mfp.MfpService;
import org.rxledger.core.mfp.RefundState;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.Routing;
import org.rxledger.core.tx.Transactions;
import org.rxledger.reports.pdf.AuditPacketPdfWriter;
import org.rxledger.reports.pdf.MfpDisputePacketExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Medicare MFP refunds from the command line (issue 24; docs/mfp.md): {@code rxledger mfp prices|part-d|mtf|setup|
 * refunds|exclude|expected|dispute}.
 */
@Command(name = "mfp", description = "Medicare MFP refunds: selected-drug prices, Part D routings, the MTF, refunds, disputes.",
        subcommands = {MfpCommand.Prices.class, MfpCommand.PartD.class, MfpCommand.Mtf.class, MfpCommand.Setup.class,
                MfpCommand.Refunds.class, MfpCommand.Export.class, MfpCommand.Exclude.class,
                MfpCommand.Expected.class, MfpCommand.Disputes.class, MfpCommand.WriteOff.class,
                MfpCommand.Kpi.class, MfpCommand.DisputePacket.class})
public final class MfpCommand {

    private MfpCommand() {
    }

    @Command(name = "prices", description = "The MFP price list.", subcommands = {ImportPrices.class, ListPrices.class})
    static final class Prices {
    }

    @Command(name = "import", description = "Import the price list CSV (ndc,mfp_per_unit,wac_per_unit,effective_from,"
            + "effective_to,manufacturer); all rows or none.")
    static final class ImportPrices extends RemitPostingCommands.Base {
        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            RemitPostingCommands.Refused.unlessReadable(file);
            MfpPriceImportResult r;
            try {
                r = new MfpService(transactions).importPrices(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!r.succeeded()) {
                throw RemitPostingCommands.Refused.notImported(file, r.errors());
            }
            out.printf("%s: %d price version(s) added, %d already known.%n", file.getFileName(), r.added(), r.unchanged());
        }
    }

    @Command(name = "list", description = "List every price version (NDC, MFP and WAC per unit, dates, manufacturer).")
    static final class ListPrices extends RemitPostingCommands.Base {
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            List<MfpPrice> prices = new MfpService(transactions).prices();
            if (json) {
                CliOutput.json(out, prices.stream().map(p -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("ndc", p.ndc());
                    o.put("mfp_per_unit", p.mfpPerUnit().toPlainString());
                    o.put("wac_per_unit", p.wacPerUnit().toPlainString());
                    o.put("effective_from", p.effectiveFrom().toString());
                    o.put("effective_to", p.effectiveTo() == null ? null : p.effectiveTo().toString());
                    o.put("manufacturer", p.manufacturer());
                    return o;
                }).toList());
                return;
            }
            out.printf("%-11s %12s %12s %-10s %-10s %s%n", "NDC", "MFP/UNIT", "WAC/UNIT", "FROM", "TO", "MANUFACTURER");
            for (MfpPrice p : prices) {
                out.printf("%-11s %12s %12s %-10s %-10s %s%n", p.ndc(), p.mfpPerUnit().toPlainString(),
                        p.wacPerUnit().toPlainString(), p.effectiveFrom(), p.effectiveTo() == null ? "—" : p.effectiveTo(),
                        p.manufacturer());
            }
            out.printf("%,d price version(s)%n", prices.size());
        }
    }

    @Command(name = "part-d", description = "Mark the claims of a BIN + PCN (+ group) as Medicare Part D (--off to unmark); "
            + "reason required.")
    static final class PartD extends RemitPostingCommands.Base {
        @Option(names = "--bin", required = true, paramLabel = "BIN", description = "The BIN (6 digits).")
        String bin;

        @Option(names = "--pcn", paramLabel = "PCN", description = "The PCN (blank: every PCN of the BIN).")
        String pcn;

        @Option(names = "--group", paramLabel = "GROUP", description = "The group (blank: every group).")
        String group;

        @Option(names = "--off", description = "The routing's claims are not Part D.")
        boolean off;

        @Option(names = "--reason", required = true, description = "Why (kept in the audit trail).")
        String reason;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            Routing routing;
            try {
                routing = new Routing(bin, pcn, group);
            } catch (IllegalArgumentException e) {
                throw new RxLedgerCommand.UsageError(e.getMessage());
            }
            new MfpService(transactions).setPartD(routing, !off, reason);
            out.printf("Claims of %s %s Medicare Part D.%n", routing.label(), off ? "are not" : "are");
        }
    }

    @Command(name = "mtf", description = "Mark a directory payer whose 835s are MFP refunds (the MTF) (--off to unmark); "
            + "reason required.")
    static final class Mtf extends RemitPostingCommands.Base {
        @Option(names = "--payer", required = true, paramLabel = "NAME", description = "The payer's name in the directory.")
        String payer;

        @Option(names = "--off", description = "Its 835s are ordinary remittances again.")
        boolean off;

        @Option(names = "--reason", required = true, description = "Why (kept in the audit trail).")
        String reason;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            new MfpService(transactions).setRefundPayer(payer, !off, reason);
            out.printf("835s of %s %s MFP refunds.%n", payer.strip(), off ? "are not" : "are");
        }
    }

    @Command(name = "setup", description = "Show the Part D routings and the MFP refund payers.")
    static final class Setup extends RemitPostingCommands.Base {
        @Option(names = "--json", description = "Print a JSON object.")
        boolean json;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            MfpService service = new MfpService(transactions);
            List<MfpRepository.PartDRouting> routings = service.partDRoutings();
            List<MfpRepository.RefundPayer> payers = service.refundPayers();
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("part_d_routings", routings.stream().map(r -> Map.of("bin", r.routing().bin(), "pcn", r.routing().pcn(),
                        "group_id", r.routing().groupId(), "reason", r.reason())).toList());
                o.put("refund_payers", payers.stream().map(p -> Map.of("payer_id", p.payerId(), "payer", p.payerName(),
                        "reason", p.reason())).toList());
                CliOutput.json(out, o);
                return;
            }
            out.println("Part D routings:" + (routings.isEmpty() ? " none (rxledger mfp part-d --bin B --pcn P --reason R)" : ""));
            routings.forEach(r -> out.printf("  %s — %s%n", r.routing().label(), r.reason()));
            out.println("MFP refund payers (MTF):" + (payers.isEmpty() ? " none (rxledger mfp mtf --payer NAME --reason R)" : ""));
            payers.forEach(p -> out.printf("  %s — %s%n", p.payerName(), p.reason()));
        }
    }

    @Command(name = "refunds", description = {"Every MFP-eligible fill's refund: expected, received, state, due date.",
            "First records the refunds of MTF 835s imported since the last run."})
    static final class Refunds extends RemitPostingCommands.Base {
        @Option(names = "--json", description = "Print a JSON object.")
        boolean json;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The day the states are judged on (default today).")
        String asOf;

        @Option(names = "--status", paramLabel = "STATE", description = "Only this state: expected, paid, late, short, "
                + "overpaid, missing, reversed, written_off, or disputed.")
        String status;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            LocalDate day = date(asOf, transactions);
            MfpService service = new MfpService(transactions);
            MfpService.RecordResult recorded = service.recordRemittedRefunds();
            List<MfpRefund> refunds = service.refunds(day).stream().filter(filter(status)).toList();
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("as_of", day.toString());
                o.put("recorded_now", recorded.recorded());
                o.put("unmatched_mtf_claim_payments", recorded.unmatched());
                o.put("refunds", refunds.stream().map(MfpCommand::row).toList());
                CliOutput.json(out, o);
                return;
            }
            if (recorded.recorded() > 0 || recorded.unmatched() > 0) {
                out.printf("%d MTF claim payment(s) recorded now (%s); %d not tied to a fill yet.%n", recorded.recorded(),
                        recorded.total(), recorded.unmatched());
            }
            out.printf("%-11s %-10s %-11s %9s %10s %10s %10s %-9s %-10s %s%n", "RX-FILL", "DOS", "NDC", "QTY", "EXPECTED",
                    "RECEIVED", "SHORT", "STATE", "DUE", "DISPUTE");
            for (MfpRefund r : refunds) {
                out.printf("%-11s %-10s %-11s %9s %10s %10s %10s %-9s %-10s %s%n", r.rxFill(), r.dateOfService(), r.ndc(),
                        r.quantity().stripTrailingZeros().toPlainString(), r.expected(), r.received(), r.shortfall(),
                        r.state().label(), r.due(), r.dispute() == null ? "—"
                                : "#" + r.dispute().id() + " " + r.dispute().status().name().toLowerCase(Locale.ROOT));
            }
            Money outstanding = Money.sum(refunds.stream().filter(r -> r.state().owed()).map(MfpRefund::outstanding).toList());
            out.printf("%,d refund(s) as of %s; outstanding %s%n", refunds.size(), day, outstanding);
        }
    }

    @Command(name = "kpi", description = {"MFP refunds outstanding (amount, count) and days to refund (median, average) "
            + "for the fills dispensed in a period.", "First records the refunds of MTF 835s imported since the last run."})
    static final class Kpi extends RemitPostingCommands.Base {
        @Option(names = "--json", description = "Print a JSON object.")
        boolean json;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First date of service (default 90 days before --to).")
        String from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last date of service (default --as-of).")
        String to;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The day the states are judged on (default today).")
        String asOf;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            LocalDate day = date(asOf, transactions);
            LocalDate last = to == null ? day : parse("--to", to);
            LocalDate first = from == null ? last.minusDays(90) : parse("--from", from);
            MfpService service = new MfpService(transactions);
            service.recordRemittedRefunds();
            MfpKpi k = service.kpi(first, last, day);
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("from", k.from().toString());
                o.put("to", k.to().toString());
                o.put("as_of", k.asOf().toString());
                o.put("outstanding", k.outstanding().amount().toPlainString());
                o.put("outstanding_count", k.outstandingCount());
                o.put("refunded", k.refunded());
                o.put("median_days_to_refund", k.medianDaysToRefund() == null ? null : k.medianDaysToRefund().toPlainString());
                o.put("average_days_to_refund", k.averageDaysToRefund() == null ? null : k.averageDaysToRefund().toPlainString());
                CliOutput.json(out, o);
                return;
            }
            out.printf("MFP refunds for fills dispensed %s to %s, as of %s%n", k.from(), k.to(), k.asOf());
            out.printf("  outstanding        %s on %,d fill(s)%n", k.outstanding(), k.outstandingCount());
            out.printf("  days to refund     median %s, average %s (%,d refunded)%n",
                    k.medianDaysToRefund() == null ? "—" : k.medianDaysToRefund().toPlainString(),
                    k.averageDaysToRefund() == null ? "—" : k.averageDaysToRefund().toPlainString(), k.refunded());
        }
    }

    @Command(name = "export", description = "Write the refunds that need work or are disputed as CSV (for a dispute "
            + "or a manufacturer).")
    static final class Export extends RemitPostingCommands.Base {
        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write the CSV.")
        Path file;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The day the states are judged on (default today).")
        String asOf;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            MfpService service = new MfpService(transactions);
            service.recordRemittedRefunds();
            List<MfpRefund> open = MfpOpenItemsCsv.openItems(service.refunds(date(asOf, transactions)));
            writeCsv(open, file);
            out.printf("%d open MFP refund(s) written to %s.%n", open.size(), file);
        }
    }

    private static void writeCsv(List<MfpRefund> refunds, Path file) {
        try {
            MfpDisputePacketExport.writeCsv(refunds, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Command(name = "dispute-packet", description = {"Write the dispute packet to one manufacturer: a PDF (cover, claims "
            + "short, missing or disputed) and the same claims as CSV beside it (F.csv).",
            "Recorded in the accounting of disclosures (claims by Rx and date of service; no patient names)."})
    static final class DisputePacket extends RemitPostingCommands.Base {
        @Option(names = "--manufacturer", required = true, paramLabel = "NAME", description = "As on the price list.")
        String manufacturer;

        @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the PDF.")
        Path file;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First date of service (default 1 year before --to).")
        String from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last date of service (default --as-of).")
        String to;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The day the states are judged on (default today).")
        String asOf;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            LocalDate day = date(asOf, transactions);
            LocalDate last = to == null ? day : parse("--to", to);
            LocalDate first = from == null ? last.minusYears(1) : parse("--from", from);
            MfpService service = new MfpService(transactions);
            service.recordRemittedRefunds();
            MfpDisputePacket packet = service.disputePacket(manufacturer, first, last, day);
            MfpDisputePacketExport.Written written;
            try {
                written = MfpDisputePacketExport.write(packet, LocalDateTime.now(transactions.clock()), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            AuditPacketPdfWriter.Result pdf = written.pdf();
            Path csv = written.csv();
            service.recordDisputePacket(packet, pdf.pageCount(), pdf.sha256());
            out.printf("Wrote %s (%d page%s, SHA-256 %s) and %s: %d claim(s) of %s, shortfall %s.%n", pdf.file(),
                    pdf.pageCount(), pdf.pageCount() == 1 ? "" : "s", pdf.sha256(), csv, packet.refunds().size(),
                    packet.manufacturer(), packet.shortfall());
        }
    }

    static java.util.function.Predicate<MfpRefund> filter(String status) {
        if (status == null || status.isBlank()) {
            return r -> true;
        }
        String s = status.strip().toUpperCase(Locale.ROOT);
        if (s.equals("DISPUTED")) {
            return MfpRefund::disputed;
        }
        try {
            RefundState state = RefundState.valueOf(s);
            return r -> r.state() == state;
        } catch (IllegalArgumentException e) {
            throw new RxLedgerCommand.UsageError("--status " + status + ": expected expected, paid, late, short, overpaid, "
                    + "missing, reversed, written_off or disputed");
        }
    }

    static Map<String, Object> row(MfpRefund r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("claim_id", r.claimId());
        o.put("rx", r.rxNumber());
        o.put("fill", r.fillNumber());
        o.put("dos", r.dateOfService().toString());
        o.put("ndc", r.ndc());
        o.put("quantity", r.quantity().stripTrailingZeros().toPlainString());
        o.put("manufacturer", r.manufacturer());
        o.put("standard_default", r.standardDefault().amount().toPlainString());
        o.put("manufacturer_amount", r.manufacturerAmount() == null ? null : r.manufacturerAmount().amount().toPlainString());
        o.put("expected", r.expected().amount().toPlainString());
        o.put("received", r.received().amount().toPlainString());
        o.put("shortfall", r.shortfall().amount().toPlainString());
        o.put("written_off", r.writtenOff().amount().toPlainString());
        o.put("outstanding", r.outstanding().amount().toPlainString());
        o.put("ledger_receivable", r.ledgerReceivable().amount().toPlainString());
        o.put("state", r.state().name().toLowerCase(Locale.ROOT));
        o.put("work", r.workItem() == null ? null : r.workItem().name().toLowerCase(Locale.ROOT));
        o.put("clock_start", r.clockStart().toString());
        o.put("due", r.due().toString());
        o.put("last_paid_on", r.lastPaidOn() == null ? null : r.lastPaidOn().toString());
        o.put("receipts", r.receipts().stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trace", x.trace());
            m.put("kind", x.kind().name().toLowerCase(Locale.ROOT));
            m.put("amount", x.amount().amount().toPlainString());
            m.put("paid_on", x.paidOn().toString());
            return m;
        }).toList());
        if (r.dispute() != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", r.dispute().id());
            d.put("status", r.dispute().status().name().toLowerCase(Locale.ROOT));
            d.put("reason", r.dispute().reason());
            d.put("resolved_amount", r.dispute().resolvedAmount() == null ? null
                    : r.dispute().resolvedAmount().amount().toPlainString());
            o.put("dispute", d);
        } else {
            o.put("dispute", null);
        }
        return o;
    }

    private static LocalDate date(String text, Transactions transactions) {
        return text == null ? LocalDate.now(transactions.clock()) : parse("--as-of", text);
    }

    private static LocalDate parse(String option, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RxLedgerCommand.UsageError(option + " " + text + ": expected a date YYYY-MM-DD");
        }
    }

    /** Commands that name one fill by Rx and fill number. */
    abstract static class FillCommand extends RemitPostingCommands.Base {
        @Option(names = "--rx", required = true, paramLabel = "RX", description = "The Rx number.")
        String rx;

        @Option(names = "--fill", required = true, paramLabel = "N", description = "The fill number.")
        int fill;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The day the refund is judged on (default today).")
        String asOf;

        MfpRefund refund(Transactions transactions) {
            return new MfpService(transactions).refund(rx, fill, date(asOf, transactions));
        }

        LocalDate day(Transactions transactions) {
            return date(asOf, transactions);
        }
    }

    @Command(name = "exclude", description = "Keep a fill out of the refund flow (340B, DMR, coordinate with plan), or --undo.")
    static final class Exclude extends FillCommand {
        @Option(names = "--reason", required = true, paramLabel = "REASON",
                description = "340b, dmr, coordinate-with-plan or other.")
        String reason;

        @Option(names = "--note", description = "A note for the audit trail.")
        String note;

        @Option(names = "--undo", description = "Let the fill back in.")
        boolean undo;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            ExclusionReason r = switch (reason.strip().toLowerCase(Locale.ROOT)) {
                case "340b" -> ExclusionReason.THREE_40B;
                case "dmr" -> ExclusionReason.DMR;
                case "coordinate-with-plan" -> ExclusionReason.COORDINATE_WITH_PLAN;
                case "other" -> ExclusionReason.OTHER;
                default -> throw new RxLedgerCommand.UsageError("--reason " + reason
                        + ": expected 340b, dmr, coordinate-with-plan or other");
            };
            long claimId = undo ? new MfpService(transactions).claimOfFill(rx, fill) : refund(transactions).claimId();
            new MfpService(transactions).setExcluded(claimId, !undo, r, note);
            out.printf("Rx %s fill %d is %s the MFP refund flow.%n", rx.strip(), fill, undo ? "back in" : "kept out of");
        }
    }

    @Command(name = "expected", description = "Record the manufacturer's own refund amount for a fill (replaces the "
            + "standard default (WAC − MFP) × quantity).")
    static final class Expected extends FillCommand {
        @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "The manufacturer's amount, e.g. 300.00.")
        String amount;

        @Option(names = "--note", required = true, description = "Where the amount comes from.")
        String note;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            Money a = Money.parse(amount);
            MfpRefund r = refund(transactions);
            new MfpService(transactions).setManufacturerAmount(r.claimId(), a, note);
            out.printf("Rx %s fill %d: expected refund %s (standard default %s).%n", rx.strip(), fill, a, r.standardDefault());
        }
    }

    @Command(name = "write-off", description = {"Write off what is still owed on a short or missing refund (no dispute "
            + "open).", "Needs the write-off tier of the amount, as patient write-offs."})
    static final class WriteOff extends FillCommand {
        @Option(names = "--reason", required = true, description = "Why (manufacturer refused, too old to chase).")
        String reason;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            MfpService service = new MfpService(transactions);
            service.recordRemittedRefunds();
            Money written = service.writeOff(refund(transactions).claimId(), reason, day(transactions));
            out.printf("Rx %s fill %d: %s written off.%n", rx.strip(), fill, written);
        }
    }

    @Command(name = "dispute", description = "Disputes of short or missing refunds.",
            subcommands = {OpenDispute.class, SubmitDispute.class, ResolveDispute.class, WithdrawDispute.class})
    static final class Disputes {
    }

    @Command(name = "open", description = "Open a dispute of a short or missing refund.")
    static final class OpenDispute extends FillCommand {
        @Option(names = "--reason", required = true, description = "Why, e.g. \"short paid\" or \"not received\".")
        String reason;

        @Option(names = "--notes", description = "Notes for whoever follows it up.")
        String notes;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            MfpRefund r = refund(transactions);
            long id = new MfpService(transactions).openDispute(r.claimId(), reason, notes, day(transactions));
            out.printf("Dispute %d opened for Rx %s fill %d (%s, short %s).%n", id, rx.strip(), fill,
                    r.state().label().toLowerCase(Locale.ROOT), r.shortfall());
        }
    }

    abstract static class DisputeStep extends RemitPostingCommands.Base {
        @Option(names = "--id", required = true, paramLabel = "N", description = "The dispute's number.")
        long id;

        @Option(names = "--note", description = "A note for the audit trail.")
        String note;
    }

    @Command(name = "submit", description = "The dispute was sent to the MTF complaint and dispute intake.")
    static final class SubmitDispute extends DisputeStep {
        @Override
        void run(Transactions transactions, PrintWriter out) {
            new MfpService(transactions).submitDispute(id, note);
            out.printf("Dispute %d submitted.%n", id);
        }
    }

    @Command(name = "resolve", description = "Close the dispute with the amount the manufacturer agreed (0.00 if refused).")
    static final class ResolveDispute extends DisputeStep {
        @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "The amount agreed.")
        String amount;

        @Override
        void run(Transactions transactions, PrintWriter out) {
            new MfpService(transactions).resolveDispute(id, Money.parse(amount), note);
            out.printf("Dispute %d resolved (%s agreed).%n", id, Money.parse(amount));
        }
    }

    @Command(name = "withdraw", description = "Close the dispute without a claim on the manufacturer.")
    static final class WithdrawDispute extends DisputeStep {
        @Override
        void run(Transactions transactions, PrintWriter out) {
            new MfpService(transactions).withdrawDispute(id, note);
            out.printf("Dispute %d withdrawn.%n", id);
        }
    }
}
