package org.rxledger.core.remit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rxledger.core.money.Money;

class X12RemittanceReaderTest {

    private final X12RemittanceReader reader = new X12RemittanceReader();

    private ReadResult read(String text, RemittanceHandler handler) {
        return reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "test.835", handler,
                () -> false);
    }

    private Remittance readAll(String text) throws RemittanceFormatException {
        return reader.readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "test.835");
    }

    @Test
    void readsTheSamplePharmacyRemittanceAndItBalances() throws Exception {
        Remittance r = readAll(Samples.text(Samples.SAMPLE_835));

        assertThat(r.transactions()).hasSize(1);
        Remittance.Transaction t = r.transactions().get(0);
        Payment p = t.payment();
        assertThat(p.amount()).isEqualTo(Money.parse("206.82"));
        assertThat(p.traceNumber()).isEqualTo("EFT0314A77");
        assertThat(p.financial().handlingCode()).isEqualTo("I");
        assertThat(p.financial().method()).isEqualTo("ACH");
        assertThat(p.financial().receiverDfiNumber()).isEqualTo("021000021");
        assertThat(p.financial().paymentDate()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(p.productionDate()).isEqualTo(LocalDate.of(2025, 3, 13));
        assertThat(p.payer().name()).isEqualTo("ACME RX SOLUTIONS");
        assertThat(p.payer().contacts()).extracting(Contact::functionCode).containsExactly("BL");
        assertThat(p.payeeNpi()).contains("1234567893");
        assertThat(p.payeeNcpdp()).contains("1234567");
        assertThat(p.payeeTaxId()).contains("123456789");
        assertThat(p.interchange().controlNumber()).isEqualTo("000004321");
        assertThat(p.group().controlNumber()).isEqualTo("4321");

        Money claims = Money.sum(t.claims().stream().map(ClaimPayment::paid).toList());
        Money plb = Money.sum(t.providerAdjustments().stream().map(ProviderAdjustment::amount).toList());
        assertThat(claims).isEqualTo(Money.parse("241.15"));
        assertThat(plb).isEqualTo(Money.parse("34.33"));
        assertThat(claims.minus(plb)).isEqualTo(p.amount());
    }

    @Test
    void readsBothClaimShapesWithServiceLinesAndClaimLevelOnly() throws Exception {
        List<ClaimPayment> claims = readAll(Samples.text(Samples.SAMPLE_835)).transactions().get(0).claims();

        ClaimPayment first = claims.get(0);
        assertThat(first.patientControlNumber()).isEqualTo("7001234-02");
        assertThat(first.serviceLines()).hasSize(1);
        ServiceLine line = first.serviceLines().get(0);
        assertThat(line.product()).isEqualTo(ProductId.ndc("12345067890"));
        assertThat(line.unitsPaid()).isEqualByComparingTo("30");
        assertThat(line.adjustments()).containsExactly(Adjustment.of("CO", "45", "16.40"), Adjustment.of("PR", "3", "10.00"));
        assertThat(first.serviceDate()).contains(LocalDate.of(2025, 3, 3));
        assertThat(first.ndc()).contains("12345067890");
        assertThat(first.rawSegments()).extracting(RawSegment::number).containsExactly(17, 18, 19, 20, 21, 22);
        assertThat(first.rawSegments().get(2).text()).isEqualTo("SVC*N4:12345067890*48.25*21.85**30");
        assertThat(claims.get(1).serviceLines().get(0).references()).containsExactly(new Reference("G1", "PA4455667"));

        ClaimPayment reversal = claims.get(2);
        assertThat(reversal.isReversal()).isTrue();
        assertThat(reversal.serviceLines()).isEmpty();
        assertThat(reversal.paid()).isEqualTo(Money.parse("-55.10"));
        assertThat(reversal.adjustments()).containsExactly(Adjustment.of("CO", "45", "-9.90"), Adjustment.of("PR", "3", "-5.00"));
        assertThat(reversal.serviceDate()).contains(LocalDate.of(2025, 2, 20));
        assertThat(reversal.memberId()).contains("ZQX00077777");
    }

    @Test
    void readsProviderAdjustmentsWithTheirSignsAndReferences() throws Exception {
        List<ProviderAdjustment> plb = readAll(Samples.text(Samples.SAMPLE_835)).transactions().get(0)
                .providerAdjustments();

        assertThat(plb).extracting(ProviderAdjustment::reasonCode, ProviderAdjustment::reference, a -> a.amount().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("WO", "6901122-00", "35.00"),
                        org.assertj.core.groups.Tuple.tuple("L6", null, "-1.27"),
                        org.assertj.core.groups.Tuple.tuple("CS", "TRANSACTION FEE", "0.60"));
        assertThat(plb).allMatch(a -> a.providerId().equals("1234567893")
                && a.fiscalPeriodDate().equals(LocalDate.of(2025, 12, 31)));
    }

    @Test
    void positiveProviderAdjustmentReducesThePaymentAndNegativeIncreasesIt() throws Exception {
        ClaimPayment claim = RemitTestData.lineClaim("7001234-01", "50.00", "40.00", "5.00");
        Remittance r = new Remittance(List.of(RemitTestData.transaction("1", "1", "0001", "T1", List.of(claim),
                List.of(RemitTestData.plb("WO", "6900001-00", "15.00"), RemitTestData.plb("L6", null, "-2.50")))));

        Remittance back = readAll(RemitTestData.write(r));

        // BPR02 = 40.00 − (15.00 − 2.50) = 27.50 (DOMAIN.md §2.5 sign convention)
        assertThat(back.transactions().get(0).payment().amount()).isEqualTo(Money.parse("27.50"));
        String flipped = RemitTestData.write(r).replace("WO:6900001-00*15.00", "WO:6900001-00*-15.00");
        assertThat(read(flipped, new RemittanceHandler() { }).problems())
                .anySatisfy(p -> assertThat(p.describe()).contains("BPR02 says 27.50 but claims minus provider "
                        + "adjustments come to 57.50"));
    }

    @Test
    void acceptsAZeroPaymentWhereTakeBacksUseForwardBalance() throws Exception {
        ClaimPayment reversal = RemitTestData.claimLevelClaim("6998877-01", "22", "-70.00", "-55.10", "-5.00");
        Remittance r = new Remittance(List.of(RemitTestData.transaction("1", "1", "0001", "T0", List.of(reversal),
                List.of(RemitTestData.plb("FB", "CARRY", "-55.10")))));

        Remittance back = readAll(RemitTestData.write(r));

        Payment p = back.transactions().get(0).payment();
        assertThat(p.amount()).isEqualTo(Money.ZERO);
        assertThat(p.financial().handlingCode()).isEqualTo("H");
        assertThat(p.financial().method()).isEqualTo("NON");
    }

    @Test
    void refusesReversalWithPositiveAmounts() {
        String text = Samples.text(Samples.SAMPLE_835)
                .replace("CLP*6998877-01*22*-70.00*-55.10*-5.00", "CLP*6998877-01*22*70.00*55.10*5.00")
                .replace("CAS*CO*45*-9.90", "CAS*CO*45*9.90").replace("CAS*PR*3*-5.00", "CAS*PR*3*5.00")
                .replace("BPR*I*206.82", "BPR*I*317.02");

        ReadResult result = read(text, new RemittanceHandler() { });

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.segmentNumber()).isEqualTo(30);
            assertThat(p.describe()).contains("claim 6998877-01: a reversal (CLP02 22) must carry negated amounts");
        });
    }

    @Test
    void readsSeveralTransactionSetsPerGroupAndSeveralGroupsPerInterchange() throws Exception {
        List<Remittance.Transaction> txs = List.of(
                RemitTestData.transaction("000000001", "1", "0001", "T1",
                        List.of(RemitTestData.lineClaim("7000001-00", "20.00", "15.00", "1.00")), List.of()),
                RemitTestData.transaction("000000001", "1", "0002", "T2",
                        List.of(RemitTestData.lineClaim("7000002-00", "30.00", "25.00", "2.00")), List.of()),
                RemitTestData.transaction("000000001", "2", "0003", "T3",
                        List.of(RemitTestData.claimLevelClaim("7000003-00", "1", "10.00", "8.00", "2.00")), List.of()),
                RemitTestData.transaction("000000002", "3", "0001", "T4",
                        List.of(RemitTestData.lineClaim("7000004-00", "40.00", "30.00", "0.00")), List.of()));
        String text = RemitTestData.write(new Remittance(txs));
        assertThat(text.split("\n")).filteredOn(s -> s.startsWith("GS*")).hasSize(3);
        assertThat(text.split("\n")).filteredOn(s -> s.startsWith("ISA*")).hasSize(2);

        Remittance back = readAll(text);

        assertThat(back.transactions()).extracting(t -> t.payment().traceNumber()).containsExactly("T1", "T2", "T3", "T4");
        assertThat(back.transactions()).extracting(t -> t.payment().group().controlNumber())
                .containsExactly("1", "1", "2", "3");
        assertThat(back.withoutRawSegments()).isEqualTo(new Remittance(txs));
    }

    static Stream<Arguments> delimiterSets() {
        return Stream.of(
                Arguments.of("star colon caret tilde, one segment per line", new X12Delimiters('*', ':', '^', '~', "\n")),
                Arguments.of("all on one line", new X12Delimiters('*', ':', '^', '~', "")),
                Arguments.of("pipe bang caret tilde", new X12Delimiters('|', '!', '^', '~', "\n")),
                Arguments.of("pipe greater-than backtick newline-free", new X12Delimiters('|', '>', '`', '~', "")),
                Arguments.of("CRLF after segments", new X12Delimiters('*', '>', '{', '}', "\r\n")),
                Arguments.of("pipe caret bang tilde", new X12Delimiters('|', '^', '!', '~', "\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("delimiterSets")
    void readsTheSampleWithAnyDelimitersTheIsaDeclares(String name, X12Delimiters delimiters) throws Exception {
        Remittance sample = readAll(Samples.text(Samples.SAMPLE_835)).withoutRawSegments();

        Remittance back = readAll(RemitTestData.write(sample, delimiters)).withoutRawSegments();

        assertThat(back).isEqualTo(sample);
    }

    @Test
    void readsSegmentsTerminatedByLineBreaks() throws Exception {
        String text = Samples.text(Samples.SAMPLE_835).replace("~\n", "\n");

        Remittance r = readAll(text);

        assertThat(r.transactions().get(0).claims()).hasSize(4);
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                broken("payment does not balance", "BPR*I*206.82", "BPR*I*207.82",
                        "segment 4 (BPR), BPR02: Payment 1 (trace EFT0314A77): BPR02 says 207.82 but claims minus "
                                + "provider adjustments come to 206.82"),
                broken("claim does not balance", "CLP*7001234-02*1*48.25", "CLP*7001234-02*1*49.25",
                        "segment 17 (CLP), CLP04: Payment 1 (trace EFT0314A77), claim 7001234-02: CLP03 49.25 minus "
                                + "claim and line adjustments 26.40 comes to 22.85 but CLP04 says 21.85"),
                broken("service line does not balance", "SVC*N4:12345067890*48.25*21.85", "SVC*N4:12345067890*48.25*22.85",
                        "segment 19 (SVC), SVC03: Payment 1 (trace EFT0314A77), claim 7001234-02, service line 1: "
                                + "SVC02 48.25 minus line adjustments 26.40 comes to 21.85 but SVC03 says 22.85"),
                broken("patient responsibility differs from PR adjustments", "*21.85*10.00*", "*21.85*11.00*",
                        "CLP05: Payment 1 (trace EFT0314A77), claim 7001234-02: CLP05 patient responsibility says "
                                + "11.00 but the PR adjustments add up to 10.00"),
                broken("SE01 segment count wrong", "SE*41*0001", "SE*40*0001",
                        "segment 43 (SE), SE01: SE01 says the transaction set has 40 segments but ST 0001 through SE has 41"),
                broken("SE02 differs from ST02", "SE*41*0001", "SE*41*0002",
                        "SE02: SE02 control number '0002' does not match ST02 '0001'"),
                broken("GE01 count wrong", "GE*1*4321", "GE*2*4321",
                        "GE01: GE01 says the group holds 2 transaction sets but it holds 1"),
                broken("GE02 differs from GS06", "GE*1*4321", "GE*1*4322",
                        "GE02: GE02 control number '4322' does not match GS06 '4321'"),
                broken("IEA01 count wrong", "IEA*1*000004321", "IEA*3*000004321",
                        "IEA01: IEA01 says the interchange holds 3 functional groups but it holds 1"),
                broken("IEA02 differs from ISA13", "IEA*1*000004321", "IEA*1*000004329",
                        "IEA02: IEA02 control number '000004329' does not match ISA13 '000004321'"),
                broken("an 837 claim file", "ST*835*0001", "ST*837*0001",
                        "this is an 837 health care claim, not an 835 remittance"),
                broken("an 837 functional group", "GS*HP*", "GS*HC*",
                        "this is an 837 health care claim (GS01 HC), not an 835 remittance"),
                broken("a 999 acknowledgment", "ST*835*0001", "ST*999*0001",
                        "this is a 999 implementation acknowledgment, not an 835 remittance"),
                broken("a 4010 group", "005010X221A1", "004010X091A1",
                        "this is a 4010 remittance (GS08 004010X091A1); 4010 is not supported"),
                broken("a 4010 interchange", "*00501*", "*00401*",
                        "this is a 4010 interchange (ISA12 00401); 4010 is not supported"),
                broken("the 4010 CR group code", "CAS*CO*45*16.40", "CAS*CR*45*16.40",
                        "group code CR exists only in 4010 (004010X091A1) remittances; 4010 is not supported"),
                broken("an ISA that is not fixed length", "ISA*00*          *", "ISA*00*    *",
                        "segment 1 (ISA), ISA02: the ISA is fixed-length (106 characters): ISA02 must be 10 characters but is 4"),
                broken("an impossible payment date", "*20250314~\nTRN", "*20251314~\nTRN",
                        "BPR16: '20251314' is not a valid date (CCYYMMDD)"),
                broken("a negative payment", "BPR*I*206.82", "BPR*I*-206.82", "BPR02: the payment amount may not be negative"),
                broken("an amount with sub-cent digits", "CAS*CO*45*16.40", "CAS*CO*45*16.405",
                        "CAS03: amount 16.405 has fractions of a cent"),
                broken("a claim without patient", "NM1*QC*1*TESTPATIENT*ALPHA****MI*ZQX00012345", "REF*EA*X",
                        "claim 7001234-02: the patient name (NM1*QC) is missing"),
                broken("the wrong component separator", "SVC*N4:12345067890", "SVC*N4>12345067890",
                        "SVC01: Payment 1 (trace EFT0314A77), claim 7001234-02: product/service id 'N4>12345067890' is not "
                                + "a qualifier and code separated by ':'"),
                broken("a provider adjustment with the wrong component separator", "WO:6901122-00", "WO>6901122-00",
                        "PLB03: Payment 1 (trace EFT0314A77): provider adjustment reason 'WO>6901122-00' is not a "
                                + "2-character code"),
                broken("an adjustment amount without reason", "CAS*CO*45*16.40", "CAS*CO**16.40",
                        "CAS02: Payment 1 (trace EFT0314A77), claim 7001234-02: an adjustment amount has no reason code"),
                broken("a segment that is not part of an 835", "REF*G1*PA4455667", "CLM*G1*PA4455667",
                        "segment 29 (CLM): segment CLM is not part of an 835 claim"),
                truncated("a truncated file without trailers", "SE*41*0001",
                        "the file ends inside transaction set 0001 (no SE trailer): it is incomplete"),
                truncated("a file without its IEA", "IEA*1*000004321",
                        "the file ends inside interchange 000004321 (no IEA trailer): it is incomplete"),
                truncated("a file cut inside a segment", ".00*4.00*12*A25071000004*01*1~",
                        "segment 36 (CLP): the file ends in the middle of segment 36"),
                broken("not an X12 file at all", Samples.text(Samples.SAMPLE_835), "Rx,fill,date\n7001234,2,2025-03-03\n",
                        "this is not an X12 file: it must start with an ISA interchange header"),
                broken("an empty file", Samples.text(Samples.SAMPLE_835), "", "the file is empty"));
    }

    private static Arguments broken(String name, String find, String replace, String expected) {
        String sample = Samples.text(Samples.SAMPLE_835);
        assertThat(sample).as("sample contains " + find).contains(find);
        return Arguments.of(name, sample.replace(find, replace), expected);
    }

    private static Arguments truncated(String name, String cutBefore, String expected) {
        String sample = Samples.text(Samples.SAMPLE_835);
        assertThat(sample).as("sample contains " + cutBefore).contains(cutBefore);
        return Arguments.of(name, sample.substring(0, sample.indexOf(cutBefore)), expected);
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("brokenFiles")
    void refusesFileThatBreaksOneRuleWithAMessageNamingSegmentAndRule(String name, String text, String expected) {
        ReadResult result = read(text, new RemittanceHandler() { });

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(RemittanceProblem::describe)
                .anySatisfy(m -> assertThat(m).startsWith("test.835").contains(expected));
    }

    /** Issue 23: element rules checked before anything is stored, each naming segment, element, expected and found. */
    static Stream<Arguments> strictElements() {
        String rlo = "\u00e2\u0080\u00ae"; // U+202E RIGHT-TO-LEFT OVERRIDE as UTF-8 bytes, read as ISO-8859-1
        return Stream.of(
                broken("a 7th CAS triplet", "CAS*CO*45*16.40", "CAS*CO*45*16.40" + "*".repeat(17) + "96*5.00",
                        "segment 21 (CAS), CAS20: a CAS segment holds at most 6 adjustments (reason, amount, quantity "
                                + "in CAS02–CAS19); CAS20 starts a 7th"),
                broken("a 7th PLB pair", "CS:TRANSACTION FEE*0.60", "CS:TRANSACTION FEE*0.60" + "*".repeat(7) + "CS:X*1.00",
                        "PLB15: a PLB segment holds at most 6 adjustments (reason and amount in PLB03–PLB14); PLB15 "
                                + "starts a 7th"),
                broken("a third component in a PLB reason", "WO:6901122-00*35.00", "WO:6901122-00:LOST*35.00",
                        "PLB03: PLB03 has 3 components separated by ':'; 005010X221A1 allows at most 2"),
                broken("a product id with too many components", "SVC*N4:12345067890*",
                        "SVC*N4:12345067890" + ":AA".repeat(100) + "*",
                        "segment 19 (SVC), SVC01: SVC01 has 102 components separated by ':'; 005010X221A1 allows at most 7"),
                broken("a corrupted service-line date qualifier", "DTM*472*20250303", "DTM*2X2*20250303",
                        "segment 20 (DTM), DTM01: Payment 1 (trace EFT0314A77), claim 7001234-02: DTM01 date qualifier "
                                + "'2X2' is not used in a service line (loop 2110); 005010X221A1 allows 150, 151, 472 there"),
                broken("a service date qualifier at claim level", "DTM*232*20250220", "DTM*472*20250220",
                        "DTM01: Payment 1 (trace EFT0314A77), claim 6998877-01: DTM01 date qualifier '472' is not used "
                                + "in a claim (loop 2100); 005010X221A1 allows 036, 050, 232, 233 there"),
                broken("binary bytes in a date qualifier", "DTM*232*20250220", "DTM*\u0001\u00ff2*20250220",
                        "DTM01: DTM01 holds a control character (0x01) at position 1"),
                broken("a header date qualifier other than 405", "DTM*405*20250313", "DTM*009*20250313",
                        "segment 6 (DTM), DTM01: Payment 1 (trace EFT0314A77): DTM01 date qualifier '009' is not used in "
                                + "the 835 header; 005010X221A1 allows 405 there"),
                broken("a 4010 claim filing indicator", "*21.85*10.00*12*", "*21.85*10.00*CI*",
                        "segment 17 (CLP), CLP06: Payment 1 (trace EFT0314A77), claim 7001234-02: claim filing "
                                + "indicator 'CI' is not a 005010X221A1 CLP06 code (12, 13, 14, 15, 16, 17, AM, CH, DS, "
                                + "HM, LM, MA, MB, MC, OF, TV, VA, WC, ZZ)"),
                broken("an unknown claim frequency", "A25071000001*01*1~", "A25071000001*01*W~",
                        "segment 17 (CLP), CLP09: Payment 1 (trace EFT0314A77), claim 7001234-02: claim frequency 'W' "
                                + "is not a CLP09 code"),
                broken("a claim status with a trailing space", "CLP*7001234-02*1*", "CLP*7001234-02*1 *",
                        "CLP02: Payment 1 (trace EFT0314A77), claim 7001234-02: claim status '1 ' is not a 5010 CLP02 code"),
                broken("a control byte in the payer claim number", "A25071000001", "A2507\u0007000001",
                        "segment 17 (CLP), CLP07: CLP07 holds a control character (0x07) at position 6: X12 data never "
                                + "contains control characters"),
                broken("a NUL byte in the member id", "MI*ZQX00012345", "MI*ZQX000\u000012345",
                        "segment 18 (NM1), NM109: NM109 holds a control character (NUL) at position 7"),
                broken("a right-to-left override in CLP01", "CLP*7001234-02", "CLP*7001" + rlo + "234-02",
                        "segment 17 (CLP), CLP01: CLP01 holds a bidirectional text control character (such as a "
                                + "right-to-left override) at position 5"),
                broken("a right-to-left override in a patient name", "TESTPATIENT*ALPHA", "TEST" + rlo + "PATIENT*ALPHA",
                        "segment 18 (NM1), NM103: NM103 holds a bidirectional text control character"),
                broken("a payment date of 9999-12-31", "*20250314~\nTRN", "*99991231~\nTRN",
                        "segment 4 (BPR), BPR16: BPR16 payment date 9999-12-31 is more than 1 year after the file was made "
                                + "(2025-03-14): not a real check or EFT date"),
                broken("a payment date a century before the file", "*20250314~\nTRN", "*19250314~\nTRN",
                        "BPR16: BPR16 payment date 1925-03-14 is more than 20 years before the file was made"),
                broken("a 300-character patient name", "TESTPATIENT*ALPHA", "X".repeat(300) + "*ALPHA",
                        "segment 18 (NM1), NM103: NM103 is 300 characters long; 005010X221A1 allows at most 60"),
                broken("a 100-character member id", "MI*ZQX00012345", "MI*" + "Z".repeat(100),
                        "segment 18 (NM1), NM109: NM109 is 100 characters long; 005010X221A1 allows at most 80"),
                broken("a 17-digit amount", "CAS*CO*45*16.40", "CAS*CO*45*12345678901234567",
                        "segment 21 (CAS), CAS03: amount '12345678901234567' is too large: at most 13 digits before the "
                                + "decimal point"),
                broken("a 19-digit amount", "CAS*CO*45*16.40", "CAS*CO*45*0000000000000000016.40",
                        "CAS03: amount '0000000000000000016.40' has 21 digits; X12 allows at most 18"),
                broken("a quantity with four decimals", "SVC*N4:12345067890*48.25*21.85**30", 
                        "SVC*N4:12345067890*48.25*21.85**30.1234",
                        "segment 19 (SVC), SVC05: quantity '30.1234' has more than 3 decimal places"),
                broken("an element of a megabyte", "REF*G1*PA4455667", "REF*G1*" + "P".repeat(1_000_000),
                        "segment 29 (REF): segment REF holds an element longer than 4096 characters; no 835 element "
                                + "is longer than 256 (the file is damaged or not an 835)"),
                broken("a segment of many short elements", "REF*G1*PA4455667",
                        "REF*G1*PA4455667" + "*ABCDEFGHIJ".repeat(500),
                        "segment 29 (REF): segment REF is 5516 characters long; no 835 segment is longer than 4096"),
                broken("a claim whose segments exceed what is kept of it",
                        "CLP*6998877-01*22*-70.00*-55.10*-5.00*12*A25050200417*01*8~\n",
                        "CLP*6998877-01*22*-70.00*-55.10*-5.00*12*A25050200417*01*8~\n"
                                + ("MIA*0***" + "9".repeat(4000) + "~\n").repeat(260),
                        "Payment 1 (trace EFT0314A77), claim 6998877-01: the claim's segments come to more than 1000000 "
                                + "characters, more than RxLedger keeps for one claim"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("strictElements")
    void refusesElementsThatBreakTheTr3OrWouldNotFitTheirColumn(String name, String text, String expected) {
        ReadResult result = read(text, new RemittanceHandler() { });

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(RemittanceProblem::describe)
                .anySatisfy(m -> assertThat(m).startsWith("test.835").contains(expected));
    }

    @Test
    void elementProblemsNeverQuoteTheOverlongValueOrItsControlCharacters() {
        String text = Samples.text(Samples.SAMPLE_835).replace("TESTPATIENT*ALPHA", "SECRETNAME".repeat(30) + "*ALPHA")
                .replace("CLP*7001234-02", "CLP*7001\u00e2\u0080\u00ae234-02");

        List<String> problems = read(text, new RemittanceHandler() { }).problems().stream()
                .map(RemittanceProblem::describe).toList();

        assertThat(problems).isNotEmpty().noneSatisfy(m -> assertThat(m).contains("SECRETNAME"))
                .noneSatisfy(m -> assertThat(m).contains("\u0080"));
    }

    @Test
    void refusesAFileThatCarriesTheSamePaymentTwice() {
        ClaimPayment claim = RemitTestData.lineClaim("7005001-00", "20.00", "15.00", "1.00");
        String text = RemitTestData.write(new Remittance(List.of(
                RemitTestData.transaction("000000051", "51", "0001", "EFT-A", List.of(claim), List.of()),
                RemitTestData.transaction("000000051", "51", "0002", "eft-a", List.of(claim), List.of()))));

        ReadResult result = read(text, new RemittanceHandler() { });

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.segmentId()).isEqualTo("TRN");
            assertThat(p.element()).isEqualTo("TRN02");
            assertThat(p.describe()).contains("Payment 2 (trace eft-a), ST02 0002: the same payment as payment 1 of "
                    + "this file (ST02 0001 at segment 3): same payer, trace and amount 15.00. One EFT or check cannot "
                    + "be in a file twice");
        });
    }

    @Test
    void readsTwoPaymentsThatShareATraceButNotTheAmount() throws Exception {
        String text = RemitTestData.write(new Remittance(List.of(
                RemitTestData.transaction("000000051", "51", "0001", "EFT-A",
                        List.of(RemitTestData.lineClaim("7005001-00", "20.00", "15.00", "1.00")), List.of()),
                RemitTestData.transaction("000000051", "51", "0002", "EFT-A",
                        List.of(RemitTestData.lineClaim("7005002-00", "30.00", "25.00", "2.00")), List.of()))));

        assertThat(readAll(text).transactions()).hasSize(2);
    }

    @Test
    void readAllThrowsAFormatExceptionListingTheProblems() {
        String text = Samples.text(Samples.SAMPLE_835).replace("BPR*I*206.82", "BPR*I*525.85");

        assertThatThrownBy(() -> readAll(text))
                .isInstanceOf(RemittanceFormatException.class)
                .hasMessageContaining("Payment 1 (trace EFT0314A77): BPR02 says 525.85 but claims minus provider "
                        + "adjustments come to 206.82")
                .satisfies(e -> assertThat(((RemittanceFormatException) e).problems()).hasSize(1));
    }

    @ParameterizedTest
    @MethodSource("publicFiles")
    void publicFilesEitherReadCleanlyOrAreRefusedWithARuleAndSegment(String name) {
        ReadResult result = reader.read(new ByteArrayInputStream(Samples.bytes(name)), name, new RemittanceHandler() { },
                () -> false);

        if (name.equals("medicare-part-a.835")) {
            assertThat(result.ok()).as(result.problems().toString()).isTrue();
            assertThat(result.claims()).isEqualTo(2);
        } else {
            assertThat(result.problems()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.segmentNumber()).isPositive())
                    .allSatisfy(p -> assertThat(p.element()).isNotEmpty());
        }
    }

    static Stream<String> publicFiles() {
        return Samples.PUBLIC_835.stream();
    }

    @Test
    void publicFilesAreRefusedForTheReasonsTheirAuthorsLeftIn() {
        assertThat(problems("cob-contractural-adjustment.835")).anySatisfy(m -> assertThat(m)
                .contains("segment 21 (SVC), SVC01").contains("'HC>55669' is not a qualifier and code separated by ':'"));
        assertThat(problems("tertiary-payment.835")).anySatisfy(m -> assertThat(m)
                .contains("segment 20 (SVC), SVC03").contains("SVC02 24599.00 minus line adjustments 1579.00 comes to "
                        + "23020.00 but SVC03 says 1766.50"));
        assertThat(problems("managed-care.835")).anySatisfy(m -> assertThat(m)
                .contains("segment 4 (BPR), BPR16: '20002316' is not a valid date"));
        assertThat(problems("secondary-payment.835")).anySatisfy(m -> assertThat(m)
                .contains("BPR16: the payment date (BPR16, check issue or EFT effective date) is missing"));
    }

    private List<String> problems(String name) {
        return reader.read(new ByteArrayInputStream(Samples.bytes(name)), name, new RemittanceHandler() { }, () -> false)
                .problems().stream().map(RemittanceProblem::describe).toList();
    }

    @Test
    void truncatedOrCorruptedFilesNeverThrowAndAreRefused() {
        byte[] valid = Samples.bytes(Samples.SAMPLE_835);
        Random random = new Random(835);
        List<String> escaped = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            byte[] damaged = damage(valid, random, i);
            try {
                ReadResult result = reader.read(new ByteArrayInputStream(damaged), "fuzz.835", new RemittanceHandler() { },
                        () -> false);
                if (result.ok() && !java.util.Arrays.equals(damaged, valid)) {
                    // a change may be harmless (e.g. a letter inside a name); it must still balance
                    assertThat(result.payments()).isEqualTo(1);
                }
            } catch (RuntimeException e) {
                escaped.add(i + ": " + e);
            }
        }
        assertThat(escaped).isEmpty();
    }

    /** Truncates, flips a byte, deletes or duplicates a span: the damage the fuzz test applies. */
    static byte[] damage(byte[] valid, Random random, int round) {
        int at = random.nextInt(valid.length);
        return switch (round % 4) {
            case 0 -> java.util.Arrays.copyOf(valid, at);
            case 1 -> {
                byte[] copy = valid.clone();
                copy[at] = (byte) "*:~^0123456789A-.\n\u0000\u00ff".charAt(random.nextInt(20));
                yield copy;
            }
            case 2 -> {
                int len = Math.min(valid.length - at, 1 + random.nextInt(40));
                byte[] copy = new byte[valid.length - len];
                System.arraycopy(valid, 0, copy, 0, at);
                System.arraycopy(valid, at + len, copy, at, valid.length - at - len);
                yield copy;
            }
            default -> {
                int len = Math.min(valid.length - at, 1 + random.nextInt(40));
                byte[] copy = new byte[valid.length + len];
                System.arraycopy(valid, 0, copy, 0, at + len);
                System.arraycopy(valid, at, copy, at + len, valid.length - at);
                yield copy;
            }
        };
    }

    @Test
    void letsTheHandlersOwnFailurePropagateInsteadOfBlamingTheFile() {
        RemittanceHandler failing = new RemittanceHandler() {
            @Override
            public void claim(ClaimPayment claim) {
                throw new IllegalStateException("disk full");
            }
        };

        assertThatThrownBy(() -> read(Samples.text(Samples.SAMPLE_835), failing))
                .isInstanceOf(IllegalStateException.class).hasMessage("disk full");
    }

    @Test
    void stopsWhenCancelled() {
        ReadResult result = reader.read(new ByteArrayInputStream(Samples.bytes(Samples.SAMPLE_835)), "x.835",
                new RemittanceHandler() { }, () -> true);

        assertThat(result.cancelled()).isTrue();
        assertThat(result.ok()).isFalse();
    }
}
