package com.stategraph.billing.export;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.ResolvableType;

/**
 * The columns {@link CsvTable} writes for an answer's results, read from their type, for an answer
 * with no rows: its CSV still names its columns, as a spreadsheet or a script expects.
 */
public final class CsvColumns {
    private CsvColumns() {
    }

    /** The columns of {@code answer}'s {@code results} elements; empty when its type does not tell. */
    public static List<String> ofResults(ResolvableType answer) {
        Class<?> raw = answer.resolve();
        if (raw == null || !raw.isRecord()) {
            return List.of();
        }
        for (RecordComponent c : raw.getRecordComponents()) {
            if (name(c).equals("results") && Collection.class.isAssignableFrom(c.getType())) {
                try {
                    Class<?> element = ResolvableType.forField(raw.getDeclaredField(c.getName()), answer).getGeneric(0).resolve();
                    return element == null ? List.of() : of(element);
                } catch (NoSuchFieldException e) {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    /** As CsvTable flattens an element: nested records by path, its {@code series} a row per point. */
    static List<String> of(Class<?> element) {
        List<String> columns = new ArrayList<>();
        add("", element, columns, true);
        return columns;
    }

    private static void add(String prefix, Class<?> type, List<String> columns, boolean top) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String name = prefix + name(c);
            if (c.getType().isRecord()) {
                add(name + "_", c.getType(), columns, false);
            } else if (top && name.equals("series") && Collection.class.isAssignableFrom(c.getType())) {
                Class<?> point = ResolvableType.forMethodReturnType(c.getAccessor()).getGeneric(0).resolve();
                if (point != null && point.isRecord()) {
                    add("series_", point, columns, false);
                } else {
                    columns.add(name);
                }
            } else {
                columns.add(name);
            }
        }
    }

    private static String name(RecordComponent c) {
        JsonProperty named = c.getAccessor().getAnnotation(JsonProperty.class);
        return named != null && !named.value().isEmpty() ? named.value() : c.getName();
    }
}
