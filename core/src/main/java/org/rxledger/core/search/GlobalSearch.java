package org.rxledger.core.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rxledger.core.exceptions.ExceptionItem;
import org.rxledger.core.money.Money;
import org.rxledger.core.tx.Transactions;

/**
 * The header's search box (issue 19): one query over claims (Rx, patient name, cardholder id), payments (trace or
 * check number), audit cases (audit id), the exceptions work queue and patient accounts. What the text looks like
 * decides which look-ups run — digits are an Rx or a trace, letters a name — so a keystroke costs a few indexed
 * queries of at most {@link #PER_KIND} rows each, all in one read.
 */
public final class GlobalSearch {

    /** At most this many results of each kind. */
    public static final int PER_KIND = 8;
    /** Shorter text finds nothing: one or two characters match half the office. */
    public static final int MIN_LENGTH = 2;

    private static final Pattern RX_FILL = Pattern.compile("(\\d{1,12})(?:-(\\d{1,2}))?");
    private static final Pattern PATIENT_ACCOUNT = Pattern.compile("[Pp]([1-9]\\d{0,17})");
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}',. -]*");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    private final Transactions transactions;
    private final Supplier<List<ExceptionItem>> exceptions;

    /**
     * @param exceptions the current exception items (the queue is derived, not stored, so it is searched as read)
     */
    public GlobalSearch(Transactions transactions, Supplier<List<ExceptionItem>> exceptions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.exceptions = Objects.requireNonNull(exceptions, "exceptions");
    }

    /** The hits for {@code text}, grouped by kind in {@link SearchHit.Kind} order; empty for too short a text. */
    public List<SearchHit> search(String text) {
        String q = text == null ? "" : text.strip();
        if (q.length() < MIN_LENGTH) {
            return List.of();
        }
        Map<SearchHit.Kind, List<SearchHit>> found = new LinkedHashMap<>();
        for (SearchHit.Kind k : SearchHit.Kind.values()) {
            found.put(k, new ArrayList<>());
        }
        transactions.read(tx -> {
            SearchRepository repo = tx.port(SearchRepository.class);
            String upper = q.toUpperCase(Locale.ROOT);
            Matcher rx = RX_FILL.matcher(q);
            if (rx.matches()) {
                found.get(SearchHit.Kind.CLAIM).addAll(filterFill(repo.claimsByRx(rx.group(1), PER_KIND * 4), rx.group(2)));
            }
            if (NAME.matcher(q).matches()) {
                List<String> tokens = nameTokens(upper);
                found.get(SearchHit.Kind.CLAIM).addAll(repo.claimsByPatient(tokens, PER_KIND));
                found.get(SearchHit.Kind.PATIENT).addAll(repo.patientsByName(tokens, PER_KIND));
            }
            if (TOKEN.matcher(q).matches()) {
                found.get(SearchHit.Kind.CLAIM).addAll(repo.claimsByCardholder(upper, PER_KIND));
                found.get(SearchHit.Kind.PAYMENT).addAll(repo.paymentsByTrace(q, PER_KIND));
                found.get(SearchHit.Kind.AUDIT_CASE).addAll(repo.auditCasesById(upper, PER_KIND));
                if (upper.startsWith("H:") || !rx.matches()) {
                    found.get(SearchHit.Kind.PATIENT).addAll(repo.houseAccounts(
                            upper.startsWith("H:") ? upper.substring(2) : upper, PER_KIND));
                }
            }
            Matcher account = PATIENT_ACCOUNT.matcher(q);
            if (account.matches()) {
                found.get(SearchHit.Kind.PATIENT).addAll(0, repo.patientById(Long.parseLong(account.group(1))));
            }
            return null;
        });
        found.get(SearchHit.Kind.EXCEPTION).addAll(exceptionHits(upper(q)));
        List<SearchHit> all = new ArrayList<>();
        found.values().forEach(hits -> hits.stream().distinct().limit(PER_KIND).forEach(all::add));
        return List.copyOf(all);
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static List<SearchHit> filterFill(List<SearchHit> hits, String fill) {
        if (fill == null) {
            return hits;
        }
        String suffix = "-" + String.format(Locale.ROOT, "%02d", Integer.parseInt(fill));
        return hits.stream().filter(h -> h.title().endsWith(suffix)).toList();
    }

    private static List<String> nameTokens(String upper) {
        return Arrays.stream(upper.replace(',', ' ').split("\\s+")).filter(t -> !t.isBlank()).limit(2).toList();
    }

    /** The queue's items whose key, reference (Rx-fill, CLP01, PLB reference) or trace starts with the text. */
    private List<SearchHit> exceptionHits(String upper) {
        if (upper.length() < 3) {
            return List.of();
        }
        return exceptions.get().stream()
                .filter(i -> upper(i.key()).startsWith(upper)
                        || (i.reference() != null && upper(i.reference()).startsWith(upper))
                        || (i.trace() != null && upper(i.trace()).startsWith(upper)))
                .limit(PER_KIND)
                .map(GlobalSearch::hit)
                .toList();
    }

    private static SearchHit hit(ExceptionItem i) {
        Money difference = i.difference();
        String detail = String.join(" · ", List.of(i.reference() == null ? "" : i.reference(),
                i.payer() == null ? "" : i.payer(), difference.toString(), i.status().name().toLowerCase(Locale.ROOT))
                .stream().filter(s -> !s.isBlank()).toList());
        return new SearchHit(SearchHit.Kind.EXCEPTION, i.key(), i.category().label(), detail);
    }
}
