package org.rxledger.app.claims;

import java.util.List;
import org.rxledger.core.claim.ClaimStatus;

/**
 * Everything the detail pane shows about one claim, already in display form (the view only lays
 * it out). Built off the FX thread by {@link ClaimDetailViewModel}.
 */
public record ClaimDetail(long claimId, String title, String subtitle, ClaimStatus status, List<Section> sections,
                          List<LedgerLine> ledger) {

    /** How a value is shown: plain text, money (right-aligned, tabular), negative money, a status label. */
    public enum Kind { TEXT, MONEY, NEGATIVE_MONEY, STATUS }

    public record Field(String label, String value, Kind kind) {

        public static Field text(String label, String value) {
            return new Field(label, value == null || value.isEmpty() ? "—" : value, Kind.TEXT);
        }
    }

    public record Section(String title, List<Field> fields) {

        public Section {
            fields = List.copyOf(fields);
        }
    }

    public record LedgerLine(String date, String account, String amount, boolean negative, String memo) {
    }

    public ClaimDetail {
        sections = List.copyOf(sections);
        ledger = List.copyOf(ledger);
    }

    /** The value of the first field with this label, for tests and copy actions. */
    public String value(String label) {
        return sections.stream().flatMap(s -> s.fields().stream()).filter(f -> f.label().equals(label))
                .map(Field::value).findFirst().orElse(null);
    }
}
