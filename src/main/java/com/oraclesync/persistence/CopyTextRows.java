package com.oraclesync.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Rows in the input format of PostgreSQL's {@code COPY ... FROM STDIN} (text format): values separated by a tab, a
 * row ended by a newline, {@code \N} for NULL, and a backslash, tab, newline or carriage return in a value written
 * as {@code \\}, {@code \t}, {@code \n}, {@code \r}. Any other character goes as its UTF-8 bytes, a NUL too: the
 * server refuses it (SQLState 22021), as it refuses it in a bound parameter, so the row ends in sync_errors.
 * Written through a buffer of its own, so a batch never needs a second copy of its text in memory.
 */
final class CopyTextRows {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final CopyIn copy;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int length;

    private CopyTextRows(CopyIn copy) {
        this.copy = copy;
    }

    /** Writes rows {@code from} (inclusive) to {@code to} (exclusive) of the column arrays, one array per column. */
    static void write(CopyIn copy, String[][] columns, int from, int to) throws SQLException {
        CopyTextRows rows = new CopyTextRows(copy);
        for (int row = from; row < to; row++) {
            for (int column = 0; column < columns.length; column++) {
                if (column > 0) {
                    rows.put((byte) '\t');
                }
                rows.value(columns[column][row]);
            }
            rows.put((byte) '\n');
        }
        rows.flush();
    }

    private void value(String value) throws SQLException {
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        // the usual value has none of the four: String.indexOf is vectorised, a byte loop is not
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            put(bytes, bytes.length);
            return;
        }
        // bytes below 0x80 are never part of a multi-byte UTF-8 sequence: escaping byte by byte is safe
        for (byte b : bytes) {
            switch (b) {
                case '\\' -> escaped((byte) '\\');
                case '\t' -> escaped((byte) 't');
                case '\n' -> escaped((byte) 'n');
                case '\r' -> escaped((byte) 'r');
                default -> put(b);
            }
        }
    }

    private void escaped(byte letter) throws SQLException {
        put((byte) '\\');
        put(letter);
    }

    private void put(byte b) throws SQLException {
        if (length == buffer.length) {
            flush();
        }
        buffer[length++] = b;
    }

    private void put(byte[] bytes, int count) throws SQLException {
        if (count > buffer.length - length) {
            flush();
            if (count > buffer.length) {
                copy.writeToCopy(bytes, 0, count);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, length, count);
        length += count;
    }

    private void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }
}
