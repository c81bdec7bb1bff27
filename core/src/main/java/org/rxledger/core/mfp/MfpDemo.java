package org.rxledger.core.mfp;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.payer.Routing;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.remit.Adjustment;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.remit.Remittance;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.reference.ReferenceRepository;

/**
 * MFP refunds for the demo office (fictional prices): its Part D plans' routings marked, the two brands most filled on
 * them given a price list, the MTF in the payer directory, and one MTF 835 paying the refunds due so far — each
 * weekly on the Friday after the fill, in full except one short refund and one left missing — so the MFP refunds tab
 * has something true to show.
 */
public final class MfpDemo {

    public static final String MTF_NAME = "MEDICARE TRANSACTION FACILITATOR";
    public static final String MTF_ID = "1900000024";
    private static final String[] MANUFACTURERS = {"FICTIONAL PHARMA INC", "EXAMPLE THERAPEUTICS LLC"};

    /** What the demo set up. */
    public record Summary(int selectedDrugs, int eligibleFills, int refundsPaid, Money paid) {
    }

    private MfpDemo() {
    }

    public static Summary seed(Transactions transactions, RemittanceImportService imports, LocalDate today, Path dir) {
        MfpService mfp = new MfpService(transactions);
        List<Plan> partDPlans = transactions.read(tx -> tx.port(ReferenceRepository.class).plans()).stream()
                .filter(p -> p.name().toUpperCase(Locale.ROOT).contains("PART D")).toList();
        for (Plan p : partDPlans) {
            mfp.setPartD(new Routing(p.bin(), p.pcn(), ""), true, "demo office: " + p.name());
        }
        List<Claim> partD = transactions.read(tx -> tx.port(ClaimRepository.class).all()).stream()
                .filter(c -> c.lifecycle() == Lifecycle.ACTIVE)
                .filter(c -> c.responseStatus().createsReceivable())
                .filter(c -> partDPlans.stream().anyMatch(p -> p.bin().equals(c.bin()) && p.pcn().equalsIgnoreCase(c.pcn())))
                .toList();
        // selected drugs are single-source brands
        java.util.Set<String> brands = transactions.read(tx -> tx.port(ReferenceRepository.class).drugs()).stream()
                .filter(org.rxledger.core.reference.Drug::brand).map(org.rxledger.core.reference.Drug::ndc)
                .collect(Collectors.toSet());
        Map<String, List<Claim>> byNdc = partD.stream().filter(c -> brands.contains(c.ndc()))
                .collect(Collectors.groupingBy(Claim::ndc));
        List<String> selected = byNdc.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Claim>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey))
                .limit(2).map(Map.Entry::getKey).toList();
        if (selected.isEmpty()) {
            return new Summary(0, 0, 0, Money.ZERO);
        }
        StringBuilder csv = new StringBuilder(String.join(",", MfpPriceCsv.COLUMNS)).append('\n');
        for (int i = 0; i < selected.size(); i++) {
            Claim sample = byNdc.get(selected.get(i)).get(0);
            // fictional: WAC a little above the submitted cost per unit, MFP a third of it
            BigDecimal wac = sample.ingredientCostSubmitted().amount().multiply(new BigDecimal("1.10"))
                    .divide(sample.quantity(), 5, RoundingMode.HALF_UP);
            BigDecimal mfpPrice = wac.divide(new BigDecimal("3"), 5, RoundingMode.HALF_UP);
            csv.append(selected.get(i)).append(',').append(mfpPrice.toPlainString()).append(',').append(wac.toPlainString())
                    .append(",2026-01-01,,").append(MANUFACTURERS[i]).append('\n');
        }
        MfpPriceImportResult prices = mfp.importPrices("demo-mfp-prices.csv", new StringReader(csv.toString()));
        if (!prices.succeeded()) {
            throw new IllegalStateException("demo MFP prices refused: " + prices.errors());
        }
        new PayerDirectoryService(transactions).importCsv("demo-mtf.csv", new StringReader(
                "payer_name,remit_payer_id,bin,pcn,group_id\n" + MTF_NAME + "," + MTF_ID + ",,,\n"));
        mfp.setRefundPayer(MTF_NAME, true, "demo office: the MTF payment module");

        List<MfpRefund> owed = mfp.refunds(today).stream().filter(r -> !r.due().isAfter(today.minusDays(3))).toList();
        if (owed.isEmpty()) {
            return new Summary(selected.size(), 0, 0, Money.ZERO);
        }
        Map<Long, Claim> claims = partD.stream().collect(Collectors.toMap(Claim::id, Function.identity()));
        MfpRefund shortOne = owed.get(owed.size() / 2);
        MfpRefund missing = owed.get(owed.size() - 1);
        Map<LocalDate, List<ClaimPayment>> byFriday = new TreeMap<>();
        int paid = 0;
        Money total = Money.ZERO;
        for (MfpRefund r : owed) {
            if (r == missing) {
                continue;
            }
            Claim c = claims.get(r.claimId());
            Money amount = r == shortOne ? r.expected().times(new BigDecimal("0.80"), RoundingMode.HALF_UP) : r.expected();
            List<Adjustment> cas = amount.equals(r.expected()) ? List.of()
                    : List.of(new Adjustment("CO", "45", r.expected().minus(amount), null));
            String clp01 = String.format("%012dFILL%d", Long.parseLong(r.rxNumber()), r.fillNumber());
            LocalDate friday = r.clockStart().plusDays(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
            byFriday.computeIfAbsent(friday, d -> new ArrayList<>()).add(RemittanceBuilder.claim(clp01, "1", r.expected(),
                    amount, Money.ZERO, "MTF" + r.claimId(), r.dateOfService(), r.ndc(), r.quantity(), c.cardholderId(),
                    cas, List.of()));
            paid++;
            total = total.plus(amount);
        }
        Pharmacy pharmacy = transactions.read(tx -> tx.port(ReferenceRepository.class).pharmacy()).orElseThrow();
        RemittanceBuilder.Parties parties = new RemittanceBuilder.Parties(MTF_NAME, MTF_ID, pharmacy.name(), pharmacy.npi(),
                pharmacy.ncpdpId(), "123456789");
        List<Remittance.Transaction> payments = new ArrayList<>();
        int control = 900;
        for (Map.Entry<LocalDate, List<ClaimPayment>> e : byFriday.entrySet()) {
            payments.add(RemittanceBuilder.payment(parties, "MTF" + e.getKey().toString().replace("-", ""), e.getKey(),
                    control++, e.getValue(), List.of()));
        }
        Path file = dir.resolve("mtf-refunds-demo.835");
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
                RemittanceBuilder.write(payments, w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportOutcome outcome = imports.importFile(file, ProgressListener.NONE, () -> false);
        if (!(outcome instanceof ImportOutcome.Imported)) {
            throw new IllegalStateException("demo MTF 835 refused: " + outcome.message());
        }
        mfp.recordRemittedRefunds();
        return new Summary(selected.size(), owed.size(), paid, total);
    }
}
