package org.rxledger.core.sync;

import java.util.Map;

/** One row of the central claims feed: its watermark, its batch, and its values by claims-CSV column (null = empty). */
public record FeedRow(long seq, String batch, Map<String, String> values) {
}
