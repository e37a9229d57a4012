package com.stategraph.billing.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/** One binary COPY on a connection, its rows sent a piece (a megabyte, unless told) at a time as they are written. */
final class BinaryCopy {
    private static final int PIECE = 1 << 20;
    private final int piece;
    private final PGCopyOutputStream out;
    private final CopyBinaryWriter rows;

    /** @param sql a {@code COPY ... FROM STDIN (FORMAT binary)} */
    BinaryCopy(Connection c, String sql) throws SQLException, IOException {
        this(c, sql, PIECE);
    }

    /** @param piece bytes of rows sent at once: a COPY of a few rows need not hold a megabyte */
    BinaryCopy(Connection c, String sql, int piece) throws SQLException, IOException {
        this.piece = piece;
        rows = new CopyBinaryWriter(piece + (piece >> 2));
        out = new PGCopyOutputStream(c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql), 1 << 16);
        out.write(CopyBinaryWriter.HEADER);
    }

    /** Where the next row goes; call {@link #rowDone} after it. */
    CopyBinaryWriter rows() {
        return rows;
    }

    void rowDone() throws IOException {
        if (rows.size() >= piece) {
            rows.writeTo(out);
            rows.reset();
        }
    }

    /** Sends what is left and ends the COPY; the rows it stored. */
    long finish() throws IOException, SQLException {
        rows.writeTo(out);
        rows.reset();
        out.write(CopyBinaryWriter.TRAILER);
        return out.endCopy();
    }
}
