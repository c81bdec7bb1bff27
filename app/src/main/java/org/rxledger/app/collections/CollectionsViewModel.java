package org.rxledger.app.collections;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.collections.AccountActivity;
import org.rxledger.core.collections.AgencyReferral;
import org.rxledger.core.collections.AgencyReferralService;
import org.rxledger.core.collections.AccountDetail;
import org.rxledger.core.collections.AccountItem;
import org.rxledger.core.collections.PatientAccount;
import org.rxledger.core.collections.PatientAccountService;
import org.rxledger.core.collections.StatementRun;
import org.rxledger.core.collections.WriteOff;
import org.rxledger.core.collections.WriteOffService;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.money.Money;
import org.rxledger.core.security.AccountService;
import org.rxledger.core.access.Session;
import org.rxledger.reports.pdf.PatientStatementPdfWriter;

/**
 * Patient accounts and the write-off review queue (issue 18): accounts with balance, aging and holds; the selected
 * account's open fills and ledger movements; the recommendations waiting for a decision. Approving and rejecting
 * need a signed-in person, whose permission and name {@link WriteOffService} checks and records; a refusal is
 * shown in {@link #messageProperty()} in the service's words.
 */
public final class CollectionsViewModel {

    private final PatientAccountService accountsService;
    private final WriteOffService writeOffs;
    private final AccountService signIns;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final Clock clock;
    private final ObservableList<PatientAccount> accounts = FXCollections.observableArrayList();
    private final FilteredList<PatientAccount> shown = new FilteredList<>(accounts);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<PatientAccount> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<AccountItem> items = FXCollections.observableArrayList();
    private final ObservableList<AccountActivity> activity = FXCollections.observableArrayList();
    private final ObservableList<WriteOff> queue = FXCollections.observableArrayList();
    private final ObjectProperty<WriteOff> selectedWriteOff = new SimpleObjectProperty<>(this, "selectedWriteOff");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper queueTotals = new ReadOnlyStringWrapper(this, "queueTotals", "");
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>(this, "session");

    private final String workstation;
    /** The account the next reload selects (the global search opened it). */
    private String showNext;

    public CollectionsViewModel(PatientAccountService accounts, WriteOffService writeOffs, AccountService signIns,
                                String workstation, TaskRunner runner, Consumer<Notice> notices, Clock clock) {
        this.workstation = workstation;
        this.accountsService = accounts;
        this.writeOffs = writeOffs;
        this.signIns = signIns;
        this.runner = runner;
        this.notices = notices;
        this.clock = clock;
        search.addListener((o, was, now) -> {
            String needle = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(a -> needle.isEmpty() || a.name().toLowerCase(Locale.ROOT).contains(needle)
                    || a.key().toLowerCase(Locale.ROOT).contains(needle));
        });
        selected.addListener((o, was, now) -> loadDetail(now));
    }

    public ObservableList<PatientAccount> shownAccounts() {
        return shown;
    }

    public ObservableList<PatientAccount> allAccounts() {
        return accounts;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<PatientAccount> selectedProperty() {
        return selected;
    }

    public ObservableList<AccountItem> items() {
        return items;
    }

    public ObservableList<AccountActivity> activity() {
        return activity;
    }

    public ObservableList<WriteOff> queue() {
        return queue;
    }

    public ObjectProperty<WriteOff> selectedWriteOffProperty() {
        return selectedWriteOff;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty queueTotalsProperty() {
        return queueTotals.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    private record Loaded(List<PatientAccount> accounts, List<WriteOff> waiting) {
    }

    public void reload() {
        LocalDate today = LocalDate.now(clock);
        runner.run("Loading patient accounts", progress -> new Loaded(accountsService.accounts(today),
                writeOffs.list().stream().filter(w -> w.status() == WriteOff.Status.PENDING).toList()), loaded -> {
            String keep = showNext != null ? showNext : selected.get() == null ? null : selected.get().key();
            if (showNext != null) {
                showNext = null;
                search.set("");
                if (loaded.accounts().stream().noneMatch(a -> a.key().equals(keep))) {
                    notices.accept(Notice.info("Nothing open on account " + keep,
                            "Account " + keep + " has no balance, hold or open item, so it is not in the list."));
                }
            }
            accounts.setAll(loaded.accounts());
            queue.setAll(loaded.waiting());
            queueTotals.set(loaded.waiting().size() + " waiting, "
                    + Money.sum(loaded.waiting().stream().map(WriteOff::amount).toList()) + " in all");
            PatientAccount again = keep == null ? null
                    : shown.stream().filter(a -> a.key().equals(keep)).findFirst().orElse(null);
            selected.set(null);
            selected.set(again != null ? again : shown.isEmpty() ? null : shown.get(0));
        }, failure -> notices.accept(Failures.explain("loading patient accounts", failure)));
    }

    /** The next {@link #reload()} selects the account {@code key} (P12, H:MAPLE-LTC), clearing the search box. */
    public void showNext(String key) {
        showNext = key;
    }

    private void loadDetail(PatientAccount account) {
        if (account == null) {
            items.clear();
            activity.clear();
            return;
        }
        LocalDate today = LocalDate.now(clock);
        runner.run("Loading an account", progress -> accountsService.account(account.key(), today), (AccountDetail d) -> {
            if (selected.get() != null && selected.get().key().equals(d.account().key())) {
                items.setAll(d.items());
                activity.setAll(d.activity());
            }
        }, failure -> notices.accept(Failures.explain("loading an account", failure)));
    }

    /** Signs a person in for this area's decisions; a wrong password says so in the message. */
    public void signIn(String user, char[] password) {
        try {
            Session s = signIns.signIn(user == null ? "" : user.strip(), password, workstation);
            session.set(s);
            message.set("Signed in as " + s.user() + ".");
        } catch (RxLedgerException e) {
            message.set(e.getMessage());
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    public String statementFileName() {
        return "statements-" + LocalDate.now(clock) + ".pdf";
    }

    /**
     * Runs the statements due today and prints them into {@code target} (one PDF); each account's cycle advances, so
     * it needs a signed-in person like a decision does.
     */
    public void runStatements(java.nio.file.Path target) {
        Session s = session.get();
        if (s == null) {
            message.set("Sign in first: a statement run advances each account's cycle and names the person who ran it.");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        act("Printing statements", progress -> {
            StatementRun run = accountsService.statementRun(s, today);
            new PatientStatementPdfWriter().write(run, target);
            return run;
        }, run -> run.notices().size() + " statement(s) of " + today + " printed to " + target.getFileName()
                + (run.skippedOnPlan() == 0 ? "." : "; " + run.skippedOnPlan() + " account(s) keeping a payment plan not escalated."));
    }

    /** Starts a payment plan on the selected account: {@code amount} on {@code day} of each month, from today. */
    public void startPlan(String amount, String day) {
        PatientAccount a = selected.get();
        Session s = session.get();
        if (a == null || s == null) {
            message.set(a == null ? "Choose an account first." : "Sign in first: a payment plan names the person who set it up.");
            return;
        }
        Money instalment;
        int dayOfMonth;
        try {
            instalment = Money.parse(amount == null ? "" : amount.strip());
            dayOfMonth = Integer.parseInt(day == null ? "" : day.strip());
        } catch (RuntimeException e) {
            message.set("Type the instalment as an amount (e.g. 25.00) and the day of the month as 1 to 28.");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        act("Starting a payment plan", progress -> accountsService.paymentPlans().start(s, a.key(), instalment, dayOfMonth, today, ""),
                plan -> "Payment plan on " + plan.accountKey() + ": " + plan.amount() + " on day " + plan.dayOfMonth()
                        + " of each month; a kept plan stops the statements' escalation.");
    }

    /** Refers the selected account to {@code agency} and writes the agency's CSV to {@code target}. */
    public void referToAgency(String agency, java.nio.file.Path target) {
        PatientAccount a = selected.get();
        Session s = session.get();
        if (a == null || s == null) {
            message.set(a == null ? "Choose an account first." : "Sign in first: a referral is a billing manager's decision.");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        act("Referring to an agency", progress -> {
            List<AgencyReferral> done = accountsService.agencyReferrals().refer(s, List.of(a.key()), agency, today);
            try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(target, java.nio.charset.StandardCharsets.UTF_8)) {
                AgencyReferralService.writeCsv(done, w);
            }
            return done;
        }, done -> "Referred " + a.key() + " (" + done.get(0).balance() + ") to " + done.get(0).agency() + "; wrote "
                + target.getFileName() + ".");
    }

    private <T> void act(String title, org.rxledger.app.task.Job<T> work, java.util.function.Function<T, String> said) {
        runner.run(title, work, done -> {
            message.set(said.apply(done));
            reload();
        }, failure -> {
            if (failure instanceof RxLedgerException refused) {
                message.set(refused.getMessage());
            } else {
                notices.accept(Failures.explain(title.toLowerCase(Locale.ROOT), failure));
            }
        });
    }

    public void approve() {
        decide("Approving a write-off", (s, w) -> writeOffs.approve(s, w.id()));
    }

    /** Rejects with the typed reason (a reason is required; the service says so when it is blank). */
    public void reject() {
        String why = reason.get();
        decide("Rejecting a write-off", (s, w) -> writeOffs.reject(s, w.id(), why));
    }

    private void decide(String title, java.util.function.BiFunction<Session, WriteOff, WriteOff> action) {
        WriteOff w = selectedWriteOff.get();
        Session s = session.get();
        if (w == null) {
            message.set("Choose a write-off in the queue first.");
            return;
        }
        if (s == null) {
            message.set("Sign in first: approving or rejecting a write-off names the person who decides.");
            return;
        }
        runner.run(title, progress -> action.apply(s, w), done -> {
            message.set("Write-off " + done.id() + " " + done.status().name().toLowerCase(Locale.ROOT) + " by " + done.decidedBy()
                    + ": " + done.kind() + " " + done.amount() + " on " + done.accountKey() + ".");
            reason.set("");
            reload();
        }, failure -> {
            if (failure instanceof RxLedgerException refused) {
                message.set(refused.getMessage());
            } else {
                notices.accept(Failures.explain(title.toLowerCase(Locale.ROOT), failure));
            }
        });
    }
}
