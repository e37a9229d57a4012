package com.stategraph.billing.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {
    private static final String TEXT = "ServiceName,Note\nMüller Storage,\uFFFD stays\n";

    @Test
    void utf8TextLoadsAsItIsEvenWithAReplacementCharacterItReallyHolds() throws Exception {
        try (CsvRecordReader reader = CsvRecordReader.open(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)),
                "file:///x.csv")) {
            Object[] values = new Object[2];
            assertThat(reader.next(values)).isTrue();
            assertThat(values).containsExactly("Müller Storage", "\uFFFD stays");
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirRowAndColumn() throws Exception {
        byte[] latin1 = "ServiceName,Note\nok,fine\nMüller Storage,x\n".getBytes(StandardCharsets.ISO_8859_1);
        try (CsvRecordReader reader = CsvRecordReader.open(new ByteArrayInputStream(latin1), "file:///x.csv")) {
            Object[] values = new Object[2];
            assertThat(reader.next(values)).isTrue();
            assertThatThrownBy(() -> reader.next(values)).isInstanceOf(FormatException.class)
                    .hasMessageStartingWith("file:///x.csv: row 2, column ServiceName: is not valid UTF-8");
        }
    }
}
