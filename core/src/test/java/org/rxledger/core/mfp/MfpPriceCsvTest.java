package org.rxledger.core.mfp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MfpPriceCsvTest {

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
    void theSampleListIsStoredOnceAndVersionedByEffectiveDate() {
        assertThat(f.mfp.prices()).hasSize(3);
        assertThat(f.mfp.prices()).filteredOn(p -> p.ndc().equals("12345067890"))
                .extracting(MfpPrice::effectiveFrom).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1));

        MfpPriceImportResult again = f.mfp.importPrices("again.csv", new StringReader("""
                manufacturer,ndc,effective_from,effective_to,mfp_per_unit,wac_per_unit
                EXAMPLE BIOLOGICS LLC,55555-0123-01,2026-01-01,,9.87654,55.00000
                EXAMPLE BIOLOGICS LLC,55555-0123-01,2026-04-01,,9.87654,56.10000
                """));

        assertThat(again.errors()).isEmpty();
        assertThat(again.added()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(f.mfp.prices()).hasSize(4);
    }

    @Test
    void aFileWithAnyBadRowStoresNothingAndNamesLineAndColumn() {
        MfpPriceImportResult r = f.mfp.importPrices("bad.csv", new StringReader("""
                ndc,mfp_per_unit,wac_per_unit,effective_from,effective_to,manufacturer
                99999000101,1.00000,2.00000,2026-01-01,,GOOD ROW INC
                1234567890,1.00000,2.00000,2026-01-01,,NO HYPHENS INC
                99999000102,3.00000,2.00000,2026-01-01,,UPSIDE DOWN INC
                99999000103,1.00000,$2.00,2026-01-01,,DOLLAR INC
                99999000104,1.00000,2.00000,01/02/2026,,US DATE INC
                99999000105,1.00000,2.00000,2026-03-01,2026-02-01,BACKWARDS INC
                99999000106,1.00000,2.00000,2026-01-01,,=HYPERLINK("x")
                99999000101,1.00000,2.50000,2026-01-01,,GOOD ROW INC
                """));

        assertThat(r.succeeded()).isFalse();
        assertThat(r.errors()).extracting(MfpImportError::toString).containsExactly(
                "bad.csv line 3, column ndc: NDC '1234567890' is a 10-digit NDC without hyphens; its layout (4-4-2, 5-3-2 or 5-4-1) is ambiguous — enter it with hyphens or as 11 digits",
                "bad.csv line 4, column wac_per_unit: Expected a WAC at least the MFP (3.00000); found 2.00000",
                "bad.csv line 5, column wac_per_unit: Expected a price per unit such as 12.34567 (plain decimal, at most 5 places); found '$2.00'",
                "bad.csv line 6, column effective_from: Expected a date YYYY-MM-DD; found '01/02/2026'",
                "bad.csv line 7, column effective_to: Expected a date on or after effective_from 2026-03-01; found 2026-02-01",
                "bad.csv line 8, column manufacturer: A name may not start with = + - @ or a tab, nor hold control characters",
                "bad.csv line 9, column effective_from: NDC 99999000101 already has a version starting 2026-01-01 on line 2; one version per NDC and start date");
        assertThat(f.mfp.prices()).hasSize(3);
    }

    @Test
    void aHeaderWithoutARequiredColumnIsRefused() {
        MfpPriceImportResult r = f.mfp.importPrices("short.csv", new StringReader("ndc,mfp_per_unit,effective_from,manufacturer\n"));

        assertThat(r.errors()).extracting(MfpImportError::toString).containsExactly(
                "short.csv line 1, column wac_per_unit: Required column wac_per_unit is missing from the header row "
                        + "(expected ndc,mfp_per_unit,wac_per_unit,effective_from,effective_to,manufacturer)");
    }
}
