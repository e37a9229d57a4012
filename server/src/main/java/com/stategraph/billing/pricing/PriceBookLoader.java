package com.stategraph.billing.pricing;

import com.stategraph.billing.domain.ConflictException;
import com.stategraph.billing.domain.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

/**
 * Loads a price book: the CSV of cloud-pricing-api's {@code products} table (gzipped or not),
 * streamed through PostgreSQL's own CSV COPY into a new table, indexed, then swapped in for the
 * old one in the same transaction. Memory does not grow with the file; a refused file leaves the
 * old book as it was.
 */
public final class PriceBookLoader {
    static final String HEADER = "productHash,sku,vendorName,region,service,productFamily,attributes,prices";
    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(hashtextextended('price-book-load', 0))";

    private final DataSource dataSource;

    public PriceBookLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param source where the book came from, for {@code GET /api/v1/pricing} and the log */
    public PriceBook load(InputStream body, String source) {
        InputStream in = new BufferedInputStream(body, 1 << 16);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                PriceBook book = load(c, gunzipped(in), source);
                c.commit();
                return book;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (PSQLException e) {
            throw new InvalidInputException("INVALID_PRICE_BOOK", "the price book was refused: " + describe(e));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the price book: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException("INVALID_PRICE_BOOK", "the price book could not be read: " + e.getMessage());
        }
    }

    private PriceBook load(Connection c, InputStream csv, String source) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL statement_timeout = 0"); // minutes for millions of products
            try (var rs = st.executeQuery(LOCK)) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new ConflictException("LOAD_RUNNING", "another price book load is running; try again when it is done");
                }
            }
            String header = firstLine(csv);
            if (!header.equals(HEADER)) {
                throw new InvalidInputException("INVALID_PRICE_BOOK", "line 1: the header must be " + HEADER + ", not "
                        + (header.length() > 200 ? header.substring(0, 200) + "..." : header));
            }
            st.execute("CREATE TABLE pricing.products_loading (LIKE pricing.products INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
        }
        // The table is new in this transaction: frozen as written, no index to maintain while rows go in.
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY pricing.products_loading (product_hash, sku, vendor_name, region,"
                + " service, product_family, attributes, prices) FROM STDIN (FORMAT csv, FREEZE)", csv);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX products_lookup_loading ON pricing.products_loading (vendor_name, service, product_family,"
                    + " region)");
            st.execute("DROP TABLE pricing.products");
            st.execute("ALTER TABLE pricing.products_loading RENAME TO products");
            st.execute("ALTER INDEX pricing.products_lookup_loading RENAME TO products_lookup");
            st.execute("ANALYZE pricing.products");
        }
        try (PreparedStatement book = c.prepareStatement("INSERT INTO pricing.books (id, products, by_vendor, loaded_at, source)"
                + " SELECT 1, coalesce(sum(n), 0), coalesce(jsonb_object_agg(vendor_name, n), '{}'), now(), ? FROM"
                + " (SELECT vendor_name, count(*) AS n FROM pricing.products GROUP BY vendor_name) v"
                + " ON CONFLICT (id) DO UPDATE SET products = excluded.products, by_vendor = excluded.by_vendor,"
                + " loaded_at = excluded.loaded_at, source = excluded.source")) {
            book.setString(1, source);
            book.executeUpdate();
        }
        return PriceBookRepository.read(c);
    }

    /** The stream itself, or what it decompresses to when it starts with gzip's magic bytes. */
    private static InputStream gunzipped(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    /** Reads up to and including the first line break; the stream goes on with the first product. */
    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() > 4096) {
                break;
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** PostgreSQL counts COPY's lines from the first product; the file's line 1 is the header. */
    private static String describe(PSQLException e) {
        var error = e.getServerErrorMessage();
        String message = error == null ? e.getMessage() : error.getMessage();
        if (error != null && "products_prices_valid".equals(error.getConstraint())) {
            message = "a price (USD or CNY) must be a number of 0 or more; negative, NaN, infinite and non-numeric prices are"
                    + " refused";
        }
        String where = error == null ? null : error.getWhere();
        if (where != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("COPY [^,]+, line (\\d+)(, column (\\w+))?").matcher(where);
            if (m.find()) {
                String column = m.group(3) != null ? column(m.group(3))
                        : "products_prices_valid".equals(error.getConstraint()) ? "prices" : null;
                return "line " + (Long.parseLong(m.group(1)) + 1) + (column == null ? "" : ", column " + column) + ": " + message;
            }
        }
        return message;
    }

    private static String column(String db) {
        return switch (db) {
            case "product_hash" -> "productHash";
            case "vendor_name" -> "vendorName";
            case "product_family" -> "productFamily";
            default -> db;
        };
    }
}
