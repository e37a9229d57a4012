package com.stategraph.billing.format;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A CSV export, plain or gzipped (told apart by content, not name), streamed: a header row,
 * RFC 4180 quoting, an optional UTF-8 BOM; empty fields and the literal {@code NULL} are null.
 * Text must be UTF-8: bytes that are not are refused with their row and column, never replaced.
 */
public final class CsvRecordReader implements RecordReader {
    /** No billing field comes near this; a larger one means a broken quote or the wrong file. */
    static final int MAX_FIELD_CHARS = 4 * 1024 * 1024;
    private static final char REPLACED = '\uFFFD';
    private static final String NOT_UTF8 = "is not valid UTF-8 (is the file in another encoding, such as Latin-1?"
            + " Export it as UTF-8)";

    private final String uri;
    private final CsvReader<String[]> csv;
    private final CloseableIterator<String[]> records;
    private final CsvFieldsHandler fields;
    private final List<String> columns;
    private final Utf8Check utf8;
    private final ExpansionGuard expansion;
    private final ReadLimits limits;
    private long row;

    private CsvRecordReader(String uri, CsvReader<String[]> csv, CloseableIterator<String[]> records, CsvFieldsHandler fields,
                            List<String> columns, Utf8Check utf8, ExpansionGuard expansion, ReadLimits limits) {
        this.uri = uri;
        this.fields = fields;
        this.csv = csv;
        this.records = records;
        this.columns = columns;
        this.utf8 = utf8;
        this.expansion = expansion;
        this.limits = limits;
    }

    /** Takes ownership of {@code raw}. @throws FormatException for an empty file or one without a header */
    public static CsvRecordReader open(InputStream raw, String uri) {
        return open(raw, uri, ReadLimits.NONE);
    }

    /** As above, stopping at the limits' uncompressed bytes, rows and gzip expansion. */
    public static CsvRecordReader open(InputStream raw, String uri, ReadLimits limits) {
        try {
            ExpansionGuard.Counter stored = new ExpansionGuard.Counter(raw);
            ExpansionGuard expansion = ExpansionGuard.over(decompressIfGzip(new BufferedInputStream(stored, 1 << 16), uri),
                    stored, uri, limits);
            Utf8Check in = new Utf8Check(expansion);
            CsvFieldsHandler fields = new CsvFieldsHandler();
            CsvReader<String[]> csv = CsvReader.builder()
                    .detectBomHeader(true)
                    .skipEmptyLines(true)
                    .maxBufferSize(MAX_FIELD_CHARS)
                    .build(fields, in, StandardCharsets.UTF_8);
            CloseableIterator<String[]> it = csv.iterator();
            if (!it.hasNext()) {
                csv.close();
                throw new FormatException(uri, "the file is empty (no header row)");
            }
            List<String> header = List.of(it.next());
            if (in.malformedSeen() && header.stream().anyMatch(h -> h.indexOf(REPLACED) >= 0)) {
                csv.close();
                throw new FormatException(uri, "the header " + NOT_UTF8);
            }
            return new CsvRecordReader(uri, csv, it, fields, header.stream().map(String::trim).toList(), in, expansion, limits);
        } catch (IOException | UncheckedIOException | CsvParseException e) {
            closeQuietly(raw);
            throw new FormatException(uri, "cannot read the CSV header: " + FormatException.reason(e));
        }
    }

    private static InputStream decompressIfGzip(BufferedInputStream in, String uri) throws IOException {
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        if (new String(head, StandardCharsets.ISO_8859_1).equals("PAR1")) {
            throw new FormatException(uri, "this is a Parquet file, not CSV: name it .parquet");
        }
        int b1 = head.length > 0 ? head[0] & 0xff : -1;
        int b2 = head.length > 1 ? head[1] & 0xff : -1;
        if (b1 == 0x1f && b2 == 0x8b) {
            try {
                return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            } catch (ZipException e) {
                throw new FormatException(uri, "the gzip stream is corrupt: " + e.getMessage());
            }
        }
        return in;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next(Object[] values) throws IOException {
        String[] record;
        try {
            if (!records.hasNext()) {
                return false;
            }
            record = records.next();
        } catch (CsvParseException | UncheckedIOException e) {
            FormatException limit = limitIn(e);
            if (limit != null) {
                throw limit;
            }
            String reason = FormatException.reason(e);
            // The field the parser stopped in follows the ones it completed.
            int at = fields.completeFields();
            String column = at < columns.size() ? columns.get(at) : null;
            // the CSV library's own words name its buffer; ours name the limit, and the usual cause
            throw new FormatException(uri, row + 1, column, reason.contains("maximum buffer size")
                    ? "a field is longer than " + String.format(java.util.Locale.ROOT, "%,d", MAX_FIELD_CHARS) + " characters, the most one"
                            + " CSV field may hold (a quote opened and never closed reads as one long field)"
                    : reason);
        }
        if (row >= limits.maxRows()) {
            throw new FormatException(uri, "the file holds more than " + limits.maxRows() + " rows; " + limits.rowsRule());
        }
        row++;
        int n = record.length;
        if (n != columns.size()) {
            throw new FormatException(uri, row, null, "has " + n + " fields, the header has " + columns.size());
        }
        for (int i = 0; i < n; i++) {
            String field = record[i];
            if (field.indexOf(REPLACED) >= 0 && utf8.malformedSeen()) {
                throw new FormatException(uri, row, columns.get(i), NOT_UTF8);
            }
            values[i] = field.isEmpty() || field.equals("NULL") ? null : field;
        }
        return true;
    }

    @Override
    public long row() {
        return row;
    }

    /** Uncompressed bytes read so far (the parser reads ahead by its buffer). */
    @Override
    public long bytes() {
        return expansion.expanded();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    /** The parser wraps what the input stream throws; a limit's own error says it best. */
    private static FormatException limitIn(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof FormatException f) {
                return f;
            }
        }
        return null;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing with the more useful error
        }
    }
}
