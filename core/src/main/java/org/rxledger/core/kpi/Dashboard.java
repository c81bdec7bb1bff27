package org.rxledger.core.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.rxledger.core.kpi.KpiRepository.Collected;
import org.rxledger.core.kpi.KpiRepository.DenialCode;
import org.rxledger.core.kpi.KpiRepository.PlbMonth;
import org.rxledger.core.kpi.KpiRepository.WriteOffs;
import org.rxledger.core.mfp.MfpKpi;
import org.rxledger.core.money.Money;
import org.rxledger.core.recon.AgingBucket;

/**
 * The owner's figures for a period (definitions in {@link Kpi}).
 *
 * @param payers one row per payer with anything in the period or owing, by name
 * @param total  the same figures over every payer
 * @param aging  the snapshots of {@link Kpi#AGING_TREND}, oldest first
 */
public record Dashboard(LocalDate from, LocalDate to, List<PayerFigures> payers, PayerFigures total,
                        List<DenialCode> topDenials, List<PlbMonth> plb, List<AgingSnapshot> aging,
                        List<WriteOffs> writeOffs, Collected collected, MfpKpi mfp) {

    /**
     * One payer's figures (or every payer's, named "All payers").
     *
     * @param dso            {@link Kpi#DSO}, one decimal; null when nothing was adjudicated in the period
     * @param daysToPay      {@link Kpi#DAYS_TO_PAY}, one decimal; null when nothing was paid
     * @param autoMatchRate  {@link Kpi#AUTO_MATCH_RATE} in percent, one decimal; null without claim payments
     * @param denialRate     {@link Kpi#DENIAL_RATE} in percent, one decimal; null without matched claim payments
     */
    public record PayerFigures(String payer, Money receivable, int claims, Money sales, BigDecimal dso,
                               BigDecimal daysToPay, int remitLines, int autoMatched, BigDecimal autoMatchRate,
                               int judged, int denied, BigDecimal denialRate, int shortPaid, Money shortAmount,
                               int underpaid, Money underpaidAmount, int belowCost, Money belowCostAmount) {
    }

    /** Receivables on one snapshot day by aging bucket (buckets with nothing left out). */
    public record AgingSnapshot(LocalDate asOf, Map<AgingBucket, Money> thirdParty, Map<AgingBucket, Money> patient) {

        public Money thirdPartyTotal() {
            return Money.sum(thirdParty.values());
        }

        public Money patientTotal() {
            return Money.sum(patient.values());
        }
    }

    /** PLB amounts of the period summed by reason code, in code order. */
    public Map<String, Money> plbByCode() {
        Map<String, Money> by = new java.util.TreeMap<>();
        plb.forEach(p -> by.merge(p.code(), p.amount(), Money::plus));
        return by;
    }
}
