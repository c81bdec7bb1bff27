package org.rxledger.core.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * One code list (CARC, RARC, NCPDP reject codes, …) loaded from a CSV resource with a header row
 * whose first two columns are {@code code} and {@code description}; further columns are kept as
 * attributes (e.g. the reject code's work-queue family).
 *
 * <p>Codes are data, not enums: payers and NCPDP publish new ones several times a year, and an
 * unknown code must still display ("CARC 999 — not in the code list") rather than fail.
 */
public final class CodeTable {

    /** One code with its description and any further columns of the table. */
    public record Code(String code, String description, Map<String, String> attributes) {

        public String attribute(String name) {
            return attributes.getOrDefault(name, "");
        }
    }

    private final String name;
    private final Map<String, Code> codes;
    private final UnaryOperator<String> normaliser;

    private CodeTable(String name, Map<String, Code> codes, UnaryOperator<String> normaliser) {
        this.name = name;
        this.codes = Collections.unmodifiableMap(codes);
        this.normaliser = normaliser;
    }

    static CodeTable load(String name, String resource) {
        return load(name, resource, CodeTable::normalise);
    }

    static CodeTable load(String name, String resource, UnaryOperator<String> normaliser) {
        try (InputStream in = CodeTable.class.getResourceAsStream("codes/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("code table resource missing: " + resource);
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            Map<String, Code> codes = new LinkedHashMap<>();
            List<String> header;
            try (var parser = format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                header = parser.getHeaderNames();
                for (CSVRecord row : parser) {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (int i = 2; i < header.size(); i++) {
                        attributes.put(header.get(i), row.get(i));
                    }
                    String code = normaliser.apply(row.get(0));
                    codes.put(code, new Code(code, row.get(1), Collections.unmodifiableMap(attributes)));
                }
            }
            return new CodeTable(name, codes, normaliser);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read code table " + resource, e);
        }
    }

    /** Upper case, slashed zeros to ASCII, surrounding blanks removed (DOMAIN.md conventions). */
    public static String normalise(String code) {
        return code == null ? "" : code.strip().replace('Ø', '0').replace('ø', '0').toUpperCase(Locale.ROOT);
    }

    public String name() {
        return name;
    }

    public Optional<Code> find(String code) {
        return Optional.ofNullable(codes.get(normaliser.apply(code)));
    }

    public boolean contains(String code) {
        return codes.containsKey(normaliser.apply(code));
    }

    /** The description, or a plain note that the code is not in this list. */
    public String describe(String code) {
        return find(code).map(Code::description).orElse("not in the " + name + " list");
    }

    /** "45 — Charge exceeds fee schedule …" */
    public String label(String code) {
        return normaliser.apply(code) + " — " + describe(code);
    }

    public List<Code> all() {
        return List.copyOf(codes.values());
    }
}
