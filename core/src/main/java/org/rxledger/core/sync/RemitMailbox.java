package org.rxledger.core.sync;

import java.nio.file.Path;
import java.util.List;

/**
 * Port: a clearinghouse's ERA mailbox (adapter: SFTP). Every method throws {@link MailboxUnreachableException}
 * when the mailbox cannot be reached or refuses the login or the host key.
 */
public interface RemitMailbox extends AutoCloseable {

    /** A file waiting in the mailbox folder. */
    record RemoteFile(String name, long size) {
    }

    /** The regular files of the mailbox folder. */
    List<RemoteFile> list();

    /** Copies one file to {@code target} (replaced). */
    void download(RemoteFile file, Path target);

    @Override
    void close();
}
