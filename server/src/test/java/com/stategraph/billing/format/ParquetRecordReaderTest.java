package com.stategraph.billing.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every physical and logical type providers write, under every codec they use, read back exactly. */
class ParquetRecordReaderTest {
    private static final String SCHEMA = """
            message all_types {
              optional int32 d32 (DECIMAL(9,2));
              optional int64 d64 (DECIMAL(18,6));
              optional fixed_len_byte_array(16) dfixed (DECIMAL(38,9));
              optional binary dbinary (DECIMAL(30,10));
              optional double dbl;
              optional float flt;
              optional int64 ts_millis_utc (TIMESTAMP(MILLIS,true));
              optional int64 ts_micros_local (TIMESTAMP(MICROS,false));
              optional int64 ts_nanos_utc (TIMESTAMP(NANOS,true));
              optional int96 ts_int96;
              optional int32 day (DATE);
              optional binary text (STRING);
              optional boolean flag;
              optional int64 count;
              optional group tags (MAP) {
                repeated group key_value { required binary key (STRING); optional binary value (STRING); }
              }
              optional group labels (LIST) {
                repeated group list { optional group element { optional binary key (STRING); optional binary value (STRING); } }
              }
            }""";

    @org.junit.jupiter.api.Test
    void rangedReadsInSmallWindowsGiveTheSameRowsAsTheLocalFile() throws Exception {
        Path file = Files.createTempDirectory("ranges-").resolve("rows.parquet");
        java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(Map.of("d64", new BigDecimal(i).movePointLeft(6), "text", "row " + i, "count", (long) i));
        }
        ExportFixtures.parquet(file, SCHEMA, rows, CompressionCodecName.SNAPPY);
        int[] requests = {0};
        var store = new com.stategraph.billing.storage.LocalFileStore();
        var location = com.stategraph.billing.storage.Location.parse("file://" + file);
        RangeInputFile ranged = new RangeInputFile((offset, length) -> {
            requests[0]++;
            return store.openRange(location, file.toString(), offset, length);
        }, Files.size(file), 1024);
        try (ParquetRecordReader local = ParquetRecordReader.open(file, "file://" + file);
             ParquetRecordReader remote = ParquetRecordReader.open(ranged, "s3://b/rows.parquet")) {
            Object[] a = new Object[16];
            Object[] b = new Object[16];
            int n = 0;
            while (local.next(a)) {
                assertThat(remote.next(b)).isTrue();
                assertThat(b).containsExactly(a);
                n++;
            }
            assertThat(remote.next(b)).isFalse();
            assertThat(n).isEqualTo(5000);
        }
        assertThat(requests[0]).as("head, tail, footer and row data each by ranged reads").isGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "ZSTD", "GZIP"})
    void readsEveryTypeExactly(CompressionCodecName codec) throws Exception {
        Path file = Files.createTempDirectory("types-").resolve("all.parquet");
        Instant t = Instant.parse("2026-10-01T12:34:56.123456789Z");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("d32", new BigDecimal("-1234567.89"));
        row.put("d64", new BigDecimal("123456789012.345678"));
        row.put("dfixed", new BigDecimal("-12345678901234567890123456789.123456789"));
        row.put("dbinary", new BigDecimal("0.0000000001"));
        row.put("dbl", 0.1);
        row.put("flt", 0.25f);
        row.put("ts_millis_utc", t);
        row.put("ts_micros_local", t);
        row.put("ts_nanos_utc", t);
        row.put("ts_int96", t);
        row.put("day", 20_362);
        row.put("text", "Amazon EC2 – ü");
        row.put("flag", true);
        row.put("count", 42L);
        row.put("tags", Map.of("team", "core"));
        row.put("labels", List.of(Map.of("key", "env", "value", "prod"), Map.of("key", "app", "value", "web")));
        ExportFixtures.parquet(file, SCHEMA, List.of(row, Map.of()), codec);

        try (ParquetRecordReader reader = ParquetRecordReader.open(file, "file://" + file)) {
            assertThat(reader.columns()).startsWith("d32", "d64", "dfixed", "dbinary").hasSize(16);
            Object[] v = new Object[16];
            assertThat(reader.next(v)).isTrue();
            assertThat(v[0]).isEqualTo(new BigDecimal("-1234567.89"));
            assertThat(v[1]).isEqualTo(new BigDecimal("123456789012.345678"));
            assertThat(v[2]).isEqualTo(new BigDecimal("-12345678901234567890123456789.123456789"));
            assertThat(v[3]).isEqualTo(new BigDecimal("0.0000000001"));
            assertThat(v[4]).isEqualTo(0.1);
            assertThat(v[5]).isEqualTo(0.25f);
            assertThat(v[6]).isEqualTo(Instant.parse("2026-10-01T12:34:56.123Z"));
            assertThat(v[7]).as("a timestamp without the UTC flag is read as UTC").isEqualTo(Instant.parse("2026-10-01T12:34:56.123456Z"));
            assertThat(v[8]).isEqualTo(t);
            assertThat(v[9]).isEqualTo(t);
            assertThat(v[10]).isEqualTo(Instant.parse("2025-10-01T00:00:00Z"));
            assertThat(v[11]).isEqualTo("Amazon EC2 – ü");
            assertThat(v[12]).isEqualTo(true);
            assertThat(v[13]).isEqualTo(42L);
            assertThat(v[14]).isEqualTo(Map.of("team", "core"));
            assertThat(v[15]).isEqualTo(List.of(Map.of("key", "env", "value", "prod"), Map.of("key", "app", "value", "web")));
            assertThat(reader.row()).isEqualTo(1);
            assertThat(reader.next(v)).isTrue();
            assertThat(v).containsOnlyNulls();
            assertThat(reader.next(v)).isFalse();
        }
    }
}
