package org.rxledger.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactedTest {

    @Test
    void keepsTheStackTraceAndExceptionTypesButNotMessagesThatMayHoldPatientData() {
        IllegalStateException cause = new IllegalStateException("duplicate patient SMITH, JOHN 1958-02-11");
        RuntimeException failure = new RuntimeException("insert failed for SMITH", cause);

        Throwable logged = Redacted.of(failure);

        assertThat(logged.getMessage()).startsWith("java.lang.RuntimeException").doesNotContain("SMITH");
        assertThat(logged.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(logged.getCause().getMessage()).startsWith("java.lang.IllegalStateException").doesNotContain("SMITH");
        assertThat(logged.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
    }
}
