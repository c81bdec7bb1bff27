package org.rxledger.app.remits;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.ledger.PostingMode;
import org.rxledger.core.matching.Clp01Patterns;
import org.rxledger.core.matching.KeyCheck;
import org.rxledger.core.matching.MatchRecord;
import org.rxledger.core.matching.MatchRepository;
import org.rxledger.core.matching.PayerRemitSettings;
import org.rxledger.core.posting.MatchingService;
import org.rxledger.core.posting.PostingPreview;
import org.rxledger.core.posting.PostingRepository.PostingRecord;
import org.rxledger.core.posting.PostingRepository;
import org.rxledger.core.posting.PostingResult;
import org.rxledger.core.posting.PostingService;
import org.rxledger.core.remit.PaymentStatus;
import org.rxledger.core.remit.RemittanceListRow;
import org.rxledger.core.tx.Transactions;

/**
 * Matching and posting in the Remittances area (issue 5): the selected claim payment's current match
 * with its explanation, key checks, candidates and history; the selected payment's posting log; and
 * the commands Match to…, Unmatch…, Post (after a preview), Unpost…, Re-post… and the payer settings.
 * Every command runs on the {@link TaskRunner}; a refusal from the core goes back to the dialog that
 * asked (never lost), success refreshes the lists through {@code afterChange}.
 */
public final class MatchingViewModel {

    /** The current match of one claim payment, as the Match tab shows it. */
    public record MatchInfo(long remitClaimId, String clp01, MatchRecord current, String claimText,
                            List<MatchRecord> history) {

        public static final MatchInfo EMPTY = new MatchInfo(0, "", null, null, List.of());

        public boolean matched() {
            return current != null && current.claimId() != null;
        }

        /** "MATCHED · 100% confidence", "NEEDS REVIEW (ambiguous)", "MANUAL · matched by clerk1". */
        public String verdictText() {
            if (current == null) {
                return remitClaimId == 0 ? "" : "No match decision recorded";
            }
            String status = words(current.status().name());
            String verdict = words(current.verdict().name());
            String text = status.equals(verdict) ? status : status + " (" + verdict + ")";
            if (current.confidence() != null) {
                text += " · " + Math.round(current.confidence() * 100) + "% confidence";
            } else if (current.score() != null) {
                text += " · score " + current.score();
            }
            return text + " · " + words(current.action().name()) + " by " + current.decidedBy();
        }

        public List<KeyCheck> checks() {
            return current == null ? List.of() : current.checks();
        }

        public List<MatchRecord.CandidateSummary> candidates() {
            return current == null ? List.of() : current.candidates();
        }

        /** Whether the candidate is the claim the current decision chose (automatic or by a person). */
        public boolean chosen(MatchRecord.CandidateSummary candidate) {
            return current != null && current.claimId() != null && candidate.claimId() == current.claimId();
        }

        /** The key checks to show: the selected candidate's (when it has them), else the decision's. */
        public List<KeyCheck> checksFor(MatchRecord.CandidateSummary selected) {
            return selected != null && !selected.checks().isEmpty() ? selected.checks() : checks();
        }

        /** "Key checks", or "Key checks · candidate Rx 7001234-01 (chosen)" while a candidate is selected. */
        public String checksTitle(MatchRecord.CandidateSummary selected) {
            if (selected == null || selected.checks().isEmpty()) {
                return current != null && current.claimId() != null ? "Key checks · the chosen claim" : "Key checks";
            }
            return "Key checks · candidate Rx " + selected.rx() + "-" + String.format(Locale.ROOT, "%02d", selected.fill())
                    + (chosen(selected) ? " (chosen)" : "");
        }

        /** "85%" for a candidate's confidence; empty for decisions stored before it was kept. */
        public static String confidence(MatchRecord.CandidateSummary candidate) {
            return candidate.confidence() == null ? "" : Math.round(candidate.confidence() * 100) + "%";
        }
    }

    /** A payer in the settings dialog: its saved settings (or the defaults) and whether a row is stored. */
    public record PayerRow(String payerName, PostingMode mode, List<String> patterns, boolean saved) {
        @Override
        public String toString() {
            return payerName;
        }
    }


    private final Transactions transactions;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final MatchingService matching;
    private final PostingService posting;
    private Runnable afterChange = () -> { };

    private final ReadOnlyObjectWrapper<MatchInfo> match = new ReadOnlyObjectWrapper<>(this, "match", MatchInfo.EMPTY);
    private final ObservableList<PostingRecord> postings = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PostingMode> payerMode = new ReadOnlyObjectWrapper<>(this, "payerMode", PostingMode.AUTOMATIC);
    private long paymentId;
    private long remitClaimId;

    public MatchingViewModel(Transactions transactions, TaskRunner runner, Consumer<Notice> notices) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.matching = new MatchingService(transactions);
        this.posting = new PostingService(transactions);
    }

    /** What to do after a match or posting changed (reload the lists, keeping the selection). */
    void onChange(Runnable afterChange) {
        this.afterChange = afterChange;
    }

    // ---- loading ----

    void loadPayment(RemittanceListRow payment) {
        paymentId = payment == null ? 0 : payment.paymentId();
        if (payment == null) {
            postings.clear();
            return;
        }
        long id = payment.paymentId();
        runner.run("Loading the payment's postings", p -> transactions.read(tx -> new PaymentPostings(
                tx.port(PostingRepository.class).postings(id), tx.port(MatchRepository.class).settings(payment.payerName())
                .map(PayerRemitSettings::postingMode).orElse(PostingMode.AUTOMATIC))), loaded -> {
            if (paymentId == id) {
                postings.setAll(loaded.postings());
                payerMode.set(loaded.mode());
            }
        }, failure -> notices.accept(Failures.explain("loading the payment's postings", failure)));
    }

    private record PaymentPostings(List<PostingRecord> postings, PostingMode mode) {
    }

    void loadClaim(RemittanceRows.ClaimRow claim) {
        remitClaimId = claim == null ? 0 : claim.id();
        if (claim == null) {
            match.set(MatchInfo.EMPTY);
            return;
        }
        long id = claim.id();
        runner.run("Loading the claim's match", p -> transactions.read(tx -> {
            // member ids masked like the Claims list's cardholder ids for roles that may not see them in full
            List<MatchRecord> history = tx.port(MatchRepository.class).history(id).stream()
                    .map(r -> r.masked(tx.identifierMask())).toList();
            MatchRecord current = history.isEmpty() ? null : history.get(history.size() - 1);
            return new MatchInfo(id, claim.clp01(), current,
                    current == null ? null : MatchLookups.describeClaim(tx, current.claimId()), history);
        }), loaded -> {
            if (remitClaimId == loaded.remitClaimId()) {
                match.set(loaded);
            }
        }, failure -> notices.accept(Failures.explain("loading the claim's match", failure)));
    }

    // ---- matching ----

    /** Stored claims with this Rx (and fill), scored against the selected claim payment. */
    public void findClaims(String rx, String fill, Consumer<List<MatchRecord.CandidateSummary>> onFound,
                           Consumer<String> onError) {
        long id = remitClaimId;
        if (rx == null || rx.isBlank()) {
            onError.accept("Type the Rx number of the claim to look for.");
            return;
        }
        Integer f;
        try {
            f = fill == null || fill.isBlank() ? null : Integer.valueOf(fill.strip());
        } catch (NumberFormatException e) {
            onError.accept("Fill must be a number (0–99), not '" + fill.strip() + "'.");
            return;
        }
        runner.run("Looking up claims", p -> transactions.read(tx -> MatchLookups.claimsByRx(tx, id, rx, f)), found -> {
            if (found.isEmpty()) {
                onError.accept("No stored claim has Rx " + rx.strip() + (f == null ? "" : " fill " + f) + ".");
            }
            onFound.accept(found);
        }, failure -> onError.accept(Failures.explain("looking up claims", failure).text()));
    }

    /** Matches (or re-matches) the selected claim payment to {@code claimId}; the core re-posts it. */
    public void matchTo(long claimId, String reason, Consumer<String> onError, Runnable onDone) {
        long id = remitClaimId;
        if (reason == null || reason.isBlank()) {
            onError.accept("A reason is required: say why this claim payment belongs to that claim.");
            return;
        }
        runner.run("Matching the claim payment", p -> matching.match(id, claimId, reason), record -> {
            notices.accept(Notice.info("Matched", record.explanation()));
            onDone.run();
            afterChange.run();
        }, failure -> onError.accept(Failures.explain("matching the claim payment", failure).text()));
    }

    public void unmatch(String reason, Consumer<String> onError, Runnable onDone) {
        long id = remitClaimId;
        if (reason == null || reason.isBlank()) {
            onError.accept("A reason is required to unmatch.");
            return;
        }
        runner.run("Unmatching the claim payment", p -> matching.unmatch(id, reason), record -> {
            notices.accept(Notice.info("Unmatched", record.explanation()));
            onDone.run();
            afterChange.run();
        }, failure -> onError.accept(Failures.explain("unmatching the claim payment", failure).text()));
    }

    // ---- posting ----

    /** The batch Post would write, for the preview dialog; a refusal goes to the banner. */
    public void preview(Consumer<PostingPreview> onPreview) {
        long id = paymentId;
        if (id == 0) {
            notices.accept(Notice.error("Select a payment to post."));
            return;
        }
        runner.run("Preparing the posting preview", p -> posting.preview(id), onPreview,
                failure -> notices.accept(Failures.explain("preparing the posting preview", failure)));
    }

    public void post(Consumer<String> onError, Runnable onDone) {
        long id = paymentId;
        runner.run("Posting the payment", p -> posting.post(id), result -> done("Posted", result, onDone),
                failure -> onError.accept(Failures.explain("posting the payment", failure).text()));
    }

    public void unpost(String reason, Consumer<String> onError, Runnable onDone) {
        long id = paymentId;
        if (reason == null || reason.isBlank()) {
            onError.accept("A reason is required to unpost a payment.");
            return;
        }
        runner.run("Unposting the payment", p -> posting.unpost(id, reason), result -> done("Unposted", result, onDone),
                failure -> onError.accept(Failures.explain("unposting the payment", failure).text()));
    }

    public void repost(String reason, Consumer<String> onError, Runnable onDone) {
        long id = paymentId;
        if (reason == null || reason.isBlank()) {
            onError.accept("A reason is required to re-post a payment.");
            return;
        }
        runner.run("Re-posting the payment", p -> posting.repost(id, reason), result -> done("Re-posted", result, onDone),
                failure -> onError.accept(Failures.explain("re-posting the payment", failure).text()));
    }

    private void done(String what, PostingResult result, Runnable onDone) {
        notices.accept(Notice.info(what, what + " payment: batch " + result.batchId() + ", " + result.entries()
                + " entries, cash " + org.rxledger.app.ui.Formats.money(result.batchCash()) + "; posted cash now "
                + org.rxledger.app.ui.Formats.money(result.postedCash())));
        onDone.run();
        afterChange.run();
    }

    /** Whether Post applies (not posted) — Unpost and Re-post apply to a posted payment. */
    public static boolean postable(RemittanceListRow payment) {
        return payment != null && payment.status() != PaymentStatus.POSTED;
    }

    // ---- payer settings ----

    /** Every payer that sent a remittance or has saved settings, with its settings or the defaults. */
    public void loadSettings(List<RemittanceListRow> payments, Consumer<List<PayerRow>> onLoaded) {
        runner.run("Loading payer settings", p -> {
            TreeMap<String, PayerRow> rows = new TreeMap<>();
            for (PayerRemitSettings s : matching.settings()) {
                rows.put(s.payerName(), new PayerRow(s.payerName(), s.postingMode(), s.clp01Patterns(), true));
            }
            for (RemittanceListRow r : payments) {
                String name = r.payerName().strip().toUpperCase(Locale.ROOT);
                rows.putIfAbsent(name, new PayerRow(name, PostingMode.AUTOMATIC, List.of(), false));
            }
            return List.copyOf(rows.values());
        }, onLoaded, failure -> notices.accept(Failures.explain("loading payer settings", failure)));
    }

    /** Checks the patterns (one per line) and saves; a problem names the line and what is wrong. */
    public void saveSettings(String payerName, PostingMode mode, String patternsText, Consumer<String> onError,
                             Runnable onDone) {
        List<String> patterns;
        try {
            patterns = checkPatterns(patternsText);
        } catch (RxLedgerException e) {
            onError.accept(e.getMessage());
            return;
        }
        if (payerName == null || payerName.isBlank()) {
            onError.accept("Choose a payer.");
            return;
        }
        runner.run("Saving payer settings", p -> {
            matching.saveSettings(new PayerRemitSettings(payerName, mode, patterns));
            return payerName;
        }, saved -> {
            notices.accept(Notice.info("Payer settings saved", saved + ": " + words(mode.name()) + ", "
                    + (patterns.isEmpty() ? "default CLP01 patterns" : patterns.size() + " CLP01 pattern(s) before the defaults")));
            onDone.run();
            afterChange.run();
        }, failure -> onError.accept(Failures.explain("saving payer settings", failure).text()));
    }

    /**
     * One regular expression per non-blank line, each with a named group {@code rx} and no group names
     * other than rx, fill and dos (what {@link Clp01Patterns} reads).
     */
    static List<String> checkPatterns(String text) {
        List<String> patterns = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = "CLP01 pattern on line " + (i + 1) + " (" + line + ")";
            try {
                Pattern.compile(line);
            } catch (PatternSyntaxException e) {
                throw RxLedgerException.invalid(where + " is not a valid regular expression: "
                        + e.getDescription() + " near position " + e.getIndex() + ".");
            }
            try {
                Clp01Patterns.check(line);   // the core's own rule, so screen and core never disagree
            } catch (RxLedgerException e) {
                throw RxLedgerException.invalid(where + " " + e.getMessage() + ".");
            }
            patterns.add(line);
        }
        return List.copyOf(patterns);
    }

    /** The default CLP01 patterns, in the order they are tried, as "name: regex" lines. */
    public static String defaultPatternsText() {
        // the order Clp01Patterns tries them (its DEFAULTS map is unordered); any default added later follows
        Set<String> names = new LinkedHashSet<>(List.of("rx-fill", "rx-fill-dos", "rxfill-dos", "rx-dos", "rx", "rxfill"));
        names.retainAll(Clp01Patterns.DEFAULTS.keySet());
        new java.util.TreeSet<>(Clp01Patterns.DEFAULTS.keySet()).forEach(names::add);
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            sb.append(name).append(":  ").append(Clp01Patterns.DEFAULTS.get(name)).append('\n');
        }
        return sb.toString().strip();
    }

    static String words(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<MatchInfo> matchProperty() {
        return match.getReadOnlyProperty();
    }

    public ObservableList<PostingRecord> postings() {
        return postings;
    }

    public ReadOnlyObjectProperty<PostingMode> payerModeProperty() {
        return payerMode.getReadOnlyProperty();
    }
}
