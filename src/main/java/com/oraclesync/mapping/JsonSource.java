package com.oraclesync.mapping;

/** The text of a JSON document being parsed, by the parser's byte offsets: what Oracle sent, exactly. */
@FunctionalInterface
public interface JsonSource {

    /** The bytes from {@code start} to {@code end} (exclusive) as text. */
    String text(long start, long end);
}
