package org.rxledger.core.remit;

import java.util.List;
import java.util.Objects;

/**
 * The SVC01 (or SVC06) composite: qualifier (N4 NDC, HC HCPCS, NU, …), code, then any modifiers or
 * description components, in order.
 */
public record ProductId(String qualifier, String code, List<String> modifiers) {

    public ProductId {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(code, "code");
        modifiers = List.copyOf(modifiers);
    }

    public static ProductId ndc(String ndc11) {
        return new ProductId("N4", ndc11, List.of());
    }

    public boolean isNdc() {
        return "N4".equals(qualifier);
    }
}
