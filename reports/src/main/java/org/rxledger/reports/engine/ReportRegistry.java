package org.rxledger.reports.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rxledger.reports.xlsx.ClaimsRegisterXlsxWriter;
import org.rxledger.reports.xlsx.DenialsXlsxWriter;
import org.rxledger.reports.xlsx.ExceptionsXlsxWriter;
import org.rxledger.reports.xlsx.RemittanceDetailXlsxWriter;

/**
 * The reports {@code rxledger report NAME} knows, by name. Reports that are planned but not built
 * yet (they come with matching and reconciliation) are listed with a note, so a user asking for
 * one gets "not available yet" rather than "unknown report".
 */
public final class ReportRegistry {

    /** Names the issue promises whose data arrives with other areas; removed from here as each is added. */
    private static final Map<String, String> PLANNED = Map.of(
            "reconciliation", "daily reconciliation comes with remittance posting and reconciliation",
            "aging", "third-party aging comes with remittance posting and reconciliation");

    private final Map<String, Report> reports = new LinkedHashMap<>();

    public ReportRegistry(List<Report> available) {
        for (Report r : available) {
            if (reports.putIfAbsent(r.name(), r) != null) {
                throw new IllegalArgumentException("two reports are named " + r.name());
            }
        }
    }

    /** Every report this build can write. Add new ones here. */
    public static ReportRegistry standard() {
        return new ReportRegistry(List.of(new ClaimsRegisterXlsxWriter(), new RemittanceDetailXlsxWriter(),
                new DenialsXlsxWriter(), new ExceptionsXlsxWriter()));
    }

    public Optional<Report> find(String name) {
        return Optional.ofNullable(reports.get(name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    public List<Report> all() {
        return List.copyOf(reports.values());
    }

    public List<String> names() {
        return List.copyOf(reports.keySet());
    }

    /**
     * Why {@code name} cannot be written, in plain words: not built yet, or no such report; lists
     * the reports that are available.
     */
    public String unavailableMessage(String name) {
        String available = String.join(", ", names());
        String key = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
        if (PLANNED.containsKey(key) && !reports.containsKey(key)) {
            return "The '" + key + "' report is not available yet in this version (" + PLANNED.get(key)
                    + "). Available reports: " + available + ".";
        }
        return "There is no report named '" + name + "'. Available reports: " + available + ".";
    }
}
