package com.stategraph.billing.bench;

import com.stategraph.billing.format.CanonicalRow;
import com.stategraph.billing.format.ConformanceFindings;
import com.stategraph.billing.format.FocusColumn;
import com.stategraph.billing.format.FocusNormaliser;
import com.stategraph.billing.format.ParquetRecordReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The baseline's input: the very rows a sync loads, already in canonical form, as one CSV for
 * PostgreSQL's own {@code COPY ... (FORMAT csv)}. Producing it is not timed.
 */
final class BaselineCsv {
    private BaselineCsv() {
    }

    static long write(List<Path> parquetFiles, Path csv) throws IOException {
        UUID tenant = UUID.randomUUID();
        UUID source = UUID.randomUUID();
        UUID load = UUID.randomUUID();
        long rows = 0;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 20)) {
            for (Path file : parquetFiles) {
                try (ParquetRecordReader reader = ParquetRecordReader.open(file, file.toUri().toString())) {
                    FocusNormaliser normaliser = new FocusNormaliser(file.toString(), reader.columns(), new ConformanceFindings());
                    Object[] values = new Object[reader.columns().size()];
                    while (reader.next(values)) {
                        CanonicalRow row = normaliser.normalise(values, reader.row());
                        w.write(tenant + "," + source + "," + load + "," + row.billingPeriod());
                        for (FocusColumn c : FocusColumn.values()) {
                            w.write(',');
                            field(w, row.get(c));
                        }
                        w.write(',');
                        field(w, row.extra());
                        w.write('\n');
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    private static void field(Writer w, String value) throws IOException {
        if (value == null) {
            return;
        }
        if (value.isEmpty() || value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            w.write('"');
            w.write(value.replace("\"", "\"\""));
            w.write('"');
        } else {
            w.write(value);
        }
    }
}
