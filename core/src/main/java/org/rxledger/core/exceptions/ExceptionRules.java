package org.rxledger.core.exceptions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rxledger.core.access.IdentifierMask;
import org.rxledger.core.matching.KeyCheck;
import org.rxledger.core.matching.MatchRecord;
import org.rxledger.core.contract.ClaimToPrice;
import org.rxledger.core.contract.ContractCheck;
import org.rxledger.core.contract.Expectation;
import org.rxledger.core.contract.PriceBasis;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.ClaimReconciliation;
import org.rxledger.core.recon.ReconStatus;
import org.rxledger.core.reference.CodeTable;
import org.rxledger.core.reference.CodeTables;

/**
 * Turns the facts of one row into a queue item: the category, why it is one (with the codes and their
 * meaning) and the concrete next step (DOMAIN.md §4.3 "typical cause / action", §3 CARC, §1.10 rejects).
 */
final class ExceptionRules {

    private static final CodeTables CODES = CodeTables.standard();
    /** Why a claim can expect nothing from its plan (the over-paid reason names it). */
    private static final String NOTHING_EXPECTED = " (nothing was expected: the claim was reversed or rebilled at the "
            + "counter, or the patient pay covered the whole price)";

    private final LocalDate today;
    /** The day each payment was imported: when its items became exceptions here. */
    private final Map<Long, LocalDate> importedOn;
    private final IdentifierMask mask;

    ExceptionRules(LocalDate today) {
        this(today, Map.of());
    }

    ExceptionRules(LocalDate today, Map<Long, LocalDate> importedOn) {
        this(today, importedOn, IdentifierMask.FULL);
    }

    /** @param mask how the reader sees member ids in match explanations (as the Claims list's cardholder ids) */
    ExceptionRules(LocalDate today, Map<Long, LocalDate> importedOn, IdentifierMask mask) {
        this.today = today;
        this.importedOn = importedOn;
        this.mask = mask;
    }

    ExceptionItem loose(ExceptionRepository.LooseLine l) {
        boolean review = "NEEDS_REVIEW".equals(l.matchStatus());
        ExceptionCategory cat = review ? ExceptionCategory.AMBIGUOUS : ExceptionCategory.UNMATCHED;
        String reason;
        String next;
        List<String> candidates = new ArrayList<>();
        for (MatchRecord.CandidateSummary c : l.candidates()) {
            candidates.add("Rx " + rxFill(c.rx(), c.fill()) + " DOS " + c.dateOfService() + " score " + c.score()
                    + (c.explanation() == null || c.explanation().isBlank() ? "" : " — "
                    + KeyCheck.maskMemberIds(c.explanation(), mask)));
        }
        String status = "22".equals(l.statusCode()) ? "reversal line (CLP02 22) " : "";
        if (review) {
            reason = "Claim payment " + status + "CLP01 " + l.patientControlNumber() + " paying " + l.paid()
                    + " was not matched automatically: " + (l.explanation() == null ? "verdict " + l.verdict()
                    : KeyCheck.maskMemberIds(l.explanation(), mask));
            next = candidates.isEmpty()
                    ? "Match by hand in Remittances: search the claim by Rx and date of service"
                    : "Match by hand: " + candidates.size() + (candidates.size() == 1 ? " candidate — " : " candidates — ")
                      + String.join("; ", candidates.stream().map(s -> s.split(" — ")[0]).toList());
        } else {
            reason = "Claim payment " + status + "CLP01 " + l.patientControlNumber() + " paying " + l.paid()
                    + " names no stored claim (" + (l.paymentPosted() ? "held as unapplied cash"
                    : "its payment is not posted yet; posted, it would go to unapplied cash") + ")";
            next = "Find the claim: another store or NPI, a paper (UCF) claim, or a claim not entered yet; "
                    + "enter or import it, then match by hand in Remittances"
                    + (l.paymentPosted() ? ""
                    : ", and post the payment once its lines are matched (Post… in Remittances, or remit post)");
        }
        return item(cat, cat.key(l.remitClaimId()), l.payer(), l.patientControlNumber(), l.trace(), Money.ZERO,
                l.paid(), reason, next, l.paymentDate(), null, l.remitClaimId(), l.paymentId(), candidates);
    }

    Optional<ExceptionItem> claim(ExceptionRepository.ClaimLine c, List<ExceptionRepository.ClaimCode> codes) {
        ReconStatus s = ClaimReconciliation.status(c.expected(), c.paid(), c.lines(), c.reversals() > 0, c.denials() > 0);
        String rx = rxFill(c.rx(), c.fill());
        Money diff = c.paid().minus(c.expected());
        String codeText = describe(codes);
        String codeSuffix = codeText.isEmpty() ? "" : "; " + codeText;
        ExceptionCategory cat;
        String reason;
        String next;
        switch (s) {
            case UNDERPAID -> {
                cat = ExceptionCategory.SHORT_PAID;
                reason = "Paid " + c.paid() + " of " + c.expected() + " expected (" + diff + ")" + codeSuffix;
                next = "Check the contract price; if the " + diff.negate() + " reduction is not contractual, call "
                        + c.payer() + " about trace " + c.traces() + " and dispute it, else resolve as contractual";
            }
            case OVERPAID -> {
                if (c.duplicates() > 0) {
                    cat = ExceptionCategory.PAID_TWICE;
                    reason = "Paid " + c.paid() + " against " + c.expected() + " expected: the same fill was paid again ("
                            + c.lines() + " payments, traces " + c.traces() + ")";
                    next = "Do not post again: refund " + diff + " to " + c.payer() + " or expect a takeback (PLB WO); "
                            + "hold it as a liability";
                } else {
                    cat = ExceptionCategory.OVER_PAID;
                    reason = "Paid " + c.paid() + ", " + diff + " more than the " + c.expected() + " expected"
                            + (c.expected().isZero() ? NOTHING_EXPECTED : "") + codeSuffix;
                    next = "Expect a recoupment of " + diff + ": hold it as a liability; call " + c.payer()
                            + " to confirm the price update or refund";
                }
            }
            case DENIED -> {
                cat = ExceptionCategory.DENIED;
                reason = "Denied on the remittance, nothing paid of " + c.expected() + " expected" + codeSuffix;
                next = denialStep(codes);
            }
            case REVERSED -> {
                if (c.expected().isZero()) {
                    // reversed at the counter too (return to stock): nothing is owed either way, DOMAIN.md §4.3
                    return Optional.empty();
                }
                cat = ExceptionCategory.REVERSED;
                reason = "The payer reversed its payment (CLP02 22) and has not paid again; " + c.expected()
                        + " is still expected";
                next = "If the fill was dispensed, rebill it; if it was returned to stock, reverse it at the counter; "
                        + "if the payer reversed it after an audit, link it to the audit case";
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(item(cat, cat.key(c.claimId()), c.payer(), rx, c.traces(), c.expected(), c.paid(), reason,
                next, c.lastPaymentDate(), c.claimId(), c.lastRemitClaimId(), c.lastPaymentId(), List.of()));
    }

    /** Paid below the contract (docs/contracts.md); {@code line} gives the trace and the payment, when there is one. */
    ExceptionItem underpaid(ContractCheck k, ExceptionRepository.ClaimLine line) {
        ExceptionCategory cat = ExceptionCategory.UNDERPAID_CONTRACT;
        ClaimToPrice c = k.claim();
        Expectation e = k.expectation();
        String reason = "Paid " + c.paid() + ", " + k.shortfall() + " below the " + e.expected() + " the contract "
                + e.terms().contractName() + " pays (" + e.working() + ")";
        String next = "Dispute the " + k.shortfall() + " with " + c.payer() + (line == null ? "" : " (trace " + line.traces() + ")")
                + (e.formula().basis() == PriceBasis.MAC ? "; for a MAC price below cost, send a MAC appeal packet" : "")
                + "; if the contract on file is out of date, import its current version";
        return contractItem(cat, k, line, e.expected(), c.paid(), reason, next);
    }

    /** Paid plus patient pay below what the pharmacy paid for the quantity dispensed. */
    ExceptionItem belowCost(ContractCheck k, ExceptionRepository.ClaimLine line) {
        ExceptionCategory cat = ExceptionCategory.BELOW_COST;
        ClaimToPrice c = k.claim();
        Money received = c.paid().plus(c.patientPay());
        String reason = "Paid " + c.paid() + " + patient pay " + c.patientPay() + " = " + received + ", "
                + k.belowCostBy() + " below the acquisition cost " + k.acquisitionCost() + " (latest invoice cost per unit × "
                + c.quantity().stripTrailingZeros().toPlainString() + ")";
        String next = "Appeal the price to " + c.payer() + " with a MAC appeal packet (claim, MAC, NADAC, invoice cost); "
                + "if the price is contractual, review the contract and where the drug is bought";
        return contractItem(cat, k, line, k.acquisitionCost(), received, reason, next);
    }

    private ExceptionItem contractItem(ExceptionCategory cat, ContractCheck k, ExceptionRepository.ClaimLine line,
                                       Money expected, Money paid, String reason, String next) {
        ClaimToPrice c = k.claim();
        return item(cat, cat.key(c.claimId()), c.payer(), rxFill(c.rx(), c.fill()), line == null ? "" : line.traces(),
                expected, paid, reason, next, line == null ? today : line.lastPaymentDate(), c.claimId(),
                line == null ? null : line.lastRemitClaimId(), line == null ? null : line.lastPaymentId(), List.of());
    }

    ExceptionItem patientPay(ExceptionRepository.PatientPayLine p) {
        ExceptionCategory cat = ExceptionCategory.PATIENT_PAY;
        Money diff = p.remitted().minus(p.adjudicated());
        String reason = "The payer says the patient owes " + p.remitted() + " (CLP05) but " + p.adjudicated()
                + " was adjudicated as patient pay (505-F5)";
        String next = diff.isPositive()
                ? "Bill the patient the further " + diff + " (adjust patient A/R), or ask " + p.payer() + " to correct CLP05"
                : "Adjust patient A/R by " + diff + "; refund the patient " + diff.negate() + " if it was collected";
        return item(cat, cat.key(p.remitClaimId()), p.payer(), rxFill(p.rx(), p.fill()), p.trace(), p.adjudicated(),
                p.remitted(), reason, next, p.paymentDate(), p.claimId(), p.remitClaimId(), p.paymentId(), List.of());
    }

    ExceptionItem plb(ExceptionRepository.LoosePlb p) {
        ExceptionCategory cat = ExceptionCategory.PLB_UNATTRIBUTED;
        String ref = p.reference() == null || p.reference().isBlank() ? "(no reference)" : p.reference();
        String reason = "PLB " + p.reasonCode() + " (" + CODES.plbReasons().describe(p.reasonCode()) + ") took back "
                + p.amount() + ", reference " + ref + "; the reference names no stored claim";
        String next = "Attribute PLB " + p.reasonCode() + " " + ref + " (" + p.amount() + ") to a claim: find the Rx "
                + "in the reference or the payer's audit letter, or call " + p.payer() + " for the claim list";
        return item(cat, cat.key(p.plbId()), p.payer(), "PLB " + p.reasonCode() + " " + ref, p.trace(), Money.ZERO,
                p.amount(), reason, next, p.paymentDate(), null, null, p.paymentId(), p.plbId(), List.of());
    }

    private ExceptionItem item(ExceptionCategory cat, String key, String payer, String reference, String trace,
                               Money expected, Money paid, String reason, String next, LocalDate arose, Long claimId,
                               Long remitClaimId, Long paymentId, List<String> candidates) {
        return item(cat, key, payer, reference, trace, expected, paid, reason, next, arose, claimId, remitClaimId,
                paymentId, null, candidates);
    }

    private ExceptionItem item(ExceptionCategory cat, String key, String payer, String reference, String trace,
                               Money expected, Money paid, String reason, String next, LocalDate arose, Long claimId,
                               Long remitClaimId, Long paymentId, Long plbItemId, List<String> candidates) {
        // an item is as old as the clerk has known it: since its 835 was imported, not since the payer's payment
        // date (a file paid years ago and imported today is a new item, not an 8,000-day-old one)
        LocalDate since = paymentId == null ? arose : importedOn.getOrDefault(paymentId, arose);
        return new ExceptionItem(key, cat, payer, reference, trace == null ? "" : trace, ExceptionQueue.nz(expected),
                ExceptionQueue.nz(paid), reason, next, since, ExceptionQueue.age(since, today), null,
                ExceptionStatus.OPEN, null, claimId, remitClaimId, paymentId, plbItemId, candidates);
    }

    static String rxFill(String rx, int fill) {
        return rx + "-" + String.format("%02d", fill);
    }

    /** "CO-16 Claim lacks information…; NCPDP 75 Prior authorization required (family PRIOR_AUTH)". */
    static String describe(List<ExceptionRepository.ClaimCode> codes) {
        Set<String> parts = new LinkedHashSet<>();
        for (ExceptionRepository.ClaimCode c : codes) {
            if (ExceptionRepository.ClaimCode.CAS.equals(c.kind())) {
                if (c.amount() == null || !c.amount().isZero()) {
                    parts.add(c.group() + "-" + c.code() + " " + CODES.carc().describe(c.code()));
                }
            } else if ("RX".equals(c.kind())) {
                CodeTable t = CODES.rejectCodes();
                String family = t.find(c.code()).map(x -> x.attribute("family")).orElse(null);
                parts.add("NCPDP " + c.code() + " " + t.describe(c.code()) + (family == null ? "" : " (family " + family + ")"));
            } else {
                parts.add("RARC " + c.code() + " " + CODES.rarc().describe(c.code()));
            }
        }
        return String.join("; ", parts);
    }

    /** The concrete next step of a denial, by its NCPDP reject remark or CARC (DOMAIN.md §3, §10.1). */
    static String denialStep(List<ExceptionRepository.ClaimCode> codes) {
        for (ExceptionRepository.ClaimCode c : codes) {
            if ("RX".equals(c.kind())) {
                CodeTable t = CODES.rejectCodes();
                String fix = t.find(c.code()).map(x -> x.attribute("fix")).orElse(null);
                return "Rework NCPDP reject " + c.code() + " (" + t.describe(c.code()) + ")"
                        + (fix == null || fix.isBlank() ? "" : ": " + fix) + " Then rebill.";
            }
        }
        for (ExceptionRepository.ClaimCode c : codes) {
            if (!ExceptionRepository.ClaimCode.CAS.equals(c.kind()) || "PR".equals(c.group())) {
                continue;
            }
            String carc = c.code();
            String what = "CARC " + carc + " (" + CODES.carc().describe(carc) + ")";
            return switch (carc) {
                case "18" -> "Duplicate per the payer, " + what + ": find the earlier payment of this fill; do not rebill";
                case "22", "23" -> "Coordination of benefits, " + what + ": bill the primary payer first, then rebill "
                        + "with the other-payer amounts";
                case "26", "27", "31", "177" -> "Eligibility, " + what + ": check the patient's coverage dates and bill "
                        + "the plan in force on the date of service";
                case "29" -> "Timely filing, " + what + ": appeal with proof of the original submission date";
                case "197" -> "Authorization, " + what + ": obtain the prior authorization, then rebill";
                default -> "Appeal or rebill: " + what;
            };
        }
        return "Call the payer: the remittance denies the claim without a reason code";
    }
}
