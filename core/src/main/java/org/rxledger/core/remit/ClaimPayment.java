package org.rxledger.core.remit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rxledger.core.money.Money;

/**
 * Loop 2100 claim payment (CLP and everything up to the next CLP, LX, PLB or SE), with its service
 * lines and its raw segments. Empty optional elements are null.
 *
 * @param headerNumber LX01 of the enclosing loop 2000
 * @param patientControlNumber CLP01 (pharmacy: Rx number, often with fill number — DOMAIN.md §2.3)
 * @param status CLP02 (1/2/3 processed as primary/secondary/tertiary, 4 denied, 22 reversal, …)
 * @param charge CLP03
 * @param paid CLP04 (negative on reversals)
 * @param patientResponsibility CLP05, null when absent (treated as zero by the balancing rules)
 * @param filingIndicator CLP06
 * @param payerClaimControlNumber CLP07 (often the NCPDP authorization number)
 * @param facilityTypeCode CLP08 (01 pharmacy)
 * @param frequencyCode CLP09 (1 original, 7 replacement, 8 void)
 * @param rawSegments the claim's segments as sent, CLP first; empty for claims built in code
 */
public record ClaimPayment(String headerNumber, String patientControlNumber, String status, Money charge, Money paid,
                           Money patientResponsibility, String filingIndicator, String payerClaimControlNumber,
                           String facilityTypeCode, String frequencyCode, List<Adjustment> adjustments,
                           List<ClaimName> names, List<Reference> references, List<DateField> dates,
                           List<AmountField> amounts, List<QuantityField> quantities, List<ServiceLine> serviceLines,
                           List<RawSegment> rawSegments) {

    /** CLP02 22: reversal of a previous payment (DOMAIN.md §2.7). */
    public static final String REVERSAL = "22";

    public ClaimPayment {
        Objects.requireNonNull(headerNumber, "headerNumber");
        Objects.requireNonNull(patientControlNumber, "patientControlNumber");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(paid, "paid");
        adjustments = List.copyOf(adjustments);
        names = List.copyOf(names);
        references = List.copyOf(references);
        dates = List.copyOf(dates);
        amounts = List.copyOf(amounts);
        quantities = List.copyOf(quantities);
        serviceLines = List.copyOf(serviceLines);
        rawSegments = List.copyOf(rawSegments);
    }

    /** The same claim without raw segments (e.g. to compare what was read with what was built). */
    public ClaimPayment withoutRawSegments() {
        return new ClaimPayment(headerNumber, patientControlNumber, status, charge, paid, patientResponsibility,
                filingIndicator, payerClaimControlNumber, facilityTypeCode, frequencyCode, adjustments, names,
                references, dates, amounts, quantities, serviceLines, List.of());
    }

    public boolean isReversal() {
        return REVERSAL.equals(status);
    }

    public Optional<ClaimName> name(String entityCode) {
        return names.stream().filter(n -> n.entityCode().equals(entityCode)).findFirst();
    }

    /** NM1*QC: the patient (PHI). */
    public Optional<ClaimName> patient() {
        return name("QC");
    }

    /** Member id: NM109 of the insured (IL) if sent, else of the patient (QC). PHI. */
    public Optional<String> memberId() {
        return name("IL").map(ClaimName::id).or(() -> patient().map(ClaimName::id));
    }

    public Optional<String> reference(String qualifier) {
        return references.stream().filter(r -> r.qualifier().equals(qualifier)).map(Reference::value).findFirst();
    }

    public Optional<LocalDate> date(String qualifier) {
        return dates.stream().filter(d -> d.qualifier().equals(qualifier)).map(DateField::date).findFirst();
    }

    /** Fill date: DTM*232 statement-from at claim level, else the first line's DTM*472 (DOMAIN.md §2.3). */
    public Optional<LocalDate> serviceDate() {
        return date("232").or(() -> serviceLines.stream().flatMap(l -> l.serviceDate().stream()).findFirst());
    }

    /** NDC of the first N4 service line, if any. */
    public Optional<String> ndc() {
        return serviceLines.stream().filter(l -> l.product().isNdc()).map(l -> l.product().code()).findFirst();
    }

    /** Σ claim-level CAS plus Σ line-level CAS. */
    public Money adjustmentTotal() {
        Money total = Money.sum(adjustments.stream().map(Adjustment::amount).toList());
        for (ServiceLine line : serviceLines) {
            total = total.plus(line.adjustmentTotal());
        }
        return total;
    }

    /** Σ PR-group adjustments at claim and line level. */
    public Money patientResponsibilityAdjustments() {
        Money total = Money.sum(adjustments.stream().filter(Adjustment::isPatientResponsibility)
                .map(Adjustment::amount).toList());
        for (ServiceLine line : serviceLines) {
            total = total.plus(Money.sum(line.adjustments().stream().filter(Adjustment::isPatientResponsibility)
                    .map(Adjustment::amount).toList()));
        }
        return total;
    }
}
