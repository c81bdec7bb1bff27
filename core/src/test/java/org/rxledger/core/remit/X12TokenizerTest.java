package org.rxledger.core.remit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first part of a read on its own: bytes in, segments (or a problem naming the place) out. */
class X12TokenizerTest {

    private final ReadContext context = new ReadContext("t.835", new RemittanceHandler() { });
    private final List<X12Segment> segments = new ArrayList<>();
    private long endedAfter = -1;

    private void tokenize(String text) {
        X12Tokenizer.Segments sink = new X12Tokenizer.Segments() {
            @Override
            public void segment(X12Segment segment) {
                segments.add(segment);
            }

            @Override
            public void atEnd(long segmentCount) {
                endedAfter = segmentCount;
            }
        };
        new X12Tokenizer(context, sink, () -> false)
                .run(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void declaredDelimitersSplitElementsAndComponents() {
        String isa = Samples.text(Samples.SAMPLE_835).lines().findFirst().orElseThrow()
                .replace('*', '|').replace(":~", "^\n");
        tokenize(isa + "GS|HP|ACMERXPBM|MAPLESTRX|20250314|0905|1|X|005010X221A1\nST|835|0001\nSVC|N4^12345067890|1.00\n"
                + "SE|3|0001\nGE|1|1\nIEA|1|000004321\n");

        assertThat(segments).extracting(s -> s.id).containsExactly("ISA", "GS", "ST", "SVC", "SE", "GE", "IEA");
        assertThat(segments).extracting(s -> s.number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        X12Segment svc = segments.get(3);
        assertThat(svc.components(1)).containsExactly("N4", "12345067890");
        assertThat(svc.text(context.elementSep, context.componentSep)).isEqualTo("SVC|N4^12345067890|1.00");
        assertThat(endedAfter).isEqualTo(7);
        assertThat(context.problems).isEmpty();
    }

    @Test
    void anIsaOfTheWrongWidthIsNamedBeforeStaediSeesIt() {
        tokenize("ISA*00*SHORT*00*          *ZZ*ACMERXPBM      *ZZ*MAPLESTRX      *250314*0905*^*00501*000004321"
                + "*0*P*:~");

        assertThat(segments).isEmpty();
        assertThat(context.problems).singleElement().satisfies(p -> {
            assertThat(p.segmentId()).isEqualTo("ISA");
            assertThat(p.element()).isEqualTo("ISA02");
            assertThat(p.message()).contains("ISA02 must be 10 characters but is 5 ('SHORT')");
        });
    }

    @Test
    void aFileCutInsideASegmentSaysWhere() {
        String sample = Samples.text(Samples.SAMPLE_835);
        tokenize(sample.substring(0, sample.indexOf("TRN*1*EFT") + 6));

        assertThat(context.problems).singleElement().satisfies(p -> {
            assertThat(p.segmentNumber()).isEqualTo(5);
            assertThat(p.message()).contains("the file ends in the middle of segment 5");
        });
    }
}
