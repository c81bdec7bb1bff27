package org.rxledger.reports.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rxledger.reports.xlsx.AgingXlsxWriter;
import org.rxledger.reports.xlsx.ClaimsRegisterXlsxWriter;
import org.rxledger.reports.xlsx.DenialsXlsxWriter;
import org.rxledger.reports.xlsx.ExceptionsXlsxWriter;
import org.rxledger.reports.xlsx.MfpAgingXlsxWriter;
import org.rxledger.reports.xlsx.MfpManufacturersXlsxWriter;
import org.rxledger.reports.xlsx.ReconciliationXlsxWriter;
import org.rxledger.reports.xlsx.RemittanceDetailXlsxWriter;

/** The reports {@code rxledger report NAME} and the workstation know, by name. */
public final class ReportRegistry {

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
                new DenialsXlsxWriter(), new ReconciliationXlsxWriter(), new AgingXlsxWriter(),
                new ExceptionsXlsxWriter(), new MfpAgingXlsxWriter(), new MfpManufacturersXlsxWriter()));
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

    /** Why {@code name} cannot be written, in plain words, with the reports that are available. */
    public String unavailableMessage(String name) {
        return "There is no report named '" + name + "'. Available reports: " + String.join(", ", names()) + ".";
    }
}
