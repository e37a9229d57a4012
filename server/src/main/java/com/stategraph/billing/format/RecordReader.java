package com.stategraph.billing.format;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Rows of one export file, one at a time. Values are Java objects as the file holds them:
 * {@code String}, {@code BigDecimal}, {@code Double}, {@code Float}, {@code Long}, {@code Boolean},
 * {@code Instant}, {@code Map<String,Object>} or {@code List<Object>}; a missing value is null.
 */
public interface RecordReader extends Closeable {

    /** The file's column names, in file order. */
    List<String> columns();

    /** Fills {@code values} (one slot per column) with the next row; false after the last row. */
    boolean next(Object[] values) throws IOException;

    /** 1-based number of the data row last returned by {@link #next}. */
    long row();

    /** Uncompressed bytes read so far, for the limits on what one sync may read. */
    long bytes();
}
