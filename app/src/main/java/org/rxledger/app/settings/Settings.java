package org.rxledger.app.settings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.prefs.Preferences;

/**
 * Per-user workstation settings (filters, sort orders, theme) that survive restarts. Backed by
 * {@link java.util.prefs.Preferences} in the app — filters per data folder ({@link #user(Path)}); {@link #inMemory()}
 * for tests.
 */
public interface Settings {

    String get(String key, String fallback);

    void put(String key, String value);

    /** The user's settings node for RxLedger. */
    static Settings user() {
        return preferences(Preferences.userRoot().node("org/rxledger/app"));
    }

    /** The user's settings for the workstation opened on {@code dataDir}: see {@link #perDataFolder}. */
    static Settings user(Path dataDir) {
        return perDataFolder(Preferences.userRoot().node("org/rxledger/app"), dataDir);
    }

    /**
     * Settings where what depends on the data — filters and sort orders — is kept per data folder, so a filter
     * set on one office's data (an Rx number, a payer) does not hide the claims of another folder or of a new
     * demo; the clerk's own preferences (keys starting with {@code theme.}) are the same in every folder.
     * Each folder has a child node named by a hash of its absolute path (node names are limited in length).
     */
    static Settings perDataFolder(Preferences userNode, Path dataDir) {
        Settings personal = preferences(userNode);
        Settings folder = preferences(userNode.node("folders").node(folderKey(dataDir)));
        return new Settings() {
            @Override
            public String get(String key, String fallback) {
                return (key.startsWith(PERSONAL_PREFIX) ? personal : folder).get(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                (key.startsWith(PERSONAL_PREFIX) ? personal : folder).put(key, value);
            }
        };
    }

    /** Keys the clerk keeps in every data folder (the theme). */
    String PERSONAL_PREFIX = "theme.";

    private static String folderKey(Path dataDir) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(dataDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
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
