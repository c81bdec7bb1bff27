package org.rxledger.core.remit;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Wall time of each stage of one import (issue 21), so that a slow step shows itself in the import notice and
 * the log instead of hiding in one total. Filled by the importing thread only; {@link #times()} is what the
 * outcome keeps.
 */
public final class ImportStages {

    /** The stages, in the order an import goes through them. */
    public enum Stage {
        /**
         * Reading and checking the file (envelope, structure, balancing): since the file is read once while it is
         * stored (ADR 0037), the time the writes waited for the parser running ahead of them.
         */
        PARSE("parse"),
        /**
         * The archive copy, the duplicate checks and writing the file's rows (payments, claim payments, lines,
         * adjustments, PLB).
         */
        STORE("store"),
        /** Automatic matching, with its decisions, and the hold of ADR 0014. */
        MATCH("match"),
        /** Ledger batches of the payments posted automatically, with their BPR02 checks. */
        POST("post"),
        /** Counts, journal event, audit record and manifest. */
        FINISH("journal and audit"),
        /** Commit, flush to disk and publication. */
        COMMIT("commit");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final long[] nanos = new long[Stage.values().length];

    public void add(Stage stage, long elapsedNanos) {
        nanos[stage.ordinal()] += elapsedNanos;
    }

    public <T> T time(Stage stage, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(stage, System.nanoTime() - started);
        }
    }

    public void time(Stage stage, Runnable work) {
        long started = System.nanoTime();
        try {
            work.run();
        } finally {
            add(stage, System.nanoTime() - started);
        }
    }

    public Times times() {
        long[] millis = new long[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            millis[i] = nanos[i] / 1_000_000;
        }
        return new Times(millis[0], millis[1], millis[2], millis[3], millis[4], millis[5]);
    }

    /** Milliseconds per stage. */
    public record Times(long parse, long store, long match, long post, long finish, long commit) {

        public static final Times NONE = new Times(0, 0, 0, 0, 0, 0);

        public long millis(Stage stage) {
            return switch (stage) {
                case PARSE -> parse;
                case STORE -> store;
                case MATCH -> match;
                case POST -> post;
                case FINISH -> finish;
                case COMMIT -> commit;
            };
        }

        public long total() {
            return parse + store + match + post + finish + commit;
        }

        /** "parse 1.2 s · store 3.4 s · match 0.9 s · post 2.0 s · journal and audit 0.1 s · commit 1.1 s". */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            for (Stage stage : Stage.values()) {
                if (!sb.isEmpty()) {
                    sb.append(" · ");
                }
                sb.append(stage.label()).append(' ').append(seconds(millis(stage)));
            }
            return sb.toString();
        }

        public static String seconds(long millis) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
    }
}
