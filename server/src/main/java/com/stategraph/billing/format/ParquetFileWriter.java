package com.stategraph.billing.format;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter.Mode;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Writes Parquet files in the shapes providers export, for the demo's sample data and for
 * benchmarks and tests: rows are maps of column name to a Java value (strings, decimals, doubles,
 * instants, maps, lists of maps), converted by the schema's physical and logical types.
 */
public final class ParquetFileWriter implements AutoCloseable {
    private final MessageType schema;
    private final SimpleGroupFactory groups;
    private final ParquetWriter<Group> writer;

    public ParquetFileWriter(Path file, String schemaText, CompressionCodecName codec) throws IOException {
        this(file, schemaText, codec, ParquetWriter.DEFAULT_BLOCK_SIZE);
    }

    /** With row groups of about {@code rowGroupBytes} (parquet-java's default is 128 MiB). */
    public ParquetFileWriter(Path file, String schemaText, CompressionCodecName codec, long rowGroupBytes) throws IOException {
        this(new LocalOutputFile(file), schemaText, codec, rowGroupBytes);
    }

    /** To any output, a stream included: parquet-java writes a file front to back, the footer last. */
    public ParquetFileWriter(OutputFile file, String schemaText, CompressionCodecName codec, long rowGroupBytes) throws IOException {
        this.schema = MessageTypeParser.parseMessageType(schemaText);
        this.groups = new SimpleGroupFactory(schema);
        this.writer = ExampleParquetWriter.builder(file)
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCodecFactory(new ParquetCodecs())
                .withCompressionCodec(codec)
                .withWriteMode(Mode.OVERWRITE)
                .withRowGroupSize(rowGroupBytes)
                .build();
    }

    public void write(Map<String, ?> row) throws IOException {
        Group g = groups.newGroup();
        fill(g, schema, row);
        writer.write(g);
    }

    private static void fill(Group g, GroupType type, Map<String, ?> values) {
        for (Type field : type.getFields()) {
            Object v = values.get(field.getName());
            if (v == null) {
                continue;
            }
            if (field.isRepetition(Type.Repetition.REPEATED) && v instanceof List<?> items) {
                items.forEach(item -> add(g, field, item));
            } else {
                add(g, field, v);
            }
        }
    }

    private static void add(Group g, Type field, Object v) {
        String name = field.getName();
        if (!field.isPrimitive()) {
            GroupType group = field.asGroupType();
            Group child = g.addGroup(name);
            LogicalTypeAnnotation logical = group.getLogicalTypeAnnotation();
            Type repeated = group.getFieldCount() == 1 ? group.getType(0) : null;
            if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation && repeated != null) {
                ((Map<?, ?>) v).forEach((k, val) -> {
                    Group kv = child.addGroup(repeated.getName());
                    GroupType kvType = repeated.asGroupType();
                    add(kv, kvType.getType(0), k);
                    if (val != null) {
                        add(kv, kvType.getType(1), val);
                    }
                });
            } else if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && repeated != null) {
                for (Object item : (List<?>) v) {
                    Group element = child.addGroup(repeated.getName());
                    Type elementType = repeated.asGroupType().getType(0);
                    if (item != null) {
                        add(element, elementType, item);
                    }
                }
            } else {
                @SuppressWarnings("unchecked") Map<String, ?> struct = (Map<String, ?>) v;
                fill(child, group, struct);
            }
            return;
        }
        PrimitiveType p = field.asPrimitiveType();
        LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            BigDecimal unscaled = new BigDecimal(v.toString()).setScale(d.getScale());
            switch (p.getPrimitiveTypeName()) {
                case INT32 -> g.add(name, unscaled.unscaledValue().intValueExact());
                case INT64 -> g.add(name, unscaled.unscaledValue().longValueExact());
                case FIXED_LEN_BYTE_ARRAY -> g.add(name, Binary.fromConstantByteArray(
                        fixed(unscaled.unscaledValue().toByteArray(), p.getTypeLength())));
                default -> g.add(name, Binary.fromConstantByteArray(unscaled.unscaledValue().toByteArray()));
            }
            return;
        }
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
            Instant i = v instanceof Instant instant ? instant : Instant.parse(v.toString());
            long micros = Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
            g.add(name, switch (ts.getUnit()) {
                case MILLIS -> i.toEpochMilli();
                case MICROS -> micros;
                case NANOS -> Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
            });
            return;
        }
        switch (p.getPrimitiveTypeName()) {
            case DOUBLE -> g.add(name, ((Number) v).doubleValue());
            case FLOAT -> g.add(name, ((Number) v).floatValue());
            case INT32 -> g.add(name, ((Number) v).intValue());
            case INT64 -> g.add(name, ((Number) v).longValue());
            case BOOLEAN -> g.add(name, (Boolean) v);
            case INT96 -> g.add(name, Binary.fromConstantByteArray(int96((Instant) v)));
            default -> g.add(name, v.toString());
        }
    }

    private static byte[] fixed(byte[] twosComplement, int length) {
        byte[] out = new byte[length];
        byte pad = (byte) (twosComplement[0] < 0 ? 0xFF : 0);
        int offset = length - twosComplement.length;
        for (int i = 0; i < length; i++) {
            out[i] = i < offset ? pad : twosComplement[i - offset];
        }
        return out;
    }

    private static byte[] int96(Instant i) {
        long days = Math.floorDiv(i.getEpochSecond(), 86_400L);
        long nanosOfDay = Math.floorMod(i.getEpochSecond(), 86_400L) * 1_000_000_000L + i.getNano();
        return ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(nanosOfDay).putInt((int) (days + 2_440_588L)).array();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
