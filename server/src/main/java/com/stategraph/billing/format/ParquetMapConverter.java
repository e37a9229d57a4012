package com.stategraph.billing.format;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.Type;

/**
 * A Parquet MAP of a repeated key-value group, read straight into one {@code Map}: each entry's key
 * and value go into the map as they end, with no struct per entry. Tags and SkuPriceDetails are
 * such maps on every line of an export, so this is on the hot path. Other shapes are read by the
 * generic group ({@link ParquetConverters}).
 */
final class ParquetMapConverter extends GroupConverter {
    private final Consumer<Object> sink;
    private final Entry entry;
    private Map<String, Object> map;

    private ParquetMapConverter(GroupType keyValue, Consumer<Object> sink) {
        this.sink = sink;
        this.entry = new Entry(keyValue);
    }

    /** The converter for {@code type} when it is a map of key-value entries, else null. */
    static GroupConverter of(GroupType type, Consumer<Object> sink) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (!(logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation)
                || type.getFieldCount() != 1) {
            return null;
        }
        Type entries = type.getType(0);
        if (entries.isPrimitive() || !entries.isRepetition(Type.Repetition.REPEATED)) {
            return null;
        }
        GroupType keyValue = entries.asGroupType();
        int fields = keyValue.getFieldCount();
        return fields == 1 || fields == 2 ? new ParquetMapConverter(keyValue, sink) : null;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
        return entry;
    }

    @Override
    public void start() {
        map = new LinkedHashMap<>();
    }

    @Override
    public void end() {
        sink.accept(map);
    }

    /** One key-value entry: its key and value are kept until it ends, then put into the map. */
    private final class Entry extends GroupConverter {
        private final Converter[] fields;
        private Object key;
        private Object value;

        Entry(GroupType keyValue) {
            fields = new Converter[keyValue.getFieldCount()];
            fields[0] = ParquetConverters.forField(keyValue.getType(0), v -> key = v);
            if (fields.length == 2) {
                fields[1] = ParquetConverters.forField(keyValue.getType(1), v -> value = v);
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return fields[fieldIndex];
        }

        @Override
        public void start() {
            key = null;
            value = null;
        }

        @Override
        public void end() {
            map.put(String.valueOf(key), value);
        }
    }
}
