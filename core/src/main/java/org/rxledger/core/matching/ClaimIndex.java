package org.rxledger.core.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stored claims held in memory by Rx number and by authorization number, so a whole remittance is
 * matched with a couple of set-based queries instead of one query per remitted claim.
 */
public final class ClaimIndex {

    private final Map<String, List<ClaimFacts>> byRx = new HashMap<>();
    private final Map<String, List<ClaimFacts>> byAuthorization = new HashMap<>();

    public ClaimIndex(Collection<ClaimFacts> claims) {
        Map<Long, Boolean> seen = new HashMap<>();
        for (ClaimFacts c : claims) {
            if (seen.put(c.claimId(), Boolean.TRUE) != null) {
                continue;
            }
            byRx.computeIfAbsent(normaliseRx(c.rx()), k -> new ArrayList<>()).add(c);
            if (c.authorizationNumber() != null && !c.authorizationNumber().isBlank()) {
                byAuthorization.computeIfAbsent(normaliseAuth(c.authorizationNumber()), k -> new ArrayList<>()).add(c);
            }
        }
    }

    public List<ClaimFacts> byRx(String rx) {
        return byRx.getOrDefault(normaliseRx(rx), List.of());
    }

    public List<ClaimFacts> byAuthorization(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return List.of();
        }
        return byAuthorization.getOrDefault(normaliseAuth(authorization), List.of());
    }

    public int size() {
        return byRx.values().stream().mapToInt(List::size).sum();
    }

    static String normaliseRx(String rx) {
        String s = rx.strip();
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }

    static String normaliseAuth(String auth) {
        return auth.strip().toUpperCase(Locale.ROOT);
    }
}
