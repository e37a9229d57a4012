package com.stategraph.billing.format;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * How a file's rows are put together from its columns, one array slot per top-level column. A flat
 * column (a single value, required or optional: all but a few of an export's) is read straight from
 * its column reader, value after value. Only the nested ones (Tags and SkuPriceDetails as maps, a
 * list) go through parquet-java's record assembly, whose state machine per value cost about a
 * twelfth of reading a usual export when every column went through it (1.9 s a file against 1.75 s,
 * converters included). The same converters
 * ({@link ParquetConverters}) turn the values into Java values either way.
 */
final class RowAssembly {
    private final String createdBy;
    private final int fields;
    /** Where the converters put the row being read. */
    private final Current current = new Current();
    private final MessageType flatSchema;
    private final GroupConverter flatRoot;
    /** Null when the file has no nested column. */
    private final MessageColumnIO nestedIo;
    private final RecordMaterializer<Object> nestedMaterializer;

    RowAssembly(MessageType schema, String createdBy) {
        this.createdBy = createdBy;
        this.fields = schema.getFieldCount();
        List<Type> flat = new ArrayList<>();
        List<Converter> flatConverters = new ArrayList<>();
        List<Type> nested = new ArrayList<>();
        List<Converter> nestedConverters = new ArrayList<>();
        for (int i = 0; i < fields; i++) {
            Type field = schema.getType(i);
            Converter converter = converter(field, i);
            if (field.isPrimitive() && !field.isRepetition(Type.Repetition.REPEATED)) {
                flat.add(field);
                flatConverters.add(converter);
            } else {
                nested.add(field);
                nestedConverters.add(converter);
            }
        }
        this.flatSchema = new MessageType(schema.getName(), flat);
        this.flatRoot = root(flatConverters);
        if (nested.isEmpty()) {
            this.nestedIo = null;
            this.nestedMaterializer = null;
        } else {
            this.nestedIo = new ColumnIOFactory(createdBy).getColumnIO(new MessageType(schema.getName(), nested), schema);
            GroupConverter nestedRoot = root(nestedConverters);
            this.nestedMaterializer = new RecordMaterializer<>() {
                @Override
                public Object getCurrentRecord() {
                    return current.values;
                }

                @Override
                public GroupConverter getRootConverter() {
                    return nestedRoot;
                }
            };
        }
    }

    /**
     * The converter of top-level column {@code slot}: its values go into the row being read. Each row gets an array of
     * its own rather than one array refilled: a store of a reference into an array that has reached the old generation
     * takes G1's full write barrier, with a memory fence, and a usual export stores some sixty values a line.
     */
    private Converter converter(Type field, int slot) {
        return ParquetConverters.forField(field, field.isRepetition(Type.Repetition.REPEATED)
                ? v -> {
                    Object[] values = current.values;
                    if (values[slot] == null) {
                        values[slot] = new ArrayList<>();
                    }
                    @SuppressWarnings("unchecked") List<Object> list = (List<Object>) values[slot];
                    list.add(v);
                }
                : v -> current.values[slot] = v);
    }

    /** A record of the given columns; the row's array is made before it is read ({@link Rows#next}). */
    private static GroupConverter root(List<Converter> converters) {
        Converter[] byIndex = converters.toArray(Converter[]::new);
        return new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return byIndex[fieldIndex];
            }

            @Override
            public void start() {
            }

            @Override
            public void end() {
            }
        };
    }

    /** The rows of one row group. */
    Rows rows(PageReadStore pages) {
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, flatRoot, flatSchema, createdBy);
        List<ColumnDescriptor> columns = flatSchema.getColumns();
        ColumnReader[] readers = new ColumnReader[columns.size()];
        int[] present = new int[columns.size()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = store.getColumnReader(columns.get(i));
            present[i] = columns.get(i).getMaxDefinitionLevel();
        }
        RecordReader<Object> nested = nestedIo == null ? null : nestedIo.getRecordReader(pages, nestedMaterializer, FilterCompat.NOOP);
        return new Rows(readers, present, nested);
    }

    /** A row group's rows, one after the other. */
    final class Rows {
        private final ColumnReader[] readers;
        /** Per flat column, the definition level of a value (0 when required, 1 when optional); below it, null. */
        private final int[] present;
        private final RecordReader<Object> nested;

        private Rows(ColumnReader[] readers, int[] present, RecordReader<Object> nested) {
            this.readers = readers;
            this.present = present;
            this.nested = nested;
        }

        /** The next row; the caller knows how many the row group has. */
        Object[] next() {
            Object[] values = new Object[fields];
            current.values = values;
            for (int i = 0; i < readers.length; i++) {
                ColumnReader column = readers[i];
                if (column.getCurrentDefinitionLevel() == present[i]) {
                    column.writeCurrentValueToConverter();
                }
                column.consume();
            }
            if (nested != null) {
                nested.read();
            }
            return values;
        }
    }

    private static final class Current {
        Object[] values;
    }
}
