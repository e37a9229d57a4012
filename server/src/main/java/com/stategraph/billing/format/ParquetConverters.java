package com.stategraph.billing.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Converts Parquet values straight into the Java values {@link RecordReader} promises, by their
 * physical and logical type, without an intermediate record model.
 */
final class ParquetConverters {
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private ParquetConverters() {
    }

    /** A converter for a field whose finished values go to {@code sink}. */
    static Converter forField(Type type, Consumer<Object> sink) {
        if (type.isPrimitive()) {
            return primitive(type.asPrimitiveType(), sink);
        }
        GroupConverter map = ParquetMapConverter.of(type.asGroupType(), sink);
        return map != null ? map : new Group(type.asGroupType(), sink);
    }

    private static PrimitiveConverter primitive(PrimitiveType type, Consumer<Object> sink) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            return new DecimalConverter(type.getPrimitiveTypeName(), decimal.getScale(), sink);
        }
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
            return new TimestampConverter(ts.getUnit(), sink);
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return new PrimitiveConverter() {
                @Override
                public void addInt(int days) {
                    sink.accept(LocalDate.ofEpochDay(days).atStartOfDay(ZoneOffset.UTC).toInstant());
                }
            };
        }
        return switch (type.getPrimitiveTypeName()) {
            case BINARY, FIXED_LEN_BYTE_ARRAY -> new StringConverter(sink);
            case INT96 -> new PrimitiveConverter() {
                @Override
                public void addBinary(Binary value) {
                    sink.accept(int96(value));
                }
            };
            default -> new PrimitiveConverter() {
                @Override
                public void addBoolean(boolean value) {
                    sink.accept(value);
                }

                @Override
                public void addDouble(double value) {
                    sink.accept(value);
                }

                @Override
                public void addFloat(float value) {
                    sink.accept(value);
                }

                @Override
                public void addInt(int value) {
                    sink.accept((long) value);
                }

                @Override
                public void addLong(long value) {
                    sink.accept(value);
                }
            };
        };
    }

    /** Legacy INT96 timestamps: 8 bytes of nanoseconds in the day, then the Julian day, little-endian. */
    private static Instant int96(Binary value) {
        ByteBuffer buf = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buf.getLong();
        long julianDay = buf.getInt();
        long epochNanosDay = (julianDay - JULIAN_EPOCH_DAY) * NANOS_PER_DAY;
        return Instant.ofEpochSecond(0, epochNanosDay + nanosOfDay);
    }

    /**
     * A column whose dictionary-encoded values are converted once per dictionary entry rather
     * than once per row: billing exports repeat the same strings and timestamps millions of times.
     */
    private abstract static class DictionaryConverter extends PrimitiveConverter {
        final Consumer<Object> sink;
        private Object[] dictionary;

        DictionaryConverter(Consumer<Object> sink) {
            this.sink = sink;
        }

        abstract Object decode(Dictionary dict, int id);

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary dict) {
            dictionary = new Object[dict.getMaxId() + 1];
            for (int i = 0; i <= dict.getMaxId(); i++) {
                dictionary[i] = decode(dict, i);
            }
        }

        @Override
        public void addValueFromDictionary(int id) {
            sink.accept(dictionary[id]);
        }
    }

    private static final class StringConverter extends DictionaryConverter {
        StringConverter(Consumer<Object> sink) {
            super(sink);
        }

        @Override
        Object decode(Dictionary dict, int id) {
            return dict.decodeToBinary(id).toStringUsingUTF8();
        }

        @Override
        public void addBinary(Binary value) {
            sink.accept(value.toStringUsingUTF8());
        }
    }

    private static final class DecimalConverter extends DictionaryConverter {
        private final PrimitiveType.PrimitiveTypeName physical;
        private final int scale;

        DecimalConverter(PrimitiveType.PrimitiveTypeName physical, int scale, Consumer<Object> sink) {
            super(sink);
            this.physical = physical;
            this.scale = scale;
        }

        @Override
        Object decode(Dictionary dict, int id) {
            return switch (physical) {
                case INT32 -> BigDecimal.valueOf(dict.decodeToInt(id), scale);
                case INT64 -> BigDecimal.valueOf(dict.decodeToLong(id), scale);
                default -> new BigDecimal(new BigInteger(dict.decodeToBinary(id).getBytes()), scale);
            };
        }

        @Override
        public void addInt(int value) {
            sink.accept(BigDecimal.valueOf(value, scale));
        }

        @Override
        public void addLong(long value) {
            sink.accept(BigDecimal.valueOf(value, scale));
        }

        @Override
        public void addBinary(Binary value) {
            sink.accept(new BigDecimal(new BigInteger(value.getBytes()), scale));
        }
    }

    /** Timestamps with or without the UTC flag: a local timestamp is read as UTC, as FOCUS requires. */
    private static final class TimestampConverter extends DictionaryConverter {
        private final LogicalTypeAnnotation.TimeUnit unit;

        TimestampConverter(LogicalTypeAnnotation.TimeUnit unit, Consumer<Object> sink) {
            super(sink);
            this.unit = unit;
        }

        @Override
        Object decode(Dictionary dict, int id) {
            return instant(dict.decodeToLong(id));
        }

        @Override
        public void addLong(long value) {
            sink.accept(instant(value));
        }

        private Instant instant(long value) {
            return switch (unit) {
                case MILLIS -> Instant.ofEpochMilli(value);
                case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
                case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
            };
        }
    }

    /**
     * A struct, map or list. Children are gathered while the group is read; at its end the group
     * becomes a {@code Map} (struct or MAP) or a {@code List} (LIST or a repeated field).
     */
    static final class Group extends GroupConverter {
        private final GroupType type;
        private final Consumer<Object> sink;
        private final Converter[] children;
        private final Object[] slots;

        Group(GroupType type, Consumer<Object> sink) {
            this.type = type;
            this.sink = sink;
            this.children = new Converter[type.getFieldCount()];
            this.slots = new Object[type.getFieldCount()];
            for (int i = 0; i < children.length; i++) {
                Type field = type.getType(i);
                int slot = i;
                Consumer<Object> childSink = field.isRepetition(Type.Repetition.REPEATED)
                        ? v -> repeated(slot).add(v)
                        : v -> slots[slot] = v;
                children[i] = forField(field, childSink);
            }
        }

        @SuppressWarnings("unchecked")
        private List<Object> repeated(int slot) {
            if (slots[slot] == null) {
                slots[slot] = new ArrayList<>();
            }
            return (List<Object>) slots[slot];
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return children[fieldIndex];
        }

        @Override
        public void start() {
            java.util.Arrays.fill(slots, null);
        }

        @Override
        public void end() {
            sink.accept(value());
        }

        private Object value() {
            LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
            if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                    || logical instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
                return map();
            }
            if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
                return list();
            }
            Map<String, Object> struct = new LinkedHashMap<>();
            for (int i = 0; i < slots.length; i++) {
                struct.put(type.getFieldName(i), slots[i]);
            }
            return struct;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> map() {
            Map<String, Object> map = new LinkedHashMap<>();
            if (slots.length == 1 && slots[0] instanceof List<?> entries) {
                for (Object entry : entries) {
                    List<Object> kv = new ArrayList<>(((Map<String, Object>) entry).values());
                    map.put(String.valueOf(kv.get(0)), kv.size() > 1 ? kv.get(1) : null);
                }
            }
            return map;
        }

        @SuppressWarnings("unchecked")
        private List<Object> list() {
            if (slots.length != 1 || slots[0] == null) {
                return List.of();
            }
            List<Object> items = (List<Object>) slots[0];
            Type repeated = type.getType(0);
            // Three-level lists wrap each element in a one-field group; legacy two-level lists do not.
            if (!repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1
                    && !repeated.getName().equals("array") && !repeated.getName().endsWith("_tuple")) {
                List<Object> elements = new ArrayList<>(items.size());
                for (Object item : items) {
                    elements.add(((Map<String, Object>) item).values().iterator().next());
                }
                return elements;
            }
            return items;
        }
    }
}
