package org.rxledger.core.remit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The envelope part on its own, fed segments built in the test (no file, no tokenizer). */
class EnvelopeChecksTest {

    private static final String ISA = "ISA*00*          *00*          *ZZ*ACMERXPBM      *ZZ*MAPLESTRX      *250314"
            + "*0905*^*00501*000004321*0*P*:~";

    private final List<Payment> payments = new ArrayList<>();
    private final ReadContext context = new ReadContext("t.835", new RemittanceHandler() {
        @Override
        public void payment(int number, Payment payment) {
            payments.add(payment);
        }
    });

    private List<RemittanceProblem> check(String text) {
        EnvelopeChecks envelope = new EnvelopeChecks(context);
        List<X12Segment> segments = X12Segments.parse(text);
        segments.forEach(envelope::segment);
        envelope.atEnd(segments.size());
        return context.problems;
    }

    @Test
    void countsAndControlNumbersOfEveryTrailerAreChecked() {
        List<RemittanceProblem> problems = check(ISA + "GS*HP*ACMERXPBM*MAPLESTRX*20250314*0905*77*X*005010X221A1~"
                + "GE*2*78~IEA*3*000004399~");

        assertThat(problems).extracting(RemittanceProblem::element, RemittanceProblem::message).containsExactly(
                tuple("GE01", "GE01 says the group holds 2 transaction sets but it holds 0"),
                tuple("GE02", "GE02 control number '78' does not match GS06 '77'"),
                tuple("IEA01",
                        "IEA01 says the interchange holds 3 functional groups but it holds 1"),
                tuple("IEA02",
                        "IEA02 control number '000004399' does not match ISA13 '000004321'"));
    }

    @Test
    void anotherTransactionSetIsRefusedByNameAndItsContentIsNotRead() {
        List<RemittanceProblem> problems = check(ISA + "GS*HC*ACMERXPBM*MAPLESTRX*20250314*0905*77*X*005010X222A1~ST*837*0001~"
                + "BHT*0019~SE*3*0001~GE*1*77~IEA*1*000004321~");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.segmentNumber()).isEqualTo(2);
            assertThat(p.element()).isEqualTo("GS01");
            assertThat(p.message()).isEqualTo("this is an 837 health care claim (GS01 HC), not an 835 remittance");
        });
        assertThat(payments).isEmpty();
    }

    @Test
    void aWrongSegmentCountAndAMissingTrailerAreNamed() {
        List<RemittanceProblem> problems = check(ISA + "GS*HP*ACMERXPBM*MAPLESTRX*20250314*0905*77*X*005010X221A1~ST*835*0001~"
                + "SE*5*0002~GE*1*77~");

        assertThat(problems).extracting(RemittanceProblem::element).contains("SE01", "SE02");
        assertThat(problems).filteredOn(p -> p.element().equals("SE01")).singleElement()
                .extracting(RemittanceProblem::message).isEqualTo("SE01 says the transaction set has 5 segments but "
                        + "ST 0001 through SE has 2 (a segment was added, lost or the count is wrong)");
        assertThat(problems.get(problems.size() - 1).message())
                .isEqualTo("the file ends inside interchange 000004321 (no IEA trailer): it is incomplete");
    }
}
