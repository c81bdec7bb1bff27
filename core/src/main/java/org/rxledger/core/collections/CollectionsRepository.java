package org.rxledger.core.collections;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rxledger.core.ledger.LedgerEntry;
import org.rxledger.core.money.Money;

/**
 * Port: patient accounts' reads (balances are always summed from the ledger) and the append-only rows behind
 * payments, holds, statements and write-offs.
 */
public interface CollectionsRepository {

    /** Every fill with a non-zero patient balance as of the date, of one account or (key null) of all, oldest first. */
    List<AccountItem> openItems(String accountKey, LocalDate asOf);

    /** Every claim (or only {@code claimId}) a plan still owes on as of the date, oldest date of service first. */
    List<ClaimReceivable> claimReceivables(Long claimId, LocalDate asOf);

    /** What the matched remittances said of every claim they name (the exceptions queue's view), by claim id. */
    Map<Long, ThirdPartyWriteOffPolicy.Remitted> remitted();

    /** The account's PATIENT_RECEIVABLE entries, oldest first. */
    List<AccountActivity> activity(String accountKey);

    /** The display name of an account: "Last, First" for a patient, the code for a house-charge account. */
    Optional<String> accountName(String accountKey);

    void assignChargeAccount(long claimId, String chargeCode);

    long insertPayment(String accountKey, String kind, PaymentMethod method, Money amount, String reference,
                       LocalDate receivedOn, UUID batchId, String by);

    /** The last payment date of every account that has one. */
    Map<String, LocalDate> lastPayments();

    void insertHoldEvent(String accountKey, HoldKind kind, boolean placed, String note, LocalDate effectiveOn, String by);

    /** Active holds by account. */
    Map<String, Set<HoldKind>> activeHolds();

    void insertStatement(Statement statement, String by);

    /** Statements by account, in number order. */
    Map<String, List<Statement>> statements();

    Map<String, String> settings();

    void putSetting(String name, String value);

    /** Marks a plan as a federal program's (MEDICARE, MEDICAID, TRICARE, …), or unmarks it (program null). */
    void setFederalProgram(long planId, String program);

    long insertRecommendation(WriteOffPolicy.Finding finding, LocalDate asOf, String by);

    void insertDecision(long recommendationId, WriteOff.Status decision, String reason, UUID batchId, String by);

    /** Every recommendation with its status, newest first. */
    List<WriteOff> writeOffs();

    Optional<WriteOff> writeOff(long id);

    /** The batch an approval posted. */
    Optional<UUID> approvalBatch(long recommendationId);

    /** The claim-scope write-offs on any of these claims whose last decision is an approval, oldest first. */
    List<Long> approvedClaimWriteOffs(Collection<Long> claimIds);

    List<LedgerEntry> entriesOfBatch(UUID batchId);

    void insertPlanEvent(String accountKey, boolean started, PaymentPlan plan, LocalDate on, String note, String by);

    /** The active payment plan of every account that has one. */
    Map<String, PaymentPlan> activePlans();

    /** Every payment received (refunds not counted), by account, oldest first. */
    Map<String, List<PaymentPlan.Received>> paymentsReceived();

    void insertReferral(String accountKey, String agency, Money amount, LocalDate on, String by);

    /** The date each referred account was (last) referred to an agency. */
    Map<String, LocalDate> referrals();
}
