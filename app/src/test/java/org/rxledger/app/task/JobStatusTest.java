package org.rxledger.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobStatusTest {

    private final JobStatus status = new JobStatus();

    @Test
    void whenTheNewestJobEndsCancelReachesTheOneStillRunning() {
        FakeJob importing = new FakeJob();
        FakeJob detail = new FakeJob();
        status.started(importing, "Importing remittances");
        status.started(detail, "Opening claim");

        status.finished(detail, "");

        assertThat(status.runningProperty().get()).isTrue();
        assertThat(status.messageProperty().get()).isEqualTo("Importing remittances…");
        status.cancelLatest();
        assertThat(importing.cancelled).isTrue();
    }

    @Test
    void progressOfAJobNotShownDoesNotOverwriteTheShownOne() {
        FakeJob importing = new FakeJob();
        FakeJob detail = new FakeJob();
        status.started(importing, "Importing remittances");
        status.started(detail, "Opening claim");

        status.update(importing, "Claim 5,000 of 100,000", 0.05);

        assertThat(status.messageProperty().get()).isEqualTo("Opening claim…");
        assertThat(status.progressProperty().get()).isEqualTo(-1.0);
    }

    @Test
    void anOlderJobEndingLeavesTheShownJobAlone() {
        FakeJob importing = new FakeJob();
        FakeJob detail = new FakeJob();
        status.started(importing, "Importing remittances");
        status.started(detail, "Opening claim");

        status.finished(importing, "Importing remittances: failed");

        assertThat(status.messageProperty().get()).isEqualTo("Opening claim…");
        status.finished(detail, "");
        assertThat(status.runningProperty().get()).isFalse();
        assertThat(status.messageProperty().get()).isEmpty();
    }

    private static final class FakeJob implements JobHandle {
        boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isDone() {
            return false;
        }
    }
}
