package org.rxledger.core.remit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The shared sample files, loaded from the test classpath. */
public final class Samples {

    /** The pharmacy 835 of DOMAIN.md §2.8: Σ CLP04 241.15 − Σ PLB 34.33 = BPR02 206.82. */
    public static final String SAMPLE_835 = "sample835.edi";

    public static final List<String> PUBLIC_835 = List.of("cob-contractural-adjustment.835", "managed-care.835",
            "medicare-part-a.835", "secondary-payment.835", "tertiary-payment.835");

    private Samples() {
    }

    public static byte[] bytes(String name) {
        String path = name.endsWith(".835") ? "public-835/" + name : name;
        try (InputStream in = Samples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.ISO_8859_1);
    }
}
