package org.rxledger.core.demo;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.contract.ContractCsv;
import org.rxledger.core.contract.ContractService;
import org.rxledger.core.contract.PriceKind;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Payer;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.tx.Transactions;

/**
 * The demo office's contracts and price lists (issue 22), made from its own paid claims so the Contracts area, the
 * underpaid and below-cost queues and the Home figures have something true to show. ACME pays generics at its MAC
 * list and Blue Harbor at NADAC, both plus the plan's dispensing fee, brands at AWP − 18 % (lesser of U&amp;C). Each
 * list price is the lowest unit ingredient cost the plan paid for the NDC, so claims are paid at or above their
 * contract — except the ACME MAC of {@value #UNDERPAID_NDCS} NDCs, set at their highest paid unit cost (the claims
 * below it are underpaid), and {@value #BELOW_COST_NDCS} NDCs whose wholesaler invoice is three times what the
 * plans pay (below cost). A MAC update two weeks before today lowers three prices and leaves its notice open.
 * Everything goes through {@link ContractService}'s imports, as a file from a PBM would.
 */
public final class DemoContracts {

    static final int UNDERPAID_NDCS = 3;
    static final int BELOW_COST_NDCS = 2;
    private static final String ACME = "ACME RX SOLUTIONS";
    private static final String BLUE_HARBOR = "BLUE HARBOR PHARMACY BENEFITS";
    private static final String MAC_LIST = "ACME-MAC";

    /** What was imported: contract versions, price rows by kind, invoice lines. */
    public record Summary(int contracts, int macPrices, int nadacPrices, int awpPrices, int invoiceLines) {
    }

    private DemoContracts() {
    }

    /** Imports the contracts and lists of the demo office stored in {@code transactions}; {@code today} dates them. */
    public static Summary create(Transactions transactions, LocalDate today) {
        record Fill(Claim claim, Drug drug, Payer payer, Plan plan) {
        }
        List<Fill> fills = transactions.read(tx -> {
            ReferenceRepository ref = tx.port(ReferenceRepository.class);
            Map<Long, Drug> drugs = new HashMap<>();
            ref.drugs().forEach(d -> drugs.put(d.id(), d));
            Map<Long, Payer> payers = new HashMap<>();
            ref.payers().forEach(p -> payers.put(p.id(), p));
            Map<Long, Plan> plans = new HashMap<>();
            ref.plans().forEach(p -> plans.put(p.id(), p));
            List<Fill> out = new ArrayList<>();
            for (Claim c : tx.port(ClaimRepository.class).all()) {
                if (c.ingredientCostPaid() != null && c.lifecycle() == Lifecycle.ACTIVE
                        && c.quantity().signum() > 0) {
                    Plan plan = plans.get(c.planId());
                    out.add(new Fill(c, drugs.get(c.drugId()), payers.get(plan.payerId()), plan));
                }
            }
            return out;
        });
        LocalDate listsFrom = today.minusDays(DemoOffice.DAYS + 30);
        // the lowest and highest unit ingredient cost paid per NDC, by payer (generics) and over all payers (brands)
        Map<String, BigDecimal[]> acmeGeneric = new TreeMap<>();
        Map<String, BigDecimal[]> harborGeneric = new TreeMap<>();
        Map<String, BigDecimal[]> brand = new TreeMap<>();
        Map<String, BigDecimal[]> anyGeneric = new TreeMap<>();
        Map<String, String> fees = new TreeMap<>();
        for (Fill f : fills) {
            BigDecimal unit = f.claim().ingredientCostPaid().amount().divide(f.claim().quantity(), 5, RoundingMode.DOWN);
            String ndc = f.claim().ndc();
            if (f.drug().brand()) {
                range(brand, ndc, f.claim().ingredientCostSubmitted().amount().divide(f.claim().quantity(), 5, RoundingMode.DOWN));
                continue;
            }
            range(anyGeneric, ndc, unit);
            if (f.payer().name().equals(ACME)) {
                range(acmeGeneric, ndc, unit);
            } else if (f.payer().name().equals(BLUE_HARBOR)) {
                range(harborGeneric, ndc, unit);
            }
            if (f.payer().name().equals(ACME) || f.payer().name().equals(BLUE_HARBOR)) {
                fees.putIfAbsent(f.plan().bin() + "," + f.plan().pcn() + "," + f.plan().groupId() + "," + f.payer().name(),
                        f.claim().dispensingFeePaid().amount().toPlainString());
            }
        }
        ContractService service = new ContractService(transactions);
        StringBuilder mac = new StringBuilder("mac_list,ndc,unit_price,effective_from,effective_to\n");
        int i = 0;
        for (var e : acmeGeneric.entrySet()) {
            BigDecimal price = i++ < UNDERPAID_NDCS && e.getValue()[0].compareTo(e.getValue()[1]) < 0 ? e.getValue()[1]
                    : e.getValue()[0];
            mac.append(MAC_LIST).append(',').append(e.getKey()).append(',').append(price.toPlainString()).append(',')
                    .append(listsFrom).append(",\n");
        }
        StringBuilder nadac = new StringBuilder("NDC Description,NDC,NADAC_Per_Unit,Effective_Date,Pricing_Unit,"
                + "Pharmacy_Type_Indicator,OTC,Explanation_Code,Classification_for_Rate_Setting,"
                + "Corresponding_Generic_Drug_NADAC_Per_Unit,Corresponding_Generic_Drug_Effective_Date,As of Date\n");
        String published = String.format("%02d/%02d/%d", listsFrom.getMonthValue(), listsFrom.getDayOfMonth(), listsFrom.getYear());
        for (var e : harborGeneric.entrySet()) {
            nadac.append("DEMO GENERIC,").append(e.getKey()).append(',').append(e.getValue()[0].toPlainString()).append(',')
                    .append(published).append(",EA,C/I,N,1,G,,,").append(published).append('\n');
        }
        StringBuilder awp = new StringBuilder("ndc,unit_price,effective_from,effective_to\n");
        brand.forEach((ndc, r) -> awp.append(ndc).append(',').append(r[0].toPlainString()).append(',').append(listsFrom)
                .append(",\n"));
        StringBuilder invoices = new StringBuilder("ndc,invoice_date,quantity,cost\n");
        int j = 0;
        for (var e : anyGeneric.entrySet()) {
            // most generics cost the pharmacy 80 % of the lowest paid; the first few cost three times the highest
            BigDecimal unit = j++ < BELOW_COST_NDCS ? e.getValue()[1].multiply(BigDecimal.valueOf(3))
                    : e.getValue()[0].multiply(new BigDecimal("0.80"));
            invoices.append(e.getKey()).append(",").append(listsFrom.minusDays(10)).append(",1000,")
                    .append(unit.multiply(BigDecimal.valueOf(1000)).setScale(2, RoundingMode.HALF_UP).toPlainString())
                    .append('\n');
        }
        StringBuilder contracts = new StringBuilder(String.join(",", ContractCsv.COLUMNS)).append('\n');
        int versions = 0;
        for (var e : fees.entrySet()) {
            String[] k = e.getKey().split(",", -1);
            boolean acme = k[3].equals(ACME);
            contracts.append(String.join(",", (acme ? "ACME " : "Blue Harbor ") + k[2] + " " + listsFrom.getYear(), k[3],
                    k[0], k[1], k[2], listsFrom.toString(), "AWP", "-18", e.getValue(), acme ? "MAC" : "NADAC", "0",
                    e.getValue(), acme ? MAC_LIST : "", "Y", "0", "0", "0")).append('\n');
            versions++;
        }
        check(service.importPrices(PriceKind.MAC, "demo-acme-mac.csv", new StringReader(mac.toString()), ProgressListener.NONE));
        check(service.importPrices(PriceKind.NADAC, "demo-nadac.csv", new StringReader(nadac.toString()), ProgressListener.NONE));
        check(service.importPrices(PriceKind.AWP, "demo-awp.csv", new StringReader(awp.toString()), ProgressListener.NONE));
        check(service.importPrices(PriceKind.INVOICE, "demo-invoices.csv", new StringReader(invoices.toString()),
                ProgressListener.NONE));
        check(service.importContracts("demo-contracts.csv", new StringReader(contracts.toString())));
        service.openNotices().forEach(n -> service.acknowledge(n.id()));
        // the MAC update two weeks ago: the three lowest-numbered priced NDCs after the underpaid ones 10 % lower
        StringBuilder update = new StringBuilder("mac_list,ndc,unit_price,effective_from,effective_to\n");
        acmeGeneric.entrySet().stream().skip(UNDERPAID_NDCS).limit(3).forEach(e -> update.append(MAC_LIST).append(',')
                .append(e.getKey()).append(',').append(e.getValue()[0].multiply(new BigDecimal("0.90"))
                        .setScale(5, RoundingMode.HALF_UP).toPlainString()).append(',').append(today.minusDays(14))
                .append(",\n"));
        check(service.importPrices(PriceKind.MAC, "demo-acme-mac-update.csv", new StringReader(update.toString()),
                ProgressListener.NONE));
        return new Summary(versions, acmeGeneric.size(), harborGeneric.size(), brand.size(), anyGeneric.size());
    }

    private static void range(Map<String, BigDecimal[]> by, String ndc, BigDecimal unit) {
        BigDecimal[] r = by.computeIfAbsent(ndc, k -> new BigDecimal[] {unit, unit});
        r[0] = r[0].min(unit);
        r[1] = r[1].max(unit);
    }

    private static void check(ContractService.ImportResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException("the demo office's contract files did not import: " + result.errors());
        }
    }
}
