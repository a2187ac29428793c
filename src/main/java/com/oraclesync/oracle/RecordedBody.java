package com.oraclesync.oracle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A response body read by Jackson's streaming parser that keeps the bytes from a mark onward, so that each item's
 * text can be taken exactly as Oracle sent it (for {@code source_payload}) without buffering the whole page or
 * writing the item back out. Positions are byte offsets from the body's start, as the parser reports them.
 */
final class RecordedBody extends FilterInputStream {

    private byte[] kept = new byte[16 * 1024];
    /** What is still needed: {@code kept[first]} up to {@code kept[end]}, exclusive. */
    private int first;
    private int end;
    /** The body offset of {@code kept[0]}. */
    private long keptFrom;

    RecordedBody(InputStream body) {
        super(body);
    }

    /** Bytes before {@code offset} are no longer needed. */
    void forgetBefore(long offset) {
        first = (int) Math.max(first, Math.min(end, offset - keptFrom));
    }

    /** The body's text from {@code start} to {@code end} (exclusive), which must be at or after the mark. */
    String text(long start, long end) {
        if (start < keptFrom + first || end > keptFrom + this.end || start > end) {
            throw new IllegalStateException("Bytes " + start + " to " + end + " of the body are not kept (kept: "
                    + (keptFrom + first) + " to " + (keptFrom + this.end) + ")");
        }
        return new String(kept, (int) (start - keptFrom), (int) (end - start), StandardCharsets.UTF_8);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            keep(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            keep(buffer, offset, read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("A recorded body is read, never skipped");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void keep(byte[] buffer, int offset, int length) {
        if (end + length > kept.length) {
            // the forgotten bytes make room first; the array grows only for an item larger than it
            System.arraycopy(kept, first, kept, 0, end - first);
            keptFrom += first;
            end -= first;
            first = 0;
            if (end + length > kept.length) {
                kept = Arrays.copyOf(kept, Math.max(kept.length * 2, end + length));
            }
        }
        System.arraycopy(buffer, offset, kept, end, length);
        end += length;
    }
}
