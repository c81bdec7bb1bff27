package org.rxledger.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the workstation keeps its database, archived originals, reports and logs: {@code --data DIR},
 * else {@code RXLEDGER_DATA}, else the per-user data directory of the operating system
 * (XDG on Linux, %APPDATA% on Windows, Application Support on macOS).
 */
public final class DataDirectory {

    public static final String ENV = "RXLEDGER_DATA";

    private DataDirectory() {
    }

    public static Path resolve(Path option, Map<String, String> env, String osName, Path home) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("RxLedger");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("RxLedger");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("rxledger");
    }

    /** Why {@code dir} cannot be a data directory (a regular file), or null: a missing folder is created. */
    public static String problem(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return "the data folder " + dir + " is a file, not a folder: give --data a folder (it is created when missing)";
        }
        return null;
    }

    public static Path resolve(Path option) {
        return resolve(option, System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }
}
