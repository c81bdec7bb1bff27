package org.rxledger.app.settings;

import java.util.prefs.Preferences;

/**
 * Per-user workstation settings (filters, sort orders, theme) that survive restarts. Backed by
 * {@link java.util.prefs.Preferences} in the app; {@link #inMemory()} for tests.
 */
public interface Settings {

    String get(String key, String fallback);

    void put(String key, String value);

    /** The user's settings node for RxLedger. */
    static Settings user() {
        return preferences(Preferences.userRoot().node("org/rxledger/app"));
    }

    static Settings preferences(Preferences node) {
        return new Settings() {
            @Override
            public String get(String key, String fallback) {
                return node.get(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                if (value == null || value.isEmpty()) {
                    node.remove(key);
                } else {
                    node.put(key, value);
                }
            }
        };
    }

    static Settings inMemory() {
        java.util.Map<String, String> map = new java.util.concurrent.ConcurrentHashMap<>();
        return new Settings() {
            @Override
            public String get(String key, String fallback) {
                return map.getOrDefault(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                if (value == null || value.isEmpty()) {
                    map.remove(key);
                } else {
                    map.put(key, value);
                }
            }
        };
    }
}
