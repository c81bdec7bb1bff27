package org.rxledger.core.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeTablesTest {

    private final CodeTables codes = CodeTables.standard();

    @Test
    void describesDawCodesInPlainWords() {
        assertThat(codes.daw().describe("1")).isEqualTo("Prescriber did not allow substitution");
        assertThat(codes.daw().all()).hasSize(10);
    }

    @Test
    void treatsOneDigitAndTwoDigitRejectCodesAlikeAndKnowsTheirFollowUpFamily() {
        assertThat(codes.rejectCodes().describe("7")).isEqualTo("M/I Cardholder ID");
        assertThat(codes.rejectCodes().find("07").orElseThrow().attribute("family")).isEqualTo("ELIGIBILITY");
        assertThat(codes.rejectCodes().find("79").orElseThrow().attribute("family")).isEqualTo("REFILL_TOO_SOON");
        assertThat(codes.rejectCodes().find("ØØ1")).isEmpty();
    }

    @Test
    void knowsTheRemittanceCodeListsAndSaysWhenACodeIsUnknown() {
        assertThat(codes.carc().describe("45")).startsWith("Charge exceeds fee schedule");
        assertThat(codes.carc().contains("207")).isTrue();
        assertThat(codes.rarc().describe("M119")).contains("NDC");
        assertThat(codes.casGroups().describe("pr")).isEqualTo("Patient responsibility");
        assertThat(codes.claimStatuses().describe("22")).isEqualTo("Reversal of previous payment");
        assertThat(codes.plbReasons().describe("WO")).isEqualTo("Overpayment recovery");
        assertThat(codes.plbReasons().describe("L6")).isEqualTo("Interest owed");
        assertThat(codes.responseStatuses().describe("C")).startsWith("Captured");
        assertThat(codes.carc().label("XYZ")).isEqualTo("XYZ — not in the claim adjustment reason code (CARC) list");
    }
}
