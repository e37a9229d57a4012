package com.stategraph.billing.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * A Parquet file, row by row: one row group at a time through parquet-java's column readers, each
 * row group's memory taken from {@link RowGroupMemory} before it is read and given back after its
 * last row.
 */
public final class ParquetRecordReader implements RecordReader {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private final String uri;
    private final ParquetFileReader file;
    private final RowAssembly assembly;
    private final List<String> columns;
    private final List<BlockMetaData> groups;
    private final RowGroupMemory memory;
    private RowAssembly.Rows rows;
    private int group = -1;
    private long held;
    private long remaining;
    private long row;
    private long bytes;

    private ParquetRecordReader(String uri, ParquetFileReader file, RowGroupMemory memory) {
        this.uri = uri;
        this.file = file;
        this.memory = memory;
        MessageType schema = file.getFileMetaData().getSchema();
        this.assembly = new RowAssembly(schema, file.getFileMetaData().getCreatedBy());
        this.columns = schema.getFields().stream().map(Type::getName).toList();
        this.groups = file.getRowGroups();
    }

    /** @throws FormatException when the file is not Parquet or its footer cannot be read */
    public static ParquetRecordReader open(Path file, String uri) {
        return open(new LocalInputFile(file), uri, ReadLimits.NONE);
    }

    public static ParquetRecordReader open(Path file, String uri, ReadLimits limits) {
        return open(new LocalInputFile(file), uri, limits);
    }

    public static ParquetRecordReader open(InputFile input, String uri) {
        return open(input, uri, ReadLimits.NONE);
    }

    /**
     * A Parquet file anywhere parquet-java can seek in: a local file, or ranged reads of an object.
     * Its footer is checked against the limits before any row is read: each row group's
     * uncompressed size, and the whole file's uncompressed bytes and rows.
     */
    public static ParquetRecordReader open(InputFile input, String uri, ReadLimits limits) {
        checkMagic(input, uri);
        ParquetFileReader file;
        try {
            file = ParquetFileReader.open(input,
                    ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(new ParquetCodecs()).build());
        } catch (IOException | RuntimeException e) {
            throw new FormatException(uri, "cannot read the Parquet footer: " + FormatException.reason(e));
        }
        try {
            checkFooter(file.getRowGroups(), uri, limits);
            return new ParquetRecordReader(uri, file, limits.memory());
        } catch (RuntimeException e) {
            closeQuietly(file);
            throw e instanceof FormatException ? e : new FormatException(uri, "cannot read the Parquet file: "
                    + FormatException.reason(e));
        }
    }

    private static void checkFooter(List<BlockMetaData> groups, String uri, ReadLimits limits) {
        long bytes = 0;
        long rows = 0;
        for (int i = 0; i < groups.size(); i++) {
            long groupBytes = groups.get(i).getTotalByteSize();
            if (groupBytes > limits.maxRowGroupBytes()) {
                throw new FormatException(uri, "row group " + (i + 1) + " holds " + ReadLimits.size(groupBytes)
                        + " uncompressed; this server reads row groups of at most " + ReadLimits.size(limits.maxRowGroupBytes())
                        + " (STATEGRAPH_SYNC_MAX_ROW_GROUP_BYTES): export smaller row groups, or raise the limit and the heap");
            }
            bytes += groupBytes;
            rows += groups.get(i).getRowCount();
        }
        if (bytes > limits.maxBytes()) {
            throw new FormatException(uri, "the file holds " + ReadLimits.size(bytes) + " uncompressed; " + limits.bytesRule());
        }
        if (rows > limits.maxRows()) {
            throw new FormatException(uri, "the file holds " + rows + " rows; " + limits.rowsRule());
        }
    }

    /** What a row group takes while it is read: its compressed chunks, and at most its decoded pages. */
    private static long need(BlockMetaData group) {
        long compressed = group.getColumns().stream().mapToLong(ColumnChunkMetaData::getTotalSize).sum();
        return compressed + group.getTotalByteSize();
    }

    /**
     * Parquet starts and ends with PAR1. The end is read with the footer (one request from a
     * store); the start only when the end is wrong, to tell "not Parquet" from "cut short".
     */
    private static void checkMagic(InputFile input, String uri) {
        try (SeekableInputStream in = input.newStream()) {
            long size = input.getLength();
            if (size == 0) {
                throw new FormatException(uri, "the file is empty");
            }
            if (size >= 12) {
                in.seek(size - 4);
                byte[] tail = new byte[4];
                in.readFully(tail);
                if (Arrays.equals(tail, MAGIC)) {
                    return;
                }
            }
            in.seek(0);
            byte[] head = new byte[(int) Math.min(4, size)];
            in.readFully(head);
            throw new FormatException(uri, Arrays.equals(head, MAGIC) && size >= 12
                    ? "the Parquet file is truncated (it does not end with PAR1)"
                    : "not a Parquet file (it does not start with PAR1)");
        } catch (IOException e) {
            throw new FormatException(uri, "cannot read the file: " + e.getMessage());
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next(Object[] values) throws IOException {
        while (remaining == 0) {
            if (!nextRowGroup()) {
                return false;
            }
        }
        Object[] record = rows.next();
        remaining--;
        System.arraycopy(record, 0, values, 0, record.length);
        row++;
        return true;
    }

    private boolean nextRowGroup() throws IOException {
        releaseHeld();
        if (group + 1 >= groups.size()) {
            return false;
        }
        BlockMetaData next = groups.get(group + 1);
        if (next.getRowCount() == 0) {
            // parquet-java skips an empty row group by itself when asked for the next one; stay in step with it.
            file.skipNextRowGroup();
            group++;
            return true;
        }
        long needed = need(next);
        try {
            memory.acquire(needed, uri, group + 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for memory to read a row group", e);
        }
        held = needed;
        group++;
        PageReadStore pages = file.readNextRowGroup();
        if (pages == null) {
            return false;
        }
        bytes += next.getTotalByteSize();
        remaining = pages.getRowCount();
        rows = assembly.rows(pages);
        return true;
    }

    private void releaseHeld() {
        if (held > 0) {
            rows = null;
            memory.release(held);
            held = 0;
        }
    }

    @Override
    public long row() {
        return row;
    }

    /** Uncompressed bytes of the row groups read so far. */
    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        releaseHeld();
        file.close();
    }

    private static void closeQuietly(ParquetFileReader file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // already failing with the more useful error
        }
    }
}
