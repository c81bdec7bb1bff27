package org.rxledger.app.remits;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rxledger.core.matching.KeyCheck;
import org.rxledger.core.matching.MatchRecord;

/**
 * The Match tab of a claim payment: what it is matched to, the verdict and confidence, the explanation
 * sentence, each key check (agreed / disagreed / not available), the candidates a person chooses from
 * when the match is ambiguous or weak (kept with a manual decision too, the chosen one marked; selecting
 * one shows its own key checks), and beside it the history of every decision. Binds only.
 */
final class MatchPane extends SplitPane {

    final Button matchTo = new Button("Match to…");
    final Button unmatch = new Button("Unmatch…");

    MatchPane(MatchingViewModel vm) {
        setId("remitMatchPane");
        Label claim = new Label();
        claim.setId("matchClaim");
        claim.getStyleClass().add(Styles.TEXT_BOLD);
        Label verdict = new Label();
        verdict.setId("matchVerdict");
        Label explanation = new Label();
        explanation.setId("matchExplanation");
        explanation.setWrapText(true);
        explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        matchTo.setId("remitMatchTo");
        matchTo.setTooltip(new Tooltip("Match this claim payment to a claim, or re-match it to another one; a reason is required (Ctrl+M)"));
        unmatch.setId("remitUnmatch");
        unmatch.setTooltip(new Tooltip("Remove the match; the money goes to unapplied cash if posted; a reason is required (Ctrl+U)"));
        matchTo.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        unmatch.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        claim.setMinWidth(0);
        HBox head = new HBox(8, claim, spacer, matchTo, unmatch);
        head.setAlignment(Pos.CENTER_LEFT);

        TableView<KeyCheck> checks = new TableView<>();
        checks.setId("matchChecks");
        checks.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        checks.getColumns().setAll(List.of(
                RemitDialogs.column("Key", 200, k -> k.key().label()),
                RemitDialogs.column("Outcome", 105, k -> switch (k.outcome()) {
                    case AGREED -> "✓ agreed";
                    case DISAGREED -> "✗ disagreed";
                    case NOT_AVAILABLE -> "– n/a";
                }),
                RemitDialogs.column("Remittance", 130, k -> k.remitted() == null ? "" : k.remitted()),
                RemitDialogs.column("Claim", 130, k -> k.stored() == null ? "" : k.stored()),
                RemitDialogs.column("Points", 60, k -> String.valueOf(k.points()))));
        checks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        checks.setPlaceholder(new Label("No key checks (a manual unmatch, or nothing to compare)."));

        TableView<MatchRecord.CandidateSummary> candidates = new TableView<>();
        candidates.setId("matchCandidatesList");
        candidates.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        candidates.getColumns().setAll(List.of(
                RemitDialogs.column("", 28, c -> vm.matchProperty().get().chosen(c) ? "✓" : ""),
                RemitDialogs.column("Rx", 80, MatchRecord.CandidateSummary::rx),
                RemitDialogs.column("Fill", 40, c -> String.valueOf(c.fill())),
                RemitDialogs.column("Service", 90, MatchRecord.CandidateSummary::dateOfService),
                RemitDialogs.column("Score", 50, c -> String.valueOf(c.score())),
                RemitDialogs.column("Conf.", 60, MatchingViewModel.MatchInfo::confidence),
                RemitDialogs.column("Keys", 400, MatchRecord.CandidateSummary::explanation)));
        candidates.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        candidates.setPlaceholder(new Label("No other candidates were considered."));

        TableView<MatchRecord> history = new TableView<>();
        history.setId("matchHistory");
        history.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        history.getColumns().setAll(List.of(
                RemitDialogs.timestamp("When", MatchRecord::decidedAt),
                RemitDialogs.column("Who", 60, MatchRecord::decidedBy),
                RemitDialogs.column("Action", 100, r -> MatchingViewModel.words(r.action().name())),
                RemitDialogs.column("Result", 95, r -> MatchingViewModel.words(r.status().name())),
                RemitDialogs.column("Reason", 160, r -> r.reason() == null ? "" : r.reason()),
                RemitDialogs.column("Explanation", 300, MatchRecord::explanation)));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.setPlaceholder(new Label("No decisions yet."));

        Label checksTitle = new Label("Key checks");
        checksTitle.setId("matchChecksTitle");
        checksTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Label candidatesTitle = new Label("Candidates");
        candidatesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Label historyTitle = new Label("History (every decision, oldest first)");
        historyTitle.getStyleClass().add(Styles.TEXT_BOLD);
        HBox tables = new HBox(6, new VBox(2, checksTitle, checks), new VBox(2, candidatesTitle, candidates));
        HBox.setHgrow(tables.getChildren().get(0), Priority.ALWAYS);
        HBox.setHgrow(tables.getChildren().get(1), Priority.ALWAYS);
        VBox.setVgrow(checks, Priority.ALWAYS);
        VBox.setVgrow(candidates, Priority.ALWAYS);
        VBox.setVgrow(tables, Priority.ALWAYS);
        VBox left = new VBox(3, head, verdict, explanation, tables);
        left.setPadding(new Insets(4));
        VBox.setVgrow(history, Priority.ALWAYS);
        VBox right = new VBox(2, historyTitle, history);
        right.setPadding(new Insets(4));
        getItems().setAll(left, right);
        setDividerPositions(0.64);

        vm.matchProperty().addListener((o, was, m) -> {
            claim.setText(m.remitClaimId() == 0 ? "Select a claim payment"
                    : m.matched() ? "Matched to " + m.claimText() : "Not matched to a claim");
            verdict.setText(m.verdictText());
            explanation.setText(m.current() == null ? "" : m.current().explanation());
            candidates.getItems().setAll(m.candidates());
            checks.getItems().setAll(m.checks());
            checksTitle.setText(m.checksTitle(null));
            history.getItems().setAll(m.history());
            unmatch.setDisable(!m.matched());
            matchTo.setDisable(m.remitClaimId() == 0);
            matchTo.setText(m.matched() ? "Re-match…" : "Match to…");
        });
        // selecting a candidate shows how each key compared with it; no selection shows the decision's own checks
        candidates.getSelectionModel().selectedItemProperty().addListener((o, was, selected) -> {
            MatchingViewModel.MatchInfo m = vm.matchProperty().get();
            checks.getItems().setAll(m.checksFor(selected));
            checksTitle.setText(m.checksTitle(selected));
        });
        unmatch.setDisable(true);
        matchTo.setDisable(true);
    }
}
