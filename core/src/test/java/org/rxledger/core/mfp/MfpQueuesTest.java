package org.rxledger.core.mfp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.exceptions.ExceptionCategory;
import org.rxledger.core.exceptions.ExceptionItem;
import org.rxledger.core.exceptions.ExceptionQueue;
import org.rxledger.core.matching.MatchRepository;
import org.rxledger.core.recon.DailyReconciliation;
import org.rxledger.core.recon.DailyReconciliationService;
import org.rxledger.core.recon.ReconciliationService;
import org.rxledger.core.recon.VarianceCategory;
import org.rxledger.core.remit.RemittanceBuilder;

/**
 * MTF claim payments are not the plans': they stay out of {@code remit unmatched}, the exceptions queue and the daily
 * reconciliation's unmatched cash, while the MFP refunds carry their own work (not received, short, reversed claim).
 * The MTF file (mtf-refunds.835) names 7 claim payments on 2026-02-10 and 2026-02-25; one (Rx 9999999) fits no fill.
 */
class MfpQueuesTest {

    @TempDir
    Path dir;

    private MfpFixture f;

    @BeforeEach
    void setUp() {
        f = new MfpFixture(dir);
    }

    @AfterEach
    void close() {
        f.db.close();
    }

    @Test
    void mtfClaimPaymentsAreNotUnmatchedPlanPayments() {
        Claim paid = f.store(f.claim("7001234", 2, LocalDate.of(2026, 2, 2)));
        f.store(f.claim("7001300", 1, LocalDate.of(2026, 2, 3)));
        f.store(f.claim("7001400", 0, LocalDate.of(2026, 2, 4)));
        f.store(f.claim("7001700", 1, LocalDate.of(2026, 2, 7)).reversed());
        // a plan's payment for a claim the office does not have: that one is a plan's unmatched payment
        f.importPlanPayment("PLAN0212", List.of(RemittanceBuilder.claim("7009999-01", "1", paid.grossAmountDue(),
                paid.planPaid(), paid.patientPay(), "", LocalDate.of(2026, 2, 1), MfpFixture.SELECTED_NDC,
                new BigDecimal("30"), paid.cardholderId(), RemittanceBuilder.contractualAndCopay(paid.grossAmountDue(),
                        paid.planPaid(), paid.patientPay()), List.of())));
        f.importResource("mtf-refunds.835");
        f.mfp.recordRemittedRefunds();

        List<MatchRepository.UnmatchedRemitClaim> unmatched = new ReconciliationService(f.db.transactions()).unmatched();
        assertThat(unmatched).extracting(MatchRepository.UnmatchedRemitClaim::patientControlNumber)
                .containsExactly("7009999-01");
        List<ExceptionItem> items = new ExceptionQueue(f.db.transactions()).items();
        assertThat(items).filteredOn(i -> i.category() == ExceptionCategory.UNMATCHED || i.category() == ExceptionCategory.AMBIGUOUS)
                .extracting(ExceptionItem::trace).containsOnly("PLAN0212");
        DailyReconciliation day = new DailyReconciliationService(f.db.transactions()).day(LocalDate.of(2026, 2, 10));
        assertThat(day.variances()).noneMatch(v -> v.category() == VarianceCategory.UNMATCHED_CASH);

        // the MFP refunds carry their own work instead
        assertThat(f.mfp.refunds(LocalDate.of(2026, 3, 1))).extracting(MfpRefund::rxFill, MfpRefund::workItem)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("7001234-02", null),
                        org.assertj.core.groups.Tuple.tuple("7001300-01", MfpWorkItem.SHORT),
                        org.assertj.core.groups.Tuple.tuple("7001400-00", MfpWorkItem.NOT_RECEIVED),
                        org.assertj.core.groups.Tuple.tuple("7001700-01", MfpWorkItem.REVERSED_CLAIM));
    }
}
