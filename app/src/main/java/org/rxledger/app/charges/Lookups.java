package org.rxledger.app.charges;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.rxledger.core.id.Ndc;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.Prescriber;

/**
 * Type-ahead matching for the charge entry lookups. Every word typed must start a word of the record
 * (name, strength, BIN, …) or be found in its identifier, so "smi jo" finds "SMITH, JOHN" and "0002-7597-01",
 * "00002759701" and "0002759701" all find the same drug. An exact identifier match wins over prefixes.
 */
final class Lookups {

    static final int MAX_SUGGESTIONS = 12;

    private Lookups() {
    }

    static List<Patient> patients(List<Patient> all, String query) {
        return match(all, query, p -> List.of(p.lastName(), p.firstName(), p.dateOfBirth().toString()), p -> p.displayName());
    }

    static List<Prescriber> prescribers(List<Prescriber> all, String query) {
        String q = norm(query);
        if (q.matches("\\d{10}")) {
            return all.stream().filter(p -> p.npi().equals(q)).toList();
        }
        return match(all, query, p -> List.of(p.lastName(), p.firstName(), p.npi(), p.dea() == null ? "" : p.dea()),
                Prescriber::displayName);
    }

    static List<Plan> plans(List<Plan> all, String query) {
        return match(all, query, p -> {
            List<String> words = new ArrayList<>(List.of(p.name().split("\\s+")));
            words.addAll(List.of(p.bin(), p.pcn(), p.groupId()));
            return words;
        }, Plan::name);
    }

    /** A query of digits and hyphens is an NDC in any layout; otherwise words of the name and strength. */
    static List<Drug> drugs(List<Drug> all, String query) {
        String q = norm(query);
        if (!q.isEmpty() && q.matches("[\\d-]+")) {
            String billing = Ndc.tryParse(q).map(Ndc::billing).orElse(null);
            if (billing != null) {
                List<Drug> exact = all.stream().filter(d -> d.ndc().equals(billing)).toList();
                if (!exact.isEmpty()) {
                    return exact;
                }
            }
            String digits = q.replace("-", "");
            return all.stream().filter(d -> d.ndc().startsWith(digits)
                    || (d.ndcNative() != null && (d.ndcNative().startsWith(q) || d.ndcNative().replace("-", "").startsWith(digits))))
                    .limit(MAX_SUGGESTIONS).toList();
        }
        return match(all, query, d -> {
            List<String> words = new ArrayList<>(List.of(d.name().split("\\s+")));
            words.addAll(List.of(d.strength().split("\\s+")));
            words.add(d.form());
            return words;
        }, Drug::label);
    }

    private static <T> List<T> match(List<T> all, String query, Function<T, List<String>> words, Function<T, String> label) {
        String q = norm(query);
        if (q.isEmpty()) {
            return List.of();
        }
        List<T> exact = all.stream().filter(t -> norm(label.apply(t)).equals(q)).toList();
        if (exact.size() == 1) {
            return exact;
        }
        String[] parts = q.split("[\\s,]+");
        List<T> out = new ArrayList<>();
        for (T t : all) {
            List<String> w = words.apply(t).stream().map(Lookups::norm).toList();
            boolean matches = true;
            for (String part : parts) {
                if (!part.isEmpty() && w.stream().noneMatch(x -> x.startsWith(part))) {
                    matches = false;
                    break;
                }
            }
            if (matches) {
                out.add(t);
                if (out.size() >= MAX_SUGGESTIONS) {
                    break;
                }
            }
        }
        return out;
    }

    static String norm(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    }
}
