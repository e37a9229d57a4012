package com.stategraph.billing.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Where one kind of a tenant's dictionary keeps its values: a row each, or the ResourceIds' blocks. */
interface DictionaryStorage {
    /**
     * The ids of {@code values} (distinct), storing those the tenant does not have yet and committing
     * them on {@code c} at once: the values are then the tenant's for every other sync.
     */
    Map<String, Integer> resolve(Connection c, List<String> values) throws SQLException, StringDictionary.RefusedValue;
}
