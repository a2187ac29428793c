package com.oraclesync.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The data set as the input of {@code COPY opportunities (columns..., workflow_status) FROM STDIN} in PostgreSQL's
 * text format, in chunks of a fixed number of rows.
 */
record CopyText(List<byte[]> chunks, long bytes) {

    static CopyText render(BenchmarkData data, int count, int rowsPerChunk) {
        List<byte[]> chunks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int[] rows = {0};
        data.forEachItem(count, item -> {
            appendLine(text, BenchmarkData.columnValues(item));
            if (++rows[0] % rowsPerChunk == 0) {
                chunks.add(text.toString().getBytes(StandardCharsets.UTF_8));
                text.setLength(0);
            }
        });
        if (text.length() > 0) {
            chunks.add(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new CopyText(chunks, chunks.stream().mapToLong(chunk -> chunk.length).sum());
    }

    static String columns() {
        return BenchmarkData.columnList() + ", workflow_status";
    }

    private static void appendLine(StringBuilder line, String[] values) {
        for (String value : values) {
            if (value == null) {
                line.append("\\N");
            } else {
                escape(line, value);
            }
            line.append('\t');
        }
        line.append("NEW\n");
    }

    private static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
