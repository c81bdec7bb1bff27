package org.rxledger.core.mfp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.payer.PayerDirectoryService;
import org.rxledger.core.payer.Routing;
import org.rxledger.core.posting.MatchAndPostStep;
import org.rxledger.core.remit.ClaimPayment;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.remit.RemittanceBuilder;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;

/**
 * The test office set up for MFP: the claims of BIN 999999 PCN TESTPCN are Medicare Part D, the directory payer
 * MEDICARE TRANSACTION FACILITATOR (TRN03 1900000024) is the MTF; the sample price list imported; 835s imported
 * through the workstation's own step ({@link MfpImportStep} around match + post).
 */
final class MfpFixture {

    static final String SELECTED_NDC = "12345067890";
    static final String OTHER_NDC = "55555012399";
    static final Routing PART_D = new Routing("999999", "TESTPCN", "");

    final Database db = TestDatabases.fresh();
    final TestOffice office = TestOffice.create(db.transactions());
    final MfpService mfp = new MfpService(db.transactions());
    final Path dir;
    final RemittanceImportService imports;

    MfpFixture(Path dir) {
        this.dir = dir;
        this.imports = new RemittanceImportService(db.transactions(), dir.resolve("archive"),
                new MfpImportStep(new MatchAndPostStep()));
        new PayerDirectoryService(db.transactions()).importCsv("directory.csv", new StringReader("""
                payer_name,remit_payer_id,bin,pcn,group_id
                ACME RX SOLUTIONS,1999999999,999999,TESTPCN,
                MEDICARE TRANSACTION FACILITATOR,1900000024,,,
                """));
        mfp.setPartD(PART_D, true, "ACME's Part D PCN");
        mfp.setRefundPayer("Medicare Transaction Facilitator", true, "MTF payment module");
        try (InputStream in = resource("mfp-prices-sample.csv")) {
            MfpPriceImportResult r = mfp.importPrices("mfp-prices-sample.csv", new InputStreamReader(in, StandardCharsets.UTF_8));
            if (!r.succeeded()) {
                throw new AssertionError(r.errors());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream resource(String name) {
        return MfpFixture.class.getResourceAsStream(name);
    }

    ClaimBuilder claim(String rx, int fill, LocalDate dos) {
        return ClaimBuilder.aPaidClaim(office).rx(rx).fill(fill).dateOfService(dos)
                .authorization("A" + rx + fill);
    }

    Claim store(ClaimBuilder b) {
        return db.transactions().inTransaction(tx -> ClaimRecorder.record(tx, b.build(), office.payer().id()));
    }

    ImportOutcome importResource(String name) {
        Path file = dir.resolve(name);
        try (InputStream in = resource(name)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return importFile(file);
    }

    /** A plan's 835 (ACME) paying these claims as adjudicated. */
    ImportOutcome importPlanPayment(String trace, List<ClaimPayment> claims) {
        Path file = dir.resolve(trace + ".835");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            RemittanceBuilder.write(List.of(RemittanceBuilder.payment(new RemittanceBuilder.Parties("ACME RX SOLUTIONS",
                    "1999999999", "MAPLE STREET PHARMACY", "1234567893", "1234567", "123456789"), trace,
                    LocalDate.of(2026, 2, 12), 501, claims, List.of())), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return importFile(file);
    }

    private ImportOutcome importFile(Path file) {
        ImportOutcome outcome = imports.importFile(file, ProgressListener.NONE, () -> false);
        if (!(outcome instanceof ImportOutcome.Imported)) {
            throw new AssertionError("import of " + file.getFileName() + " failed: " + outcome);
        }
        return outcome;
    }
}
