package com.oraclesync.support;

import com.oraclesync.simulator.SimulatedResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Oracle pages beyond the service's input limits, streamed by the simulator as they are sent: a test never builds
 * them in memory.
 */
public final class OracleBodies {

    private static final String COLLECTION_TYPE = "application/vnd.oracle.adf.resourcecollection+json";
    private static final int CHUNK = 64 * 1024;

    private OracleBodies() {
    }

    /** A page of about {@code bytes} bytes: items with a long Description each, as many as it takes. */
    public static SimulatedResponse pageOfBytes(long bytes) {
        return SimulatedResponse.stream(COLLECTION_TYPE, body -> {
            byte[] description = filled(10_000, 'd');
            long written = write(body, "{\"items\":[");
            for (long id = 1_000_000; written < bytes; id++) {
                written += write(body, (id > 1_000_000 ? "," : "") + "{\"OptyId\":" + id
                        + ",\"LastUpdateDate\":\"2030-01-01T00:00:00.000+00:00\",\"Description\":\"");
                body.write(description);
                written += description.length + write(body, "\"}");
            }
            write(body, "],\"hasMore\":false}");
        });
    }

    /** A page whose one item holds a Name of {@code characters} characters. */
    public static SimulatedResponse pageWithStringOf(long characters) {
        return SimulatedResponse.stream(COLLECTION_TYPE, body -> {
            write(body, "{\"items\":[{\"OptyId\":1000000,\"Name\":\"");
            byte[] chunk = filled(CHUNK, 'n');
            for (long left = characters; left > 0; left -= chunk.length) {
                body.write(chunk, 0, (int) Math.min(left, chunk.length));
            }
            write(body, "\"}],\"hasMore\":false}");
        });
    }

    /** A page whose one item holds arrays nested {@code depth} deep. */
    public static SimulatedResponse pageNested(int depth) {
        return SimulatedResponse.stream(COLLECTION_TYPE, body -> {
            write(body, "{\"items\":[{\"OptyId\":1000000,\"Deep\":");
            body.write(filled(depth, '['));
            body.write(filled(depth, ']'));
            write(body, "}],\"hasMore\":false}");
        });
    }

    /** The start of a page, then one space every {@code interval}, for as long as the client listens. */
    public static SimulatedResponse drip(Duration interval) {
        return SimulatedResponse.stream(COLLECTION_TYPE, body -> {
            write(body, "{\"items\":[");
            while (true) {
                body.write(' ');
                body.flush();
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("the simulator is closing");
                }
            }
        });
    }

    private static int write(OutputStream body, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        body.write(bytes);
        return bytes.length;
    }

    private static byte[] filled(int length, char character) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) character);
        return bytes;
    }
}
