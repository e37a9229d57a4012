package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a source's one chunk stored, read from its table as it is, not through the readers. */
final class StoredChunk {
    private StoredChunk() {
    }

    /** How many elements the chunk's array of {@code column} holds. */
    static int cardinality(JdbcClient jdbc, String source, String column) {
        List<Integer> found = jdbc.sql("SELECT cardinality(" + column + ") FROM billing_chunks WHERE source_id = ?::uuid"
                + " UNION ALL SELECT cardinality(" + column + ") FROM billing_chunks_small WHERE source_id = ?::uuid")
                .params(source, source).query(Integer.class).list();
        assertThat(found).as("the source's lines are one chunk").hasSize(1);
        return found.get(0);
    }
}
