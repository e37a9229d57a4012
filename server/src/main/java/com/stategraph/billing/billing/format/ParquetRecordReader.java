package com.stategraph.billing.billing.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/** A local Parquet file, row by row, through parquet-java's streaming record API. */
public final class ParquetRecordReader implements RecordReader {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private final ParquetReader<Object[]> reader;
    private final List<String> columns;
    private long row;

    private ParquetRecordReader(ParquetReader<Object[]> reader, List<String> columns) {
        this.reader = reader;
        this.columns = columns;
    }

    /** @throws FormatException when the file is not Parquet or its footer cannot be read */
    public static ParquetRecordReader open(Path file, String uri) {
        return open(new LocalInputFile(file), uri, Long.MAX_VALUE);
    }

    public static ParquetRecordReader open(Path file, String uri, long maxRowGroupBytes) {
        return open(new LocalInputFile(file), uri, maxRowGroupBytes);
    }

    public static ParquetRecordReader open(InputFile input, String uri) {
        return open(input, uri, Long.MAX_VALUE);
    }

    /**
     * A Parquet file anywhere parquet-java can seek in: a local file, or ranged reads of an object.
     * parquet-java holds a whole row group while it reads it, so a row group larger than
     * {@code maxRowGroupBytes} (uncompressed) is refused before any of it is read.
     */
    public static ParquetRecordReader open(InputFile input, String uri, long maxRowGroupBytes) {
        checkMagic(input, uri);
        RowSupport support = new RowSupport();
        try (ParquetFileReader footer = ParquetFileReader.open(input,
                ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(new ParquetCodecs()).build())) {
            support.columns = footer.getFileMetaData().getSchema().getFields().stream().map(Type::getName).toList();
            for (int i = 0; i < footer.getRowGroups().size(); i++) {
                long bytes = footer.getRowGroups().get(i).getTotalByteSize();
                if (bytes > maxRowGroupBytes) {
                    throw new FormatException(uri, "row group " + (i + 1) + " holds " + mib(bytes) + " MiB uncompressed; this"
                            + " server reads row groups of at most " + mib(maxRowGroupBytes) + " MiB"
                            + " (STATEGRAPH_SYNC_MAX_ROW_GROUP_BYTES): export smaller row groups, or raise the limit and the heap");
                }
            }
        } catch (FormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FormatException(uri, "cannot read the Parquet footer: " + FormatException.reason(e));
        }
        try {
            ParquetReader<Object[]> reader = new ParquetReader.Builder<Object[]>(input, new PlainParquetConfiguration()) {
                @Override
                protected ReadSupport<Object[]> getReadSupport() {
                    return support;
                }
            }.withCodecFactory(new ParquetCodecs()).build();
            return new ParquetRecordReader(reader, support.columns);
        } catch (IOException | RuntimeException e) {
            throw new FormatException(uri, "cannot read the Parquet file: " + FormatException.reason(e));
        }
    }

    private static String mib(long bytes) {
        return String.valueOf(Math.max(1, (bytes + (1 << 20) - 1) >> 20));
    }

    /** Parquet starts and ends with PAR1: a file that does not is not Parquet, or was cut short. */
    private static void checkMagic(InputFile input, String uri) {
        try (SeekableInputStream in = input.newStream()) {
            long size = input.getLength();
            if (size == 0) {
                throw new FormatException(uri, "the file is empty");
            }
            byte[] head = new byte[(int) Math.min(4, size)];
            in.readFully(head);
            if (size < 12 || !Arrays.equals(head, MAGIC)) {
                throw new FormatException(uri, "not a Parquet file (it does not start with PAR1)");
            }
            in.seek(size - 4);
            byte[] tail = new byte[4];
            in.readFully(tail);
            if (!Arrays.equals(tail, MAGIC)) {
                throw new FormatException(uri, "the Parquet file is truncated (it does not end with PAR1)");
            }
        } catch (IOException e) {
            throw new FormatException(uri, "cannot read the file: " + e.getMessage());
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next(Object[] values) throws IOException {
        Object[] record = reader.read();
        if (record == null) {
            return false;
        }
        System.arraycopy(record, 0, values, 0, record.length);
        row++;
        return true;
    }

    @Override
    public long row() {
        return row;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Materialises each record as one array slot per top-level column. */
    private static final class RowSupport extends ReadSupport<Object[]> {
        private List<String> columns = List.of();

        @Override
        public ReadContext init(InitContext context) {
            return new ReadContext(context.getFileSchema());
        }

        @Override
        public RecordMaterializer<Object[]> prepareForRead(Configuration conf, Map<String, String> meta,
                                                           MessageType schema, ReadContext context) {
            return materializer(schema);
        }

        @Override
        public RecordMaterializer<Object[]> prepareForRead(ParquetConfiguration conf, Map<String, String> meta,
                                                           MessageType schema, ReadContext context) {
            return materializer(schema);
        }

        private static RecordMaterializer<Object[]> materializer(MessageType schema) {
            Object[] current = new Object[schema.getFieldCount()];
            Converter[] converters = new Converter[schema.getFieldCount()];
            for (int i = 0; i < converters.length; i++) {
                Type field = schema.getType(i);
                int slot = i;
                converters[i] = ParquetConverters.forField(field, field.isRepetition(Type.Repetition.REPEATED)
                        ? v -> {
                            if (current[slot] == null) {
                                current[slot] = new ArrayList<>();
                            }
                            @SuppressWarnings("unchecked") List<Object> list = (List<Object>) current[slot];
                            list.add(v);
                        }
                        : v -> current[slot] = v);
            }
            GroupConverter root = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return converters[fieldIndex];
                }

                @Override
                public void start() {
                    Arrays.fill(current, null);
                }

                @Override
                public void end() {
                }
            };
            return new RecordMaterializer<>() {
                @Override
                public Object[] getCurrentRecord() {
                    return current;
                }

                @Override
                public GroupConverter getRootConverter() {
                    return root;
                }
            };
        }
    }
}
