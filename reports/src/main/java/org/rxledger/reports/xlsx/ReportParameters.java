package org.rxledger.reports.xlsx;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rxledger.core.reporting.ReportPeriod;

/** The parameter line of a title block, saying which date the period filters on. */
final class ReportParameters {

    private ReportParameters() {
    }

    static Map<String, String> of(String dateName, ReportPeriod period) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(dateName + " from", period.from() == null ? "(first)" : period.from().toString());
        params.put("to", period.to() == null ? "(last)" : period.to().toString());
        return params;
    }
}
