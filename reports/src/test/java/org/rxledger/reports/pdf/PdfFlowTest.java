package org.rxledger.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.rxledger.reports.pdf.PdfFlow.Col;

class PdfFlowTest {

    /** Issue 20: an EOB's column total printed as "15,457.9 / 9" and a trace as "DEMO120261 / 127". */
    @Test
    void amountsAndNumbersAreNeverBrokenTheProseColumnGivesWay() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PdfFonts.Loaded fonts = PdfFonts.locate().load(doc);
            try (PdfFlow flow = new PdfFlow(doc, fonts)) {
                List<Col> cols = List.of(Col.left("Claim (CLP01)", 40), Col.left("Adjustments (CAS)", 120),
                        Col.right("Paid", 30));
                List<String[]> rows = List.of(new String[] {"DEMO120261127", "CO-45 565.50; PR-3 45.00", "2,919.36"},
                        new String[] {"Total", "", "215,457.99"});

                List<Col> fitted = flow.fitted(cols, rows, 7.5f, Set.of(1));

                for (int i : new int[] {0, 2}) {
                    for (String[] row : rows) {
                        assertThat(PdfFlow.wrap(row[i], fonts.regular(), 7.5f, fitted.get(i).inner())).hasSize(1);
                    }
                }
                assertThat(fitted.stream().map(Col::width).reduce(0f, Float::sum))
                        .isCloseTo(190f, org.assertj.core.data.Offset.offset(0.01f));
                assertThat(fitted.get(1).width()).isLessThan(120f);
                // as given, both would have wrapped
                assertThat(PdfFlow.wrap("215,457.99", fonts.regular(), 7.5f, cols.get(2).inner())).hasSizeGreaterThan(1);
            }
        }
    }
}
