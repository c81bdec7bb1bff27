package org.rxledger.core.payer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rxledger.core.csv.NamedColumnCsv;

/**
 * The directory as CSV: {@code payer_name,remit_payer_id,bin,pcn,group_id}, one row per routing or 835 payer
 * id (a payer with two routings has two rows; a row with a name only creates the payer). The header is required, columns may come in any order; every
 * row is checked before anything is stored, and each problem names its line and column.
 */
public final class PayerCsv {

    public static final List<String> COLUMNS = List.of("payer_name", "remit_payer_id", "bin", "pcn", "group_id");

    /** One readable row: the payer's name, its 835 payer id (TRN03 / N104) and routing, each optional but the name. */
    public record Row(long line, String payerName, String remitPayerId, Routing routing) {
    }

    private PayerCsv() {
    }

    public static List<Row> read(String fileName, Reader reader, List<PayerImportError> errors) {
        List<Row> rows = new ArrayList<>();
        NamedColumnCsv.read("payer file " + fileName, reader, COLUMNS, List.of("payer_name", "bin"),
                (line, column, message) -> errors.add(new PayerImportError(fileName, line, column, message)),
                (line, v) -> row(fileName, line, v, errors).ifPresent(rows::add));
        return rows;
    }

    private static Optional<Row> row(String file, long line, Map<String, String> v, List<PayerImportError> errors) {
        int before = errors.size();
        String name = v.get("payer_name");
        if (name.isEmpty()) {
            errors.add(new PayerImportError(file, line, "payer_name", "A payer name is required"));
        } else if (name.length() > 120) {
            errors.add(new PayerImportError(file, line, "payer_name", "At most 120 characters, found " + name.length()));
        }
        String id = v.get("remit_payer_id");
        if (id.length() > 80) {
            errors.add(new PayerImportError(file, line, "remit_payer_id", "At most 80 characters, found " + id.length()));
        }
        Routing routing = null;
        String bin = v.get("bin");
        if (bin.isEmpty()) {
            if (!v.get("pcn").isEmpty() || !v.get("group_id").isEmpty()) {
                errors.add(new PayerImportError(file, line, "bin", "A PCN or group needs its BIN (6 digits); found none"));
            }
        } else {
            String column = !bin.matches("\\d{6}") ? "bin" : !v.get("pcn").matches("[A-Za-z0-9]{0,10}") ? "pcn" : "group_id";
            String problem = Routing.problem(bin, v.get("pcn"), v.get("group_id"));
            if (problem != null) {
                errors.add(new PayerImportError(file, line, column, problem));
            } else {
                routing = new Routing(bin, v.get("pcn"), v.get("group_id"));
            }
        }
        return errors.size() == before ? Optional.of(new Row(line, name, id, routing)) : Optional.empty();
    }

    /** The directory's active payers as CSV rows (header first), routings and payer ids paired up per payer. */
    public static void write(PayerDirectory directory, Appendable out) throws IOException {
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get().print(out)) {
            for (DirectoryPayer p : directory.active()) {
                List<String> ids = p.identities().stream().filter(i -> i.kind() != IdentityKind.NAME)
                        .map(PayerIdentity::value).toList();
                int n = Math.max(1, Math.max(ids.size(), p.routings().size()));
                for (int i = 0; i < n; i++) {
                    Routing r = i < p.routings().size() ? p.routings().get(i).routing() : null;
                    printer.printRecord(p.name(), i < ids.size() ? ids.get(i) : "", r == null ? "" : r.bin(),
                            r == null ? "" : r.pcn(), r == null ? "" : r.groupId());
                }
            }
        }
    }
}
