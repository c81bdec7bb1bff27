package org.rxledger.core.mfp;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The refunds that need work (short, missing, overpaid, reversed) or are disputed, as CSV for a manufacturer or
 * the MTF's dispute intake: one row per fill with what was expected, received and is short.
 */
public final class MfpOpenItemsCsv {

    public static final List<String> COLUMNS = List.of("rx", "fill", "date_of_service", "ndc", "quantity", "manufacturer",
            "expected", "received", "shortfall", "state", "due", "dispute", "dispute_status");

    private MfpOpenItemsCsv() {
    }

    public static List<MfpRefund> openItems(List<MfpRefund> refunds) {
        return refunds.stream().filter(r -> r.state().needsWork() || r.disputed()).toList();
    }

    public static void write(List<MfpRefund> refunds, Appendable out) throws IOException {
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get().print(out)) {
            for (MfpRefund r : refunds) {
                printer.printRecord(r.rxNumber(), r.fillNumber(), r.dateOfService(), r.ndc(),
                        r.quantity().stripTrailingZeros().toPlainString(), r.manufacturer(), r.expected().amount().toPlainString(),
                        r.received().amount().toPlainString(), r.shortfall().amount().toPlainString(),
                        r.state().name().toLowerCase(Locale.ROOT), r.due(), r.dispute() == null ? "" : r.dispute().id(),
                        r.dispute() == null ? "" : r.dispute().status().name().toLowerCase(Locale.ROOT));
            }
        }
    }
}
