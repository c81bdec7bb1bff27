package org.rxledger.app.shell;

import org.rxledger.core.task.ProgressListener;

/**
 * First-launch hook: fills an empty data folder with an office a new user can explore (the demo
 * office, at merge time {@code DemoOffice}). Runs in the background; returns a one-line summary for
 * the banner, e.g. "3,000 claims for 400 patients across 6 payers".
 */
@FunctionalInterface
public interface OfficeSeeder {

    /** Leaves an empty data folder empty. */
    OfficeSeeder NONE = progress -> "";

    String seed(ProgressListener progress) throws Exception;
}
