package org.rxledger.core.remit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Loop 1000A (N1*PR payer) or 1000B (N1*PE payee) with its N3/N4 address, REF and PER segments.
 *
 * @param idQualifier N103: XV plan id, XX NPI, FI TIN, …
 */
public record Party(String entityCode, String name, String idQualifier, String id, List<String> addressLines,
                    String city, String state, String postalCode, List<Reference> references,
                    List<Contact> contacts) {

    public Party {
        Objects.requireNonNull(entityCode, "entityCode");
        addressLines = List.copyOf(addressLines);
        references = List.copyOf(references);
        contacts = List.copyOf(contacts);
    }

    public static Party named(String entityCode, String name, String idQualifier, String id) {
        return new Party(entityCode, name, idQualifier, id, List.of(), null, null, null, List.of(), List.of());
    }

    public Optional<String> reference(String qualifier) {
        return references.stream().filter(r -> r.qualifier().equals(qualifier)).map(Reference::value).findFirst();
    }
}
