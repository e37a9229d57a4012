package com.stategraph.billing.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stategraph.billing.sync.SyncMemory;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

/** A file is read only as far as the limits allow, and each refusal names the file and the setting. */
class ReadLimitsTest {
    private static final String SCHEMA = "message m { optional binary text (STRING); optional int64 n; }";

    private static ReadLimits limits(long maxBytes, long maxRows, int maxExpansion, RowGroupMemory memory) {
        return new ReadLimits(Long.MAX_VALUE, memory, maxBytes, "BYTES RULE", maxRows, "ROWS RULE", maxExpansion);
    }

    private static byte[] csv(int rows) {
        StringBuilder sb = new StringBuilder("ServiceName,BilledCost\n");
        for (int i = 0; i < rows; i++) {
            sb.append("Amazon Simple Storage Service,").append(i).append(".25\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCsvPastItsRowLimitStopsAtTheFirstRowTooMany() throws Exception {
        int allowed = 5;
        try (CsvRecordReader reader = CsvRecordReader.open(new ByteArrayInputStream(csv(allowed + 3)), "s3://b/rows.csv",
                limits(Long.MAX_VALUE, allowed, 100, RowGroupMemory.UNLIMITED))) {
            Object[] values = new Object[2];
            for (int i = 0; i < allowed; i++) {
                assertThat(reader.next(values)).isTrue();
            }
            assertThatThrownBy(() -> reader.next(values)).isInstanceOf(FormatException.class)
                    .hasMessage("s3://b/rows.csv: the file holds more than " + allowed + " rows; ROWS RULE");
        }
    }

    @Test
    void aCsvThatExpandsPastItsByteLimitIsStopped() throws Exception {
        byte[] text = csv(2000);
        long allowed = text.length / 4;
        assertThatThrownBy(() -> {
            try (CsvRecordReader reader = CsvRecordReader.open(new ByteArrayInputStream(text), "s3://b/big.csv",
                    limits(allowed, Long.MAX_VALUE, 100, RowGroupMemory.UNLIMITED))) {
                Object[] values = new Object[2];
                while (reader.next(values)) {
                    assertThat(reader.bytes()).isLessThanOrEqualTo(allowed);
                }
            }
        }).isInstanceOf(FormatException.class).hasMessageStartingWith("s3://b/big.csv: the file expands to more than")
                .hasMessageEndingWith("BYTES RULE");
    }

    @Test
    void aGzipBombOfValidRowsIsStoppedOnceItExpandsFarBeyondAnyExport() throws Exception {
        // The same valid row again and again: gzip shrinks it about a thousand times, a real export about ten.
        Path bomb = Files.createTempDirectory("bomb-").resolve("bomb.csv.gz");
        byte[] row = "Amazon Simple Storage Service,0.25\n".getBytes(StandardCharsets.UTF_8);
        long target = ReadLimits.EXPANSION_GRACE_BYTES * 2;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
            out.write("ServiceName,BilledCost\n".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < target; written += row.length) {
                out.write(row);
            }
        }
        long compressed = Files.size(bomb);
        assertThat(target / compressed).as("the fixture really is a bomb").isGreaterThan(100);

        long[] read = {0};
        assertThatThrownBy(() -> {
            try (CsvRecordReader reader = CsvRecordReader.open(Files.newInputStream(bomb), "gs://b/bomb.csv.gz",
                    limits(Long.MAX_VALUE, Long.MAX_VALUE, 100, RowGroupMemory.UNLIMITED))) {
                Object[] values = new Object[2];
                while (reader.next(values)) {
                    read[0] = reader.bytes();
                }
            }
        }).isInstanceOf(FormatException.class).hasMessageStartingWith("gs://b/bomb.csv.gz: the file expands to more than 100"
                + " times its compressed size").hasMessageContaining("STATEGRAPH_SYNC_MAX_EXPANSION");
        assertThat(read[0]).as("stopped soon after the grace, not at the end").isLessThan(target);
    }

    @Test
    void aParquetFileIsJudgedByItsFooterBeforeAnyRowIsRead() throws Exception {
        Path file = Files.createTempDirectory("footer-").resolve("rows.parquet");
        int rows = 50;
        try (ParquetFileWriter w = new ParquetFileWriter(file, SCHEMA, CompressionCodecName.SNAPPY)) {
            for (int i = 0; i < rows; i++) {
                w.write(Map.of("text", "row " + i, "n", (long) i));
            }
        }
        assertThatThrownBy(() -> ParquetRecordReader.open(file, "s3://b/rows.parquet",
                limits(Long.MAX_VALUE, rows - 1, 100, RowGroupMemory.UNLIMITED)))
                .isInstanceOf(FormatException.class).hasMessage("s3://b/rows.parquet: the file holds " + rows + " rows; ROWS RULE");
        assertThatThrownBy(() -> ParquetRecordReader.open(file, "s3://b/rows.parquet",
                limits(1, Long.MAX_VALUE, 100, RowGroupMemory.UNLIMITED)))
                .isInstanceOf(FormatException.class).hasMessageContaining("uncompressed; BYTES RULE");
        try (ParquetRecordReader reader = ParquetRecordReader.open(file, "s3://b/rows.parquet",
                limits(Long.MAX_VALUE, rows, 100, RowGroupMemory.UNLIMITED))) {
            Object[] values = new Object[2];
            int n = 0;
            while (reader.next(values)) {
                n++;
            }
            assertThat(n).as("exactly at the limit is allowed").isEqualTo(rows);
        }
    }

    @Test
    void rowGroupsTakeTheirMemoryOneAtATimeAndGiveItBack() throws Exception {
        Path file = Files.createTempDirectory("groups-").resolve("rows.parquet");
        int rows = 20_000;
        try (ParquetFileWriter w = new ParquetFileWriter(file, SCHEMA, CompressionCodecName.UNCOMPRESSED, 64 * 1024)) {
            for (int i = 0; i < rows; i++) {
                w.write(Map.of("text", "a distinct text value for row " + i, "n", (long) i));
            }
        }
        SyncMemory memory = new SyncMemory(64L << 20);
        try (ParquetRecordReader reader = ParquetRecordReader.open(file, "s3://b/rows.parquet",
                limits(Long.MAX_VALUE, Long.MAX_VALUE, 100, memory))) {
            Object[] values = new Object[2];
            long minFree = memory.bytes();
            int n = 0;
            while (reader.next(values)) {
                assertThat(values[1]).isEqualTo((long) n);
                n++;
                minFree = Math.min(minFree, memory.free());
            }
            assertThat(n).isEqualTo(rows);
            assertThat(minFree).as("a row group was held while it was read").isLessThan(memory.bytes());
            assertThat(memory.bytes() - minFree).as("only one row group at a time, far less than the file")
                    .isLessThan(Files.size(file));
        }
        assertThat(memory.free()).as("all given back").isEqualTo(memory.bytes());

        SyncMemory tiny = new SyncMemory(2048);
        try (ParquetRecordReader reader = ParquetRecordReader.open(file, "s3://b/rows.parquet",
                limits(Long.MAX_VALUE, Long.MAX_VALUE, 100, tiny))) {
            assertThatThrownBy(() -> reader.next(new Object[2])).isInstanceOf(FormatException.class)
                    .hasMessageStartingWith("s3://b/rows.parquet: row group 1 needs about")
                    .hasMessageContaining("STATEGRAPH_SYNC_MEMORY");
        }
        assertThat(tiny.free()).isEqualTo(tiny.bytes());
    }
}
