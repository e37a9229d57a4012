package com.stategraph.billing.format;

/**
 * How much one export file may make the server read, whatever its size on storage says: its
 * uncompressed bytes and rows (each with the rule to quote when it is past them), how far a gzip
 * stream may expand, and where a Parquet row group's memory comes from.
 *
 * @param maxBytes     uncompressed bytes the file may hold
 * @param bytesRule    what to say when it holds more ("at most 10 GiB per file (STATEGRAPH_...)")
 * @param maxRows      rows the file may hold
 * @param rowsRule     what to say when it holds more
 * @param maxExpansion how many times its compressed size a gzip stream may expand to, once past
 *                     {@link #EXPANSION_GRACE_BYTES}; real exports stay far below it, bombs far above
 */
public record ReadLimits(long maxRowGroupBytes, RowGroupMemory memory, long maxBytes, String bytesRule, long maxRows,
                         String rowsRule, int maxExpansion) {
    /** Small files may compress extremely well (a header and a few repeated rows); only large ones are judged. */
    public static final long EXPANSION_GRACE_BYTES = 64L << 20;

    public static final ReadLimits NONE = new ReadLimits(Long.MAX_VALUE, RowGroupMemory.UNLIMITED, Long.MAX_VALUE, "",
            Long.MAX_VALUE, "", Integer.MAX_VALUE);

    /** A size as people write it: 512 bytes, 12 KiB, 300 MiB, 100 GiB (rounded up). */
    public static String size(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        long value = bytes;
        while (unit < units.length - 1 && value >= 1024) {
            value = (value + 1023) / 1024;
            unit++;
        }
        return value + " " + units[unit];
    }
}
