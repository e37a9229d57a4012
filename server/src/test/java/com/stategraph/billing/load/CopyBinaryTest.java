package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stategraph.billing.db.Migrations;
import com.stategraph.billing.format.ConformanceFindings;
import com.stategraph.billing.format.FocusNormaliser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chunks' binary COPY gives PostgreSQL the very values its own reading of the text gave: each
 * decimal with its display scale, each date-time to the microsecond, rounded as PostgreSQL rounds.
 * PostgreSQL itself is the judge: every value goes in both ways and the two are compared there.
 */
class CopyBinaryTest {
    private static final List<String> EDGES = List.of("0", "-0", "-0.0", "0.000", "5.", ".5", "+3", "-.25", "1e3", "1E-3", "-1.50E-3",
            "1.5E+10", "2.0E+23", "100000000", "0.0001", "0.00001", "12345.6789", "9999.9999", "10000", "1e+0", "000123.4500",
            "-000.000100", "4.9E-324", "1.7976931348623157E308", "0.1", "123456789012345678901234567890.123456789012345678901234567890",
            "1e-100", "-9.99999999999999999999E+99", "0E-10", "0E+10", "7e0", "0.0000000000000000000000000001");

    @Test
    void decimalsAsPostgresqlReadsTheirText() throws Exception {
        List<String> texts = new ArrayList<>(EDGES);
        Random random = new Random(30);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal d = new BigDecimal(new BigInteger(1 + random.nextInt(100), random), random.nextInt(60) - 20);
            d = random.nextBoolean() ? d.negate() : d;
            texts.add(switch (i % 3) {
                case 0 -> d.toString();
                case 1 -> d.toPlainString();
                default -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            });
        }
        NumericBinary numeric = new NumericBinary();
        List<String> differing = compare(texts, "numeric", "n[1]::text = t::numeric::text AND scale(n[1]) = scale(t::numeric)",
                (w, t) -> {
                    w.startArray(CopyBinaryWriter.NUMERIC_OID, 1, false);
                    numeric.set(t);
                    w.numericElement(numeric);
                    w.endArray();
                });
        assertThat(differing).as("decimals whose binary form PostgreSQL reads otherwise than their text").isEmpty();
    }

    /** A sum as its unscaled long and scale, written without its text, reads as its text does. */
    @Test
    void longsAtAScaleAsPostgresqlReadsTheirText() throws Exception {
        List<String> texts = new ArrayList<>();
        Random random = new Random(32);
        List<Long> edges = List.of(0L, 1L, -1L, 9_999L, 10_000L, 10_001L, 100_000_000L, Long.MAX_VALUE / 1000, Long.MAX_VALUE / 1000 + 1,
                Long.MAX_VALUE, Long.MIN_VALUE, -Long.MAX_VALUE);
        for (long u : edges) {
            for (int scale = 0; scale <= 20; scale++) {
                texts.add(BigDecimal.valueOf(u, scale).toPlainString());
            }
        }
        for (int i = 0; i < 20_000; i++) {
            long u = random.nextLong() >> random.nextInt(64);
            u = i % 5 == 0 ? u / 10_000 * 10_000 : u;
            texts.add(BigDecimal.valueOf(u, random.nextInt(21)).toPlainString());
        }
        NumericBinary numeric = new NumericBinary();
        List<String> differing = compare(texts, "numeric", "n[1]::text = t::numeric::text AND scale(n[1]) = scale(t::numeric)",
                (w, t) -> {
                    BigDecimal d = new BigDecimal(t);
                    w.startArray(CopyBinaryWriter.NUMERIC_OID, 1, false);
                    numeric.set(d.unscaledValue().longValueExact(), d.scale());
                    w.numericElement(numeric);
                    w.endArray();
                });
        assertThat(differing).as("sums whose binary form PostgreSQL reads otherwise than their text").isEmpty();
    }

    @Test
    void dateTimesAsPostgresqlReadsTheirText() throws Exception {
        List<String> texts = new ArrayList<>(List.of("2000-01-01T00:00:00Z", "1999-12-31T23:59:59.999999500Z",
                "2026-11-01T00:00:00.000000500Z", "2026-11-01T00:00:00.000001500Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "1970-01-01T00:00:00.123456789Z", "1969-12-31T23:59:59.000000499Z"));
        Random random = new Random(31);
        long earliest = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long latest = Instant.parse("9999-12-31T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 5_000; i++) {
            long second = earliest + (long) (random.nextDouble() * (latest - earliest));
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000 + 500;
                default -> random.nextInt(1_000_000_000);
            };
            texts.add(Instant.ofEpochSecond(second, nanos).toString());
        }
        List<String> differing = compare(texts, "timestamptz", "n[1] = t::timestamptz", (w, t) -> {
            w.startArray(CopyBinaryWriter.TIMESTAMPTZ_OID, 1, false);
            assertThat(CopyBinaryWriter.micros(t)).as("read by position: %s", t).isEqualTo(CopyBinaryWriter.micros(Instant.parse(t)));
            w.timestampElement(CopyBinaryWriter.micros(t));
            w.endArray();
        });
        assertThat(differing).as("date-times whose binary form PostgreSQL reads otherwise than their text").isEmpty();
    }

    @Test
    void arraysWithNullsAndIdsGoInAsWritten() throws Exception {
        List<String> texts = List.of("a");
        List<String> differing = compare(texts, "integer", "n = ARRAY[7, NULL, -1]::integer[]", (w, t) -> {
            w.startArray(CopyBinaryWriter.INT4_OID, 3, true);
            w.int4Element(7);
            w.nullElement();
            w.int4Element(-1);
            w.endArray();
        });
        assertThat(differing).isEmpty();
    }

    @Test
    void aChunkWritesEachColumnsValuesRowByRowThoughColumnsShareTheirText() throws Exception {
        List<String> header = List.of("BilledCost", "EffectiveCost", "ListCost", "ContractedCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart");
        FocusNormaliser normaliser = new FocusNormaliser("file:///a.csv", header, new ConformanceFindings());
        RowChunk chunk = new RowChunk();
        List<String> billed = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        List<String> contracted = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        Random random = new Random(32);
        for (int r = 0; r < 300; r++) {
            // The same instance for billed and effective cost, as a Parquet reader's remembered doubles give it.
            String cost = BigDecimal.valueOf(random.nextInt(1_000_000) - 1_000, random.nextInt(9)).toPlainString();
            String list = r % 3 == 0 ? cost : new BigDecimal(cost).add(BigDecimal.ONE).toPlainString();
            String contract = r % 5 == 0 ? null : r % 2 == 0 ? cost : list;
            String start = "2026-11-" + String.format("%02d", 1 + r % 28) + "T" + String.format("%02d", r % 24) + ":00:00" + (r % 7 == 0 ? ".25Z" : "Z");
            billed.add(cost);
            listed.add(list);
            contracted.add(contract);
            starts.add(start);
            com.stategraph.billing.format.CanonicalRow row = normaliser.normalise(new Object[] {cost, cost, list, contract, "EUR",
                    "2026-11-01T00:00:00Z", start}, r + 1);
            ChunkRows.add(chunk, row, "file:///a.csv", r + 1);
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "latest");
            UUID tenant = UUID.randomUUID();
            JdbcClient db = JdbcClient.create(ds);
            db.sql("INSERT INTO tenants (id, name) VALUES (?, 't')").param(tenant).update();
            chunk.resolve(new StringDictionary(ds, tenant));
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                copyIntoTempTable(c, chunk, tenant);
                try (ResultSet rs = st.executeQuery("SELECT array_to_string(billed_cost, ' '), array_to_string(effective_cost, ' '),"
                        + " array_to_string(list_cost, ' '), array_to_string(contracted_cost, ' ', 'null'),"
                        + " (SELECT array_agg(to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')) FROM unnest(charge_period_start) t)"
                        + " FROM (SELECT " + ChunkArrays.select("billed_cost, effective_cost, list_cost, contracted_cost, charge_period_start")
                        + " FROM chunk_written) c")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(String.join(" ", billed));
                    assertThat(rs.getString(2)).as("the effective cost, read through the billed cost's").isEqualTo(String.join(" ", billed));
                    assertThat(rs.getString(3)).isEqualTo(String.join(" ", listed));
                    assertThat(rs.getString(4)).isEqualTo(String.join(" ", contracted.stream().map(v -> v == null ? "null" : v).toList()));
                    assertThat((String[]) rs.getArray(5).getArray()).containsExactlyElementsOf(starts.stream()
                            .map(t -> t.replace(".25Z", ".250000").replace(":00Z", ":00.000000")).toList());
                }
                try (ResultSet rs = st.executeQuery("SELECT cardinality(effective_cost), cardinality(contracted_cost) FROM chunk_written")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).as("the effective cost equals the billed cost on every line: stored as an empty array").isZero();
                    assertThat(rs.getInt(2)).as("the contracted cost differs on some lines: stored whole").isEqualTo(billed.size());
                }
            }
        }
    }

    /** The chunk as the sync writes it, but into a new temporary table {@code chunk_written} on {@code c}. */
    static void copyIntoTempTable(Connection c, RowChunk chunk, UUID tenant) throws Exception {
        CopyBinaryWriter row = new CopyBinaryWriter(1 << 10);
        row.startRow(ChunkCopies.FIELDS);
        row.uuidField(tenant);
        row.uuidField(UUID.randomUUID());
        row.uuidField(UUID.randomUUID());
        row.dateField(java.time.LocalDate.of(2026, 11, 1));
        row.int4Field(0);
        row.int4Field(chunk.size());
        chunk.writeColumns(row);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE chunk_written (LIKE billing_chunks)");
        }
        PGCopyOutputStream copy = new PGCopyOutputStream(c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn(String.format(ChunkCopies.COPY_SQL.replace(", FREEZE", ""), "chunk_written")));
        copy.write(CopyBinaryWriter.HEADER);
        row.writeTo(copy);
        copy.write(CopyBinaryWriter.TRAILER);
        copy.endCopy();
    }

    @Test
    void textThatIsNotADecimalIsRefused() {
        NumericBinary numeric = new NumericBinary();
        for (String bad : List.of("", "-", ".", "1e", "1e+", "1.2.3", "12a", "e5", "1e5x", "NaN", "Infinity", "1e9999999")) {
            assertThatThrownBy(() -> numeric.set(bad)).as(bad).isInstanceOf(NumberFormatException.class);
        }
    }

    private interface Element {
        void write(CopyBinaryWriter w, String text);
    }

    /** Each text as one row (its number, its text, its value written by {@code element}); the texts for which {@code same} is false. */
    private static List<String> compare(List<String> texts, String type, String same, Element element) throws Exception {
        assertThat(texts).isNotEmpty();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start(); Connection c = pg.getPostgresDatabase().getConnection();
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE written (i integer, n " + type + "[])");
            try (PreparedStatement texts0 = c.prepareStatement("CREATE TABLE texts AS SELECT i - 1 AS i, t FROM unnest(?::text[]) WITH ORDINALITY AS x (t, i)")) {
                texts0.setArray(1, c.createArrayOf("text", texts.toArray()));
                texts0.execute();
            }
            CopyBinaryWriter w = new CopyBinaryWriter(1 << 16);
            for (int i = 0; i < texts.size(); i++) {
                w.startRow(2);
                w.int4Field(i);
                element.write(w, texts.get(i));
            }
            PGCopyOutputStream copy = new PGCopyOutputStream(c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY written FROM STDIN (FORMAT binary)"));
            copy.write(CopyBinaryWriter.HEADER);
            w.writeTo(copy);
            copy.write(CopyBinaryWriter.TRAILER);
            copy.endCopy();
            List<String> differing = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE NOT (" + same + ")),"
                    + " (array_agg(t || ' read as ' || n[1]::text ORDER BY i) FILTER (WHERE NOT (" + same + ")))[1:5] FROM written JOIN texts USING (i)");
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("every text went in").isEqualTo(texts.size());
                if (rs.getLong(2) > 0) {
                    differing.addAll(List.of((String[]) rs.getArray(3).getArray()));
                }
            }
            return differing;
        }
    }
}
