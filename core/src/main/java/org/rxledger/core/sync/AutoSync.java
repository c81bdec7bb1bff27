package org.rxledger.core.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SyncService#run()} on a schedule of its own thread, never the caller's (the workstation's FX
 * thread must not wait on the network): every {@link Policy#interval()} while the server answers, and after
 * an unreachable or failed run again after an exponentially growing, jittered delay, so a dozen workstations
 * coming back after an outage do not all knock at once. No library for this is in the build, and the rule
 * (one retry delay, one interval, one run at a time) is small enough to keep here.
 *
 * <p>A run asked for by a person ({@link #runNow()}) waits for a scheduled one under way instead of running
 * beside it, and restarts the schedule from its own outcome.
 */
public final class AutoSync implements AutoCloseable {

    /** What the schedule did: the run's report and the state after it (empty when no server is configured). */
    public record Outcome(Optional<SyncReport> report, Optional<SyncStatus> status, Throwable failure,
                          Duration nextIn, int failuresInARow) {
    }

    /** Told after every run, on the sync thread. */
    @FunctionalInterface
    public interface Listener {
        void ran(Outcome outcome);
    }

    /**
     * @param firstDelay the wait before the first run after start
     * @param interval   the wait between runs while the server answers (or no server is configured)
     * @param firstRetry the wait after the first failed run; doubled after each further one
     * @param maxRetry   the longest wait between retries
     */
    public record Policy(Duration firstDelay, Duration interval, Duration firstRetry, Duration maxRetry) {
        public static final Policy DEFAULT = new Policy(Duration.ofSeconds(5), Duration.ofSeconds(45),
                Duration.ofSeconds(5), Duration.ofMinutes(5));

        public Policy {
            Objects.requireNonNull(firstDelay, "firstDelay");
            if (interval.isNegative() || interval.isZero() || firstRetry.isNegative() || firstRetry.isZero()
                    || maxRetry.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException("sync schedule needs a positive interval and retry, max retry >= first");
            }
        }

        /**
         * A schedule of {@code interval}: the first run and the first retry no later than it, retries never more
         * than eight intervals (at most five minutes) apart.
         */
        public static Policy every(Duration interval) {
            Duration first = min(DEFAULT.firstDelay, interval);
            Duration retry = min(DEFAULT.firstRetry, interval);
            Duration max = min(DEFAULT.maxRetry, interval.multipliedBy(8));
            return new Policy(first, interval, retry, max.compareTo(retry) < 0 ? retry : max);
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }

        /**
         * The wait after {@code failures} failed runs in a row: firstRetry × 2^(failures−1), at most maxRetry,
         * then scaled by a random factor in [0.5, 1) ("equal jitter": never less than half, so a dead server is
         * not hammered, and workstations that failed together spread out).
         */
        public Duration retryAfter(int failures, RandomGenerator random) {
            long base = firstRetry.toMillis();
            long cap = maxRetry.toMillis();
            long wait = base;
            for (int i = 1; i < failures && wait < cap; i++) {
                wait *= 2;
            }
            wait = Math.min(wait, cap);
            return Duration.ofMillis(wait / 2 + (long) (random.nextDouble() * (wait - wait / 2)));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AutoSync.class);

    private final Supplier<Optional<SyncService>> sync;
    private final Policy policy;
    private final RandomGenerator random;
    private final Listener listener;
    private final Object running = new Object();
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> next;
    private int failures;

    public AutoSync(Supplier<Optional<SyncService>> sync, Policy policy, RandomGenerator random, Listener listener) {
        this.sync = Objects.requireNonNull(sync, "sync");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Starts the schedule on a daemon thread of its own. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "central-sync");
            t.setDaemon(true);
            return t;
        });
        next = executor.schedule(this::scheduled, policy.firstDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs once now on the calling thread (a background task, never the FX thread), then restarts the schedule. */
    public Outcome runNow() {
        Outcome outcome = runOnce();
        reschedule(outcome.nextIn());
        return outcome;
    }

    private void scheduled() {
        Outcome outcome = runOnce();
        reschedule(outcome.nextIn());
        try {
            listener.ran(outcome);
        } catch (RuntimeException e) {
            LOG.warn("sync: the listener of the sync schedule failed", e);
        }
    }

    private Outcome runOnce() {
        synchronized (running) {
            Optional<SyncService> service;
            try {
                service = sync.get();
                if (service.isEmpty()) {
                    failures = 0;
                    return new Outcome(Optional.empty(), Optional.empty(), null, policy.interval(), 0);
                }
                SyncReport report = service.get().run();
                if (report.outcome() == SyncReport.Outcome.CAUGHT_UP) {
                    failures = 0;
                    return new Outcome(Optional.of(report), Optional.of(service.get().status()), null, policy.interval(), 0);
                }
                failures++;
                Duration wait = policy.retryAfter(failures, random);
                LOG.info("sync: central server unreachable ({} in a row); next try in {} ms", failures, wait.toMillis());
                return new Outcome(Optional.of(report), Optional.of(service.get().status()), null, wait, failures);
            } catch (RuntimeException e) {
                failures++;
                Duration wait = policy.retryAfter(failures, random);
                LOG.warn("sync: scheduled run failed ({} in a row); next try in {} ms", failures, wait.toMillis());
                return new Outcome(Optional.empty(), Optional.empty(), e, wait, failures);
            }
        }
    }

    private synchronized void reschedule(Duration wait) {
        if (executor == null || executor.isShutdown()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = executor.schedule(this::scheduled, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the schedule; a run under way finishes (its transactions are short) but nothing new starts. */
    @Override
    public synchronized void close() {
        if (executor != null) {
            if (next != null) {
                next.cancel(false);
            }
            executor.shutdown(); // no interrupt: H2 files must not see one mid-write
        }
    }
}
