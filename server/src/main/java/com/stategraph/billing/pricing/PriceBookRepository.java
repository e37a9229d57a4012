package com.stategraph.billing.pricing;

import com.stategraph.billing.db.Timestamps;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The table pricing.books: what the current book holds. */
public final class PriceBookRepository {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private PriceBookRepository() {
    }

    static String source(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT source FROM pricing.books WHERE id = 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    public static PriceBook read(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT products, by_vendor::text, loaded_at FROM pricing.books WHERE id = 1")) {
            if (!rs.next()) {
                return new PriceBook(0, Map.of(), null);
            }
            Map<String, Long> byVendor = new TreeMap<>();
            JsonNode vendors = JSON.readTree(rs.getString(2));
            for (Iterator<Map.Entry<String, JsonNode>> it = vendors.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                byVendor.put(e.getKey(), e.getValue().asLong());
            }
            return new PriceBook(rs.getLong(1), byVendor, Timestamps.toInstant(rs.getTimestamp(3)));
        }
    }
}
