package com.stategraph.billing.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.storage.StoredFile;
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

    /** The local file system as a store, counting its ranged reads (each is one request to a cloud store). */
    private static final class CountingStore extends com.stategraph.billing.storage.LocalFileStore {
        int ranges;

        CountingStore() {
            super(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
        }

        @Override
        public java.io.InputStream openRange(com.stategraph.billing.storage.Location location, String key, long offset,
                                             long length) {
            ranges++;
            return super.openRange(location, key, offset, length);
        }
    }

    private static StoredFile stored(CountingStore store, Path file) throws java.io.IOException {
        return new StoredFile(store, com.stategraph.billing.storage.Location.parse("file://" + file), file.toString(),
                Files.size(file), "s3://b/" + file.getFileName());
    }

    @org.junit.jupiter.api.Test
    void theFooterTakesOneRequestAndRowGroupsAreReadInWindowsGivingTheSameRows() throws Exception {
        Path file = Files.createTempDirectory("ranges-").resolve("rows.parquet");
        java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 60_000; i++) {
            rows.add(Map.of("d64", new BigDecimal(i).movePointLeft(6), "text", "row " + i + " " + random.nextLong(),
                    "count", (long) i));
        }
        ExportFixtures.parquet(file, SCHEMA, rows, CompressionCodecName.UNCOMPRESSED);
        assertThat(Files.size(file)).as("larger than the tail read").isGreaterThan(StoredParquetFile.TAIL * 2L);
        CountingStore store = new CountingStore();
        try (ParquetRecordReader local = ParquetRecordReader.open(file, "file://" + file);
             ParquetRecordReader remote = ParquetRecordReader.open(new StoredParquetFile(stored(store, file), 64 * 1024),
                     "s3://b/rows.parquet")) {
            assertThat(store.ranges).as("magic, footer length and footer: one tail read").isEqualTo(1);
            Object[] a = new Object[16];
            Object[] b = new Object[16];
            int n = 0;
            while (local.next(a)) {
                assertThat(remote.next(b)).isTrue();
                assertThat(b).containsExactly(a);
                n++;
            }
            assertThat(remote.next(b)).isFalse();
            assertThat(n).isEqualTo(rows.size());
        }
        assertThat(store.ranges).as("then the row group's column chunks by ranged reads").isGreaterThanOrEqualTo(2);
    }

    @org.junit.jupiter.api.Test
    void aSmallFileIsReadWhollyFromTheTail() throws Exception {
        Path file = Files.createTempDirectory("ranges-").resolve("small.parquet");
        ExportFixtures.parquet(file, SCHEMA, List.of(Map.of("text", "only", "count", 1L)), CompressionCodecName.SNAPPY);
        CountingStore store = new CountingStore();
        try (ParquetRecordReader reader = ParquetRecordReader.open(new StoredParquetFile(stored(store, file)), "s3://b/small")) {
            Object[] values = new Object[16];
            assertThat(reader.next(values)).isTrue();
            assertThat(values[11]).isEqualTo("only");
            assertThat(reader.next(values)).isFalse();
        }
        assertThat(store.ranges).isEqualTo(1);
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

    @org.junit.jupiter.api.Test
    void aMapKeepsItsEntriesInOrderWithNullValuesAndStartsAfreshOnEachRow() throws Exception {
        Path file = Files.createTempDirectory("maps-").resolve("maps.parquet");
        Map<String, Object> three = new LinkedHashMap<>();
        three.put("team", "core");
        three.put("owner", null);
        three.put("env", "prod");
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("tags", three);
        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put("tags", Map.of());
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("tags", Map.of("env", "dev"));
        ExportFixtures.parquet(file, SCHEMA, List.of(first, empty, Map.of(), one), CompressionCodecName.SNAPPY);

        try (ParquetRecordReader reader = ParquetRecordReader.open(file, "file://" + file)) {
            Object[] v = new Object[16];
            assertThat(reader.next(v)).isTrue();
            assertThat(v[14]).isInstanceOf(Map.class).isEqualTo(three);
            assertThat(List.copyOf(((Map<?, ?>) v[14]).keySet())).as("the file's order").isEqualTo(List.of("team", "owner", "env"));
            assertThat(reader.next(v)).isTrue();
            assertThat(v[14]).as("a map without entries").isEqualTo(Map.of());
            assertThat(reader.next(v)).isTrue();
            assertThat(v[14]).as("no map").isNull();
            assertThat(reader.next(v)).isTrue();
            assertThat(v[14]).as("nothing of the rows before").isEqualTo(Map.of("env", "dev"));
            assertThat(reader.next(v)).isFalse();
        }
    }

    @org.junit.jupiter.api.Test
    void nestedColumnsBetweenFlatOnesKeepEveryRowInStepAcrossRowGroups() throws Exception {
        String schema = """
                message mixed {
                  required binary id (STRING);
                  optional group tags (MAP) {
                    repeated group key_value { required binary key (STRING); optional binary value (STRING); }
                  }
                  optional double cost;
                  optional group labels (LIST) { repeated group list { optional binary element (STRING); } }
                  required int64 n;
                  repeated int32 codes;
                  optional binary note (STRING);
                }""";
        java.util.Random random = new java.util.Random(11);
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", "r" + i);
            if (random.nextInt(4) > 0) {
                Map<String, Object> tags = new LinkedHashMap<>();
                for (int t = random.nextInt(4); t > 0; t--) {
                    tags.put("k" + t, random.nextInt(5) == 0 ? null : "v" + random.nextInt(i + 1));
                }
                row.put("tags", tags);
            }
            if (random.nextInt(3) > 0) {
                row.put("cost", random.nextInt(1000) / 100.0);
            }
            if (random.nextInt(5) == 0) {
                row.put("labels", List.of("a" + random.nextInt(3), "b"));
            }
            row.put("n", (long) i * 7);
            if (random.nextInt(6) == 0) {
                row.put("codes", List.of(random.nextInt(9), i));
            }
            if (random.nextBoolean()) {
                row.put("note", random.nextInt(10) == 0 ? "rare " + i : "common " + random.nextInt(3));
            }
            rows.add(row);
        }
        Path file = Files.createTempDirectory("mixed-").resolve("mixed.parquet");
        try (ParquetFileWriter w = new ParquetFileWriter(file, schema, CompressionCodecName.SNAPPY, 128 * 1024)) {
            for (Map<String, Object> row : rows) {
                w.write(row);
            }
        }
        try (ParquetRecordReader reader = ParquetRecordReader.open(file, "file://" + file);
             org.apache.parquet.hadoop.ParquetFileReader footer = org.apache.parquet.hadoop.ParquetFileReader.open(
                     new org.apache.parquet.io.LocalInputFile(file), org.apache.parquet.ParquetReadOptions.builder(
                             new org.apache.parquet.conf.PlainParquetConfiguration()).build())) {
            assertThat(footer.getRowGroups().size()).as("several row groups").isGreaterThan(2);
            assertThat(reader.columns()).containsExactly("id", "tags", "cost", "labels", "n", "codes", "note");
            Object[] v = new Object[7];
            for (Map<String, Object> row : rows) {
                assertThat(reader.next(v)).isTrue();
                Object[] expected = {row.get("id"), row.get("tags"), row.get("cost"), row.get("labels"), row.get("n"),
                    row.containsKey("codes") ? ((List<?>) row.get("codes")).stream().map(c -> (long) (int) c).toList() : null,
                    row.get("note")};
                assertThat(v).as("row %s", row.get("id")).containsExactly(expected);
            }
            assertThat(reader.next(v)).isFalse();
        }
    }
}
