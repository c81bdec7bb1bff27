package org.rxledger.core.contract;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rxledger.core.access.Permission;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.security.Disclosure;
import org.rxledger.core.security.DisclosureLog;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;

/**
 * MAC appeal packets (docs/contracts.md): {@link #packet} gathers one claim priced on a MAC list whose MAC pays less
 * than the drug costs (a read); {@link #recordSent} records that the packet left the office, as the MFP dispute packet
 * does: audit trail, accounting of disclosures (Rx and date of service identify a patient) and journal.
 */
public final class MacAppealService {

    public static final String EVENT_MAC_APPEAL = "contract.mac_appeal";

    private final Transactions transactions;

    public MacAppealService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The clock of the store's transactions: a packet is dated with the day the use cases see. */
    public Clock clock() {
        return transactions.clock();
    }

    /** The appeal of one fill; refused when the claim is not priced on a MAC list or its MAC is not below cost. */
    public MacAppeal packet(String rxNumber, int fill) {
        String rx = rxNumber == null ? "" : rxNumber.strip();
        return transactions.read(tx -> {
            Claim claim = tx.port(ClaimRepository.class).forRxFill(rx, fill).stream()
                    .max(Comparator.comparing((Claim c) -> c.lifecycle() == Lifecycle.ACTIVE).thenComparingLong(Claim::id))
                    .orElseThrow(() -> new RxLedgerException("MAC_APPEAL_NO_CLAIM", "No claim for Rx " + rx + " fill " + fill));
            return packet(tx, claim);
        });
    }

    private static MacAppeal packet(Tx tx, Claim claim) {
        String fill = "Rx " + claim.rxNumber() + " fill " + claim.fillNumber();
        ContractCheck check = ContractService.checks(tx, null, null, claim.id()).stream().findFirst()
                .orElseThrow(() -> new RxLedgerException("MAC_APPEAL_NOT_PAID", fill + " is not an active paid claim"));
        Expectation e = check.expectation();
        if (e == null) {
            throw new RxLedgerException("MAC_APPEAL_NO_CONTRACT", fill + ": no contract covers its routing on "
                    + claim.dateOfService());
        }
        if (e.formula().basis() != PriceBasis.MAC) {
            throw new RxLedgerException("MAC_APPEAL_NOT_MAC", fill + " is priced " + e.formula().label() + " under "
                    + e.terms().contractName() + ", not on a MAC list");
        }
        if (!e.priced()) {
            throw new RxLedgerException("MAC_APPEAL_UNPRICED", fill + ": " + e.unpriced());
        }
        ClaimToPrice c = check.claim();
        ContractRepository repo = tx.port(ContractRepository.class);
        MemoryPriceBook book = new MemoryPriceBook(repo.prices(Set.of(c.ndc())), repo.invoices(Set.of(c.ndc())));
        BigDecimal nadac = book.unitPrice(PriceBasis.NADAC, null, c.ndc(), c.dateOfService()).orElse(null);
        BigDecimal invoice = book.acquisitionUnitCost(c.ndc(), c.dateOfService()).orElse(null);
        BigDecimal costUnit = invoice != null ? invoice : nadac;
        if (costUnit == null) {
            throw new RxLedgerException("MAC_APPEAL_NO_COST", fill + ": neither a wholesaler invoice nor a NADAC price of "
                    + "NDC " + c.ndc() + " on or before " + c.dateOfService() + " to set against the MAC; import one "
                    + "(prices import --kind invoice|nadac)");
        }
        Money mac = ContractPricing.acquisitionCost(e.unitPrice(), c.quantity());
        Money cost = ContractPricing.acquisitionCost(costUnit, c.quantity());
        if (!mac.isLessThan(cost)) {
            throw new RxLedgerException("MAC_APPEAL_NOT_BELOW_COST", fill + ": the MAC reimbursement " + mac
                    + " is not below the acquisition cost " + cost + "; there is nothing to appeal");
        }
        String drug = Optional.of(claim.drugId()).filter(id -> id > 0)
                .flatMap(id -> tx.port(ReferenceRepository.class).drug(id)).map(Drug::label).orElse(null);
        return new MacAppeal(tx.port(ReferenceRepository.class).pharmacy().orElse(null), c.claimId(), c.payer(),
                e.terms().contractName(), c.rx(), c.fill(), c.dateOfService(), c.ndc(), drug, c.quantity(),
                e.terms().macList(), e.unitPrice(), nadac, invoice, mac, cost, invoice != null ? "invoice" : "NADAC",
                e.formula().label(), e.working());
    }

    /** Records that the appeal went to the payer: audit trail, accounting of disclosures and journal, in one transaction. */
    public void recordSent(MacAppeal appeal, int pages, String sha256) {
        transactions.inTransaction(Permission.REPORT_EXPORT, "export a MAC appeal packet", tx -> {
            List<Long> patients = new ArrayList<>();
            tx.port(ClaimRepository.class).find(appeal.claimId()).ifPresent(c -> patients.add(c.patientId()));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("claimId", appeal.claimId());
            payload.put("payer", appeal.payer());
            payload.put("macList", appeal.macList());
            payload.put("shortfall", appeal.shortfall().amount().toPlainString());
            payload.put("pageCount", pages);
            payload.put("sha256", sha256);
            tx.port(AuditTrail.class).record("MAC_APPEAL_PACKET", "claim", String.valueOf(appeal.claimId()), payload);
            tx.port(DisclosureLog.class).record(Disclosure.Kind.REPORT, appeal.payer(), "MAC appeal claim " + appeal.claimId(),
                    patients);
            tx.port(Journal.class).append(EVENT_MAC_APPEAL, payload);
            return null;
        });
    }
}
