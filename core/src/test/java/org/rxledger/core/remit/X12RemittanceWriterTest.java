package org.rxledger.core.remit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class X12RemittanceWriterTest {

    private final X12RemittanceReader reader = new X12RemittanceReader();

    private Remittance read(String text) throws RemittanceFormatException {
        return reader.readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "w.835");
    }

    @Test
    void writesTheSampleBackByteForByteExceptTheRequiredSt03() throws Exception {
        String sample = Samples.text(Samples.SAMPLE_835);

        String written = RemitTestData.write(read(sample));

        // ST03 (implementation convention reference) is required by 005010X221A1; the sample omits it
        assertThat(written).isEqualTo(sample.replace("ST*835*0001~", "ST*835*0001*005010X221A1~"));
    }

    @Test
    void roundTripsAModelBuiltInCode() throws Exception {
        Remittance built = new Remittance(List.of(RemitTestData.transaction("000000007", "7", "0001", "EFT77",
                List.of(RemitTestData.lineClaim("7001234-02", "48.25", "21.85", "10.00"),
                        RemitTestData.claimLevelClaim("6998877-01", "22", "-70.00", "-55.10", "-5.00"),
                        RemitTestData.claimLevelClaim("6998877-02", "1", "70.00", "60.10", "5.00")),
                List.of(RemitTestData.plb("WO", "6901122-00", "20.00"), RemitTestData.plb("L6", null, "-1.27")))));

        Remittance back = read(RemitTestData.write(built));

        assertThat(back.withoutRawSegments()).isEqualTo(built);
        assertThat(back.transactions().get(0).claims().get(2).reference("F8")).contains("ORIG6998877-02");
    }

    @Test
    void countsSegmentsTransactionSetsAndGroupsItself() throws Exception {
        Remittance built = new Remittance(List.of(
                RemitTestData.transaction("000000001", "1", "0001", "T1",
                        List.of(RemitTestData.lineClaim("7000001-00", "20.00", "15.00", "1.00")), List.of()),
                RemitTestData.transaction("000000001", "1", "0002", "T2", List.of(), List.of())));

        String text = RemitTestData.write(built);

        assertThat(text).contains("SE*19*0001~").contains("GE*2*1~").contains("IEA*1*000000001~");
        assertThat(read(text).transactions()).hasSize(2);
    }

    @Test
    void groupsSixAdjustmentsPerCasAndSixPairsPerPlb() throws Exception {
        List<ProviderAdjustment> plb = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            plb.add(RemitTestData.plb("CS", "FEE" + i, "0.10"));
        }
        Remittance built = new Remittance(List.of(RemitTestData.transaction("000000001", "1", "0001", "T1",
                List.of(RemitTestData.lineClaim("7000001-00", "20.00", "15.00", "1.00")), plb)));

        String text = RemitTestData.write(built);

        assertThat(text.lines().filter(l -> l.startsWith("PLB*"))).hasSize(2);
        assertThat(read(text).withoutRawSegments()).isEqualTo(built);
    }

    @Test
    void refusesValuesThatContainADelimiter() {
        Remittance built = new Remittance(List.of(RemitTestData.transaction("1", "1", "0001", "EFT*1",
                List.of(), List.of())));

        assertThatThrownBy(() -> X12RemittanceWriter.write(built, new StringWriter(), X12Delimiters.STANDARD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains the delimiter '*'");
    }
}
