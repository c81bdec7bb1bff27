package org.rxledger.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class SynchronousTaskRunnerTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final List<Object> results = new ArrayList<>();

    @Test
    void deliversTheResultAndLeavesTheStatusBarIdle() {
        runner.run("Counting", p -> {
            p.progress(1, 2, "Half way");
            assertThat(runner.status().messageProperty().get()).isEqualTo("Half way");
            assertThat(runner.status().progressProperty().get()).isEqualTo(0.5);
            assertThat(runner.status().runningProperty().get()).isTrue();
            return 42;
        }, results::add, results::add);
        assertThat(results).containsExactly(42);
        assertThat(runner.status().runningProperty().get()).isFalse();
    }

    @Test
    void handsAFailureToTheCallerAndReportsItInTheStatusBar() {
        runner.run("Importing", p -> {
            throw new IllegalStateException("boom");
        }, results::add, results::add);
        assertThat(results).singleElement().isInstanceOf(IllegalStateException.class);
        assertThat(runner.status().messageProperty().get()).isEqualTo("Importing: failed");
    }

    @Test
    void aJobThatSeesCancellationStopsAndIsReportedAsCancelled() {
        runner.run("Long job", p -> {
            runner.status().cancelLatest();
            if (p.isCancelled()) {
                throw new CancellationException();
            }
            return "done";
        }, results::add, results::add);
        assertThat(results).singleElement().isInstanceOf(CancellationException.class);
        assertThat(runner.status().messageProperty().get()).isEqualTo("Long job: cancelled");
    }
}
