package org.rxledger.core.claim;

import org.rxledger.core.error.RxLedgerException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.rxledger.core.security.AuditRecord;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.tx.Tx;

/**
 * The history of one fill — billed → reversed → rebilled → corrected — read from the audit trail of every
 * adjudication of the same Rx number and fill, in the order it happened.
 */
public final class FillHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One step: which adjudication, when, who, what happened, and the detail in plain words. */
    public record Step(long claimId, Instant at, String user, String what, String detail) {
    }

    private FillHistory() {
    }

    /** Audit records about a claim that are not steps of its billing: someone looking at its identifiers. */
    private static final java.util.Set<String> NOT_A_STEP = java.util.Set.of("IDENTIFIERS_VIEWED");

    public static List<Step> of(Tx tx, long claimId) {
        Claim claim = tx.port(ClaimRepository.class).find(claimId).orElseThrow(() -> RxLedgerException.notFound("Claim " + claimId + " does not exist"));
        List<AuditRecord> records = new ArrayList<>();
        List<Claim> fill = tx.port(ClaimRepository.class).forRxFill(claim.rxNumber(), claim.fillNumber());
        for (Claim c : fill) {
            records.addAll(tx.port(AuditTrail.class).forEntity("claim", String.valueOf(c.id())));
        }
        records.sort(Comparator.comparingLong(AuditRecord::seq));
        List<Step> steps = new ArrayList<>();
        for (AuditRecord r : records) {
            if (NOT_A_STEP.contains(r.action())) {
                continue;
            }
            long id = Long.parseLong(r.entityId());
            Claim c = fill.stream().filter(x -> x.id() == id).findFirst().orElseThrow();
            JsonNode d = parse(r.detail());
            steps.add(new Step(id, r.occurredAt(), r.user(), what(r.action(), c), detail(r.action(), c, d)));
        }
        return steps;
    }

    private static String what(String action, Claim c) {
        return switch (action) {
            case "CLAIM_CREATED" -> "B3".equals(c.transactionCode()) ? "Rebilled (B3)" : "Billed (" + c.transactionCode() + ")";
            case "CLAIM_REVERSED" -> "Reversed (B2)";
            case "CLAIM_REBILLED" -> "Replaced by rebill";
            case "CLAIM_CORRECTED" -> "Corrected";
            default -> action;
        };
    }

    private static String detail(String action, Claim c, JsonNode d) {
        return switch (action) {
            case "CLAIM_CREATED" -> "#" + c.id() + " " + ClaimStatus.of(c.responseStatus(), Lifecycle.ACTIVE).label() + (c.replacesClaimId() == null ? "" : ", replaces #" + c.replacesClaimId())
                    + (c.rejectCodes().isEmpty() ? "" : ", reject " + String.join(", ", c.rejectCodes()))
                    + ", plan paid " + c.planPaid() + ", patient pay " + c.patientPay()
                    + (c.channel() == Channel.PAPER ? ", paper (UCF)" : "");
            case "CLAIM_REVERSED" -> "#" + c.id() + (d.hasNonNull("reason") ? ": " + d.get("reason").asText() : "");
            case "CLAIM_REBILLED" -> "#" + c.id() + " replaced by #" + d.path("newClaimId").asText();
            case "CLAIM_CORRECTED" -> {
                List<String> changes = new ArrayList<>();
                for (Iterator<String> names = d.path("changes").fieldNames(); names.hasNext(); ) {
                    String column = names.next();
                    JsonNode ch = d.path("changes").path(column);
                    String label = ClaimField.byColumn(column).map(ClaimField::label).orElse(column.replace('_', ' '));
                    changes.add(label + " " + blank(ch.path("before").asText()) + " → " + blank(ch.path("after").asText()));
                }
                yield "#" + c.id() + ": " + String.join("; ", changes)
                        + (d.path("ledgerReposted").asBoolean() ? " (receivables reposted)" : "");
            }
            default -> "#" + c.id();
        };
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() || "null".equals(s) ? "(blank)" : s;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }
}
