package org.rxledger.core.remit;

import static org.assertj.core.api.Assertions.assertThat;


import java.util.List;
import org.junit.jupiter.api.Test;
import org.rxledger.core.money.Money;

/**
 * The model builder (header, claims, PLB) fed segments built in the test: what it delivers, and where it
 * puts a problem of the model.
 */
class PaymentBuilderTest {

    private static final String HEADER = "ISA*00*          *00*          *ZZ*ACMERXPBM      *ZZ*MAPLESTRX      "
            + "*250314*0905*^*00501*000004321*0*P*:~GS*HP*ACMERXPBM*MAPLESTRX*20250314*0905*4321*X*005010X221A1~"
            + "ST*835*0001~BPR*I*%s*C*ACH*CCP*01*011000015*DA*0012345678*1999999999**01*021000021*DA*9876543210"
            + "*20250314~TRN*1*EFT0314A77*1999999999~N1*PR*ACME RX SOLUTIONS~N1*PE*MAPLE STREET PHARMACY*XX"
            + "*1234567893~";
    private static final String CLAIM = "LX*1~CLP*7001234-02*1*48.25*21.85*10.00*12*A25071000001*01*1~"
            + "NM1*QC*1*TESTPATIENT*ALPHA****MI*ZQX00012345~SVC*N4:12345067890*48.25*%s**30~DTM*472*20250303~"
            + "CAS*CO*45*16.40~CAS*PR*3*10.00~";

    private final X12RemittanceReader.Collector collected = new X12RemittanceReader.Collector();
    private final ReadContext context = new ReadContext("t.835", collected);

    private List<RemittanceProblem> build(String bpr02, String svc03, String plb) {
        String text = HEADER.formatted(bpr02) + CLAIM.formatted(svc03) + plb;
        int count = X12Segments.parse(text).size() - 2; // ST through SE, without ISA and GS
        EnvelopeChecks envelope = new EnvelopeChecks(context);
        X12Segments.parse(text + "SE*" + (count + 1) + "*0001~GE*1*4321~IEA*1*000004321~")
                .forEach(envelope::segment);
        return context.problems;
    }

    @Test
    void aBalancedPaymentIsDeliveredPieceByPiece() {
        List<RemittanceProblem> problems = build("11.85", "21.85", "PLB*1234567893*20251231*WO:6901122-00*10.00~");

        assertThat(problems).isEmpty();
        Remittance.Transaction transaction = collected.transactions.get(0);
        assertThat(collected.transactions).hasSize(1);
        assertThat(transaction.payment()).satisfies(p -> {
            assertThat(p.amount()).isEqualTo(Money.parse("11.85"));
            assertThat(p.trace().number()).isEqualTo("EFT0314A77");
            assertThat(p.payer().name()).isEqualTo("ACME RX SOLUTIONS");
        });
        assertThat(transaction.claims()).singleElement().satisfies(c -> {
            assertThat(c.patientControlNumber()).isEqualTo("7001234-02");
            assertThat(c.ndc()).contains("12345067890");
            assertThat(c.adjustmentTotal()).isEqualTo(Money.parse("26.40"));
            assertThat(c.rawSegments()).extracting(RawSegment::text).startsWith(
                    "CLP*7001234-02*1*48.25*21.85*10.00*12*A25071000001*01*1");
        });
        assertThat(transaction.providerAdjustments()).singleElement().extracting(ProviderAdjustment::reference)
                .isEqualTo("6901122-00");
    }

    @Test
    void aLineThatDoesNotBalanceIsNamedOnItsSvcAndTheClaimIsHeldBack() {
        List<RemittanceProblem> problems = build("21.85", "20.00", "");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.segmentId()).isEqualTo("SVC");
            assertThat(p.segmentNumber()).isEqualTo(11);
            assertThat(p.element()).isEqualTo("SVC03");
            assertThat(p.message()).isEqualTo("Payment 1 (trace EFT0314A77), claim 7001234-02, service line 1: "
                    + "SVC02 48.25 minus line adjustments 26.40 comes to 21.85 but SVC03 says 20.00");
        });
        assertThat(collected.transactions).singleElement().satisfies(t -> assertThat(t.claims()).isEmpty());
    }

    @Test
    void aPaymentThatDoesNotAddUpIsNamedOnBpr02() {
        List<RemittanceProblem> problems = build("30.00", "21.85", "");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.segmentId()).isEqualTo("BPR");
            assertThat(p.element()).isEqualTo("BPR02");
            assertThat(p.message()).isEqualTo("Payment 1 (trace EFT0314A77): BPR02 says 30.00 but claims minus "
                    + "provider adjustments come to 21.85 (claims 21.85, provider adjustments 0.00)");
        });
    }
}
