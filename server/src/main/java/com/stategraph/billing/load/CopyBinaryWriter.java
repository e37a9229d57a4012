package com.stategraph.billing.load;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format, held in memory until {@link #writeTo}: a field's length
 * comes before its bytes, so an array is written first and its length set after. The binary form
 * spares PostgreSQL the parsing of every array element's text (a chunk's arrays hold some sixty
 * values a line), and this side the text's formatting and UTF-8 encoding.
 */
final class CopyBinaryWriter {
    /** Starts every binary COPY: the signature, no flags, no header extension. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** Ends it: a row of -1 fields. */
    static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};

    static final int INT4_OID = 23;
    static final int NUMERIC_OID = 1700;
    static final int TIMESTAMPTZ_OID = 1184;
    static final int TEXT_OID = 25;
    static final int INT8_OID = 20;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    /** 2000-01-01, PostgreSQL's epoch for dates and timestamps. */
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400L;

    private byte[] buf;
    private int size;
    /** Where the open array's length goes. */
    private int arrayLengthAt;

    CopyBinaryWriter(int capacity) {
        buf = new byte[capacity];
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    /** The bytes it can hold before it grows. */
    int capacity() {
        return buf.length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, size);
    }

    void startRow(int fields) {
        ensure(2);
        SHORT.set(buf, size, (short) fields);
        size += 2;
    }

    void nullField() {
        int4(-1);
    }

    void uuidField(UUID value) {
        ensure(20);
        INT.set(buf, size, 16);
        LONG.set(buf, size + 4, value.getMostSignificantBits());
        LONG.set(buf, size + 12, value.getLeastSignificantBits());
        size += 20;
    }

    void dateField(LocalDate value) {
        ensure(8);
        INT.set(buf, size, 4);
        INT.set(buf, size + 4, Math.toIntExact(value.toEpochDay() - PG_EPOCH_DAY));
        size += 8;
    }

    void int4Field(int value) {
        ensure(8);
        INT.set(buf, size, 4);
        INT.set(buf, size + 4, value);
        size += 8;
    }

    void int8Field(long value) {
        ensure(12);
        INT.set(buf, size, 8);
        LONG.set(buf, size + 4, value);
        size += 12;
    }

    /** Opens a one-dimensional array field of {@code elements} values of type {@code elementOid}; its elements follow. */
    void startArray(int elementOid, int elements, boolean hasNulls) {
        ensure(24);
        arrayLengthAt = size;
        INT.set(buf, size + 4, 1);
        INT.set(buf, size + 8, hasNulls ? 1 : 0);
        INT.set(buf, size + 12, elementOid);
        INT.set(buf, size + 16, elements);
        INT.set(buf, size + 20, 1);
        size += 24;
    }

    /** An array of no elements, {@code '{}'}, as a whole field. */
    void emptyArray(int elementOid) {
        ensure(16);
        INT.set(buf, size, 12);
        INT.set(buf, size + 4, 0);
        INT.set(buf, size + 8, 0);
        INT.set(buf, size + 12, elementOid);
        size += 16;
    }

    /** Closes the open array: its length is now known. */
    void endArray() {
        INT.set(buf, arrayLengthAt, size - arrayLengthAt - 4);
    }

    /** An array's element is written as a field is: its length, then its bytes. */
    void nullElement() {
        nullField();
    }

    void int4Element(int value) {
        int4Field(value);
    }

    void int8Element(long value) {
        int8Field(value);
    }

    /** A text: its UTF-8 bytes (the caller makes sure it holds no NUL, which PostgreSQL text cannot). */
    void textElement(String value) {
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ensure(4 + bytes.length);
        int4(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    /** A timestamptz: microseconds since 2000-01-01 UTC. */
    void timestampElement(long micros) {
        ensure(12);
        INT.set(buf, size, 8);
        LONG.set(buf, size + 4, micros);
        size += 12;
    }

    /** A numeric as {@link NumericBinary} encoded it. */
    void numericElement(NumericBinary n) {
        int len = 8 + 2 * n.ndigits;
        ensure(4 + len);
        INT.set(buf, size, len);
        SHORT.set(buf, size + 4, (short) n.ndigits);
        SHORT.set(buf, size + 6, (short) n.weight);
        SHORT.set(buf, size + 8, (short) (n.negative ? 0x4000 : 0));
        SHORT.set(buf, size + 10, (short) n.dscale);
        int at = size + 12;
        for (int i = 0; i < n.ndigits; i++) {
            SHORT.set(buf, at, n.digits[i]);
            at += 2;
        }
        size = at;
    }

    /**
     * A timestamptz's microseconds since 2000-01-01 UTC, a fraction rounded as PostgreSQL rounds the
     * text's: the fraction of a second as a double, times a million, to the nearest even.
     */
    static long micros(java.time.Instant instant) {
        long micros = Math.multiplyExact(instant.getEpochSecond() - PG_EPOCH_SECOND, 1_000_000L);
        int nanos = instant.getNano();
        return nanos == 0 ? micros : micros + (long) Math.rint(nanos / 1e9 * 1_000_000);
    }

    /** Writes again the element written at {@code at} (where {@link #size} was before it) of this row. */
    void copyElement(int at) {
        int len = 4 + (int) INT.get(buf, at);
        ensure(len);
        System.arraycopy(buf, at, buf, size, len);
        size += len;
    }

    /**
     * {@link #micros(java.time.Instant)} of an instant's own text ({@code Instant.toString()}, as the
     * normaliser writes it): read by position when it has a four-digit year, the common case, which
     * costs a tenth of {@code Instant.parse}.
     */
    static long micros(String instant) {
        int n = instant.length();
        if (n < 20 || n > 30 || instant.charAt(4) != '-' || instant.charAt(7) != '-' || instant.charAt(10) != 'T'
                || instant.charAt(13) != ':' || instant.charAt(16) != ':' || instant.charAt(n - 1) != 'Z'
                || n > 20 && instant.charAt(19) != '.') {
            return micros(java.time.Instant.parse(instant));
        }
        long day = LocalDate.of(digits(instant, 0, 4), digits(instant, 5, 7), digits(instant, 8, 10)).toEpochDay();
        long second = day * 86_400L + digits(instant, 11, 13) * 3_600L + digits(instant, 14, 16) * 60L + digits(instant, 17, 19);
        int nanos = 0;
        if (n > 20) {
            nanos = digits(instant, 20, n - 1);
            for (int i = n - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        return micros(java.time.Instant.ofEpochSecond(second, nanos));
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new java.time.format.DateTimeParseException("not a date-time", s, i);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private void int4(int value) {
        ensure(4);
        INT.set(buf, size, value);
        size += 4;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(size + more, buf.length * 2));
        }
    }
}
