package com.stategraph.billing.support;

import com.stategraph.billing.format.ParquetFileWriter;
import com.stategraph.billing.demo.ExportSchemas;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Export files in each provider's shape (column lists from ../shared/reference), written by tests. */
public final class ExportFixtures {
    private ExportFixtures() {
    }

    public static final String AWS_SCHEMA = ExportSchemas.AWS;
    public static final String GCP_SCHEMA = ExportSchemas.GCP;

    public static void parquet(Path file, String schema, List<? extends Map<String, ?>> rows) throws IOException {
        parquet(file, schema, rows, CompressionCodecName.SNAPPY);
    }

    public static void parquet(Path file, String schema, List<? extends Map<String, ?>> rows,
                               CompressionCodecName codec) throws IOException {
        Files.createDirectories(file.getParent());
        try (ParquetFileWriter w = new ParquetFileWriter(file, schema, codec)) {
            for (Map<String, ?> row : rows) {
                w.write(row);
            }
        }
    }

    /** A CSV file: RFC 4180 quoting where a field needs it; gzipped and/or with a UTF-8 BOM on request. */
    public static void csv(Path file, boolean gzip, boolean bom, List<String> header, List<List<String>> rows)
            throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = gzip ? new GZIPOutputStream(raw) : raw;
             Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            if (bom) {
                w.write('\uFEFF');
            }
            w.write(line(header));
            for (List<String> row : rows) {
                w.write(line(row));
            }
        }
    }

    private static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.append("\r\n").toString();
    }
}
