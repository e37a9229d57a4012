package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.stategraph.billing.db.Migrations;
import com.stategraph.billing.format.ConformanceFindings;
import com.stategraph.billing.format.FocusNormaliser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chunks' COPYs run on a thread of their own: the load's writer hands rows of alternating
 * periods over while the database cannot take them yet, they end up in their periods' tables in
 * order, and a row the database refuses is named by the file and rows of the piece it was in, though
 * the COPYs switched tables between pieces.
 */
class CopyFeederTest {
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
            "ResourceId");

    private static EmbeddedPostgres pg;
    private static DataSource ds;
    private UUID tenant;
    private LoadTable november;
    private LoadTable december;

    @BeforeAll
    static void startDatabase() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        ds = pg.getPostgresDatabase();
        Migrations.upTo(ds, "latest");
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        pg.close();
    }

    /** A tenant of its own per test, and a new load of two consecutive periods. */
    @BeforeEach
    void newLoad() {
        tenant = UUID.randomUUID();
        JdbcClient.create(ds).sql("INSERT INTO tenants (id, name) VALUES (?, ?)").params(tenant, tenant.toString()).update();
        november = new LoadTable(NOVEMBER);
        december = new LoadTable(NOVEMBER.plusMonths(1));
    }

    /** One piece: a chunk of {@code rows} rows of {@code file}, encoded for {@code into} (or, to be refused, with another table's load id). */
    private record Piece(CopyBinaryWriter rows, CopyLines lines) {
    }

    private Piece piece(LoadTable into, UUID loadId, String file, int rows) throws Exception {
        FocusNormaliser normaliser = new FocusNormaliser(file, HEADER, new ConformanceFindings());
        RowChunk chunk = new RowChunk();
        for (int r = 1; r <= rows; r++) {
            com.stategraph.billing.format.CanonicalRow row = normaliser.normalise(new Object[] {"1." + r, "EUR", into.period + "T00:00:00Z",
                    into.period.plusDays(r % 20) + "T00:00:00Z", "vol-" + r}, r);
            ChunkRows.add(chunk, row, file, r);
        }
        chunk.resolve(new StringDictionary(ds, tenant));
        CopyLines lines = new CopyLines();
        lines.chunk(chunk);
        CopyBinaryWriter w = new CopyBinaryWriter(1 << 10);
        w.startRow(ChunkCopies.FIELDS);
        w.uuidField(tenant);
        w.uuidField(tenant);
        w.uuidField(loadId);
        w.dateField(into.period);
        w.int4Field(into.chunks++);
        w.int4Field(chunk.size());
        chunk.writeColumns(w);
        return new Piece(w, lines);
    }

    @Test
    void piecesOfAlternatingPeriodsAreHandedOverWhileTheDatabaseWaitsAndStoredInOrder() throws Exception {
        List<LoadTable> order = List.of(november, december, november, november, december);
        List<Integer> sizes = List.of(40, 30, 20, 10, 5);
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            pieces.add(piece(order.get(i), order.get(i).loadId, "file:///part-" + i + ".csv", sizes.get(i)));
        }
        try (Connection load = ds.getConnection(); Connection locker = ds.getConnection()) {
            load.setAutoCommit(false);
            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                // A load's table is made LIKE billing_chunks: nothing reaches the database until this transaction ends.
                st.execute("LOCK TABLE billing_chunks IN ACCESS EXCLUSIVE MODE");
            }
            try (CopyFeeder feeder = new CopyFeeder(load, 1 << 20, "test-copy")) {
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                    for (int i = 0; i < pieces.size(); i++) {
                        feeder.send(order.get(i), pieces.get(i).rows(), pieces.get(i).lines());
                    }
                }, "handing pieces over must not wait for the database");
                ChunkIdsTest.awaitLockWait(JdbcClient.create(ds), "billing_chunks", "the feeder never tried to make the load's table");
                locker.commit();
                feeder.pause();
            }
            assertThat(chunks(load, november)).containsExactly("0 40", "1 20", "2 10");
            assertThat(chunks(load, december)).containsExactly("0 30", "1 5");
        }
    }

    @Test
    void aRowTheDatabaseRefusesIsNamedByTheFileAndRowsOfItsPiece() throws Exception {
        Piece first = piece(november, november.loadId, "file:///first.csv", 12);
        Piece other = piece(december, december.loadId, "file:///other.csv", 7);
        Piece good = piece(november, november.loadId, "file:///good.csv", 9);
        // The table's constraint takes only its own load's rows: this chunk says it is of December's load.
        Piece refused = piece(november, december.loadId, "file:///refused.csv", 5);
        try (Connection load = ds.getConnection()) {
            load.setAutoCommit(false);
            try (CopyFeeder feeder = new CopyFeeder(load, 1 << 20, "test-copy")) {
                feeder.send(november, first.rows(), first.lines());
                feeder.send(december, other.rows(), other.lines());
                feeder.send(november, good.rows(), good.lines());
                feeder.send(november, refused.rows(), refused.lines());
                // The second line of the second COPY into November's table.
                assertThatThrownBy(feeder::pause).isInstanceOf(BillingLoad.LoadException.class)
                        .hasMessageStartingWith("file:///refused.csv: rows 1 to 5: the database cannot store a value");
                assertThatThrownBy(() -> feeder.send(november, good.rows(), good.lines()))
                        .as("the failure stays with the feeder").isInstanceOf(BillingLoad.LoadException.class);
            }
            load.rollback();
        }
    }

    /** Each stored chunk of the table, in order: its number and its row count; read in the load's own transaction. */
    private static List<String> chunks(Connection load, LoadTable table) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = load.createStatement();
             ResultSet rs = st.executeQuery("SELECT chunk, row_count FROM " + table.name + " ORDER BY chunk")) {
            while (rs.next()) {
                out.add(rs.getInt(1) + " " + rs.getInt(2));
            }
        }
        return out;
    }

}
