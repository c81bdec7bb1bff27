package org.rxledger.app.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rxledger.core.remit.Samples;

/** The sample files (core's test resources) as files on disk, for tests that import by path. */
public final class SampleFiles {

    private static Path sample835;
    private static Path claimsSample;

    private SampleFiles() {
    }

    /** DOMAIN.md §2.8: 4 claims, 3 PLB pairs, BPR02 206.82, trace EFT0314A77. */
    public static synchronized Path sample835() {
        if (sample835 == null) {
            sample835 = copy(Samples.bytes(Samples.SAMPLE_835), "sample835-", ".edi");
        }
        return sample835;
    }

    /** core's {@code claim/claims-sample.csv}: five adjudicated claims in the canonical columns. */
    public static synchronized Path claimsSample() {
        if (claimsSample == null) {
            try (InputStream in = Samples.class.getResourceAsStream("/org/rxledger/core/claim/claims-sample.csv")) {
                if (in == null) {
                    throw new IllegalStateException("core's test resource claim/claims-sample.csv is missing");
                }
                claimsSample = copy(in.readAllBytes(), "claims-sample-", ".csv");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return claimsSample;
    }

    private static Path copy(byte[] bytes, String prefix, String suffix) {
        try {
            Path file = Files.createTempFile(prefix, suffix);
            file.toFile().deleteOnExit();
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
