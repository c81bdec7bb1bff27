package org.rxledger.app.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rxledger.core.remit.Samples;

/** The shared sample files (core's test resources) as files on disk, for tests that import by path. */
public final class SampleFiles {

    private static Path sample835;

    private SampleFiles() {
    }

    /** DOMAIN.md §2.8: 4 claims, 3 PLB pairs, BPR02 206.82, trace EFT0314A77. */
    public static synchronized Path sample835() {
        if (sample835 == null) {
            try {
                Path file = Files.createTempFile("sample835-", ".edi");
                file.toFile().deleteOnExit();
                Files.write(file, Samples.bytes(Samples.SAMPLE_835));
                sample835 = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sample835;
    }
}
