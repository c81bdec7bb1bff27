package org.rxledger.core.store;

import java.nio.file.Path;
import java.util.Optional;

/** Another process (or another window of this one) has the data folder open; the message names it when known. */
public final class DataFolderBusyException extends StoreException {

    private final transient Optional<DataFolderLock.Holder> holder;

    DataFolderBusyException(Path dataDir, Optional<DataFolderLock.Holder> holder, Throwable cause) {
        super("The data folder " + dataDir + " is in use by " + describe(holder)
                + "; close that window or let its command finish, then try again", cause);
        this.holder = holder;
    }

    /** The process holding the folder, when it wrote its lock file (an older version or another tool does not). */
    public Optional<DataFolderLock.Holder> holder() {
        return holder;
    }

    /** "process 4711 (rxledger remit import, since 14:02:11)" or "another program". */
    public String holderDescription() {
        return describe(holder);
    }

    private static String describe(Optional<DataFolderLock.Holder> holder) {
        return holder.map(h -> "process " + h.pid() + " (" + h.command() + ", since " + h.since() + ")")
                .orElse("another program (it left no lock file naming itself)");
    }
}
