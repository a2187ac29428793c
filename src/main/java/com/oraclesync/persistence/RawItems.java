package com.oraclesync.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Raw Oracle items as sync_errors.raw_item (jsonb) can hold them. */
final class RawItems {

    /** A JSON {@code \u0000} escape: one preceded by an even number of backslashes (an odd one is a literal text). */
    private static final Pattern NUL_ESCAPE = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawItems() {
    }

    /**
     * jsonb refuses the NUL character, so a NUL in a string value is kept as the visible text {@code \u0000}
     * (an escaped backslash followed by u0000); anything else stays exactly as Oracle sent it.
     */
    static String storable(String json) {
        if (json == null || !json.contains("\\u0000")) {
            return json;
        }
        return NUL_ESCAPE.matcher(json).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "\\\\u0000"));
    }

    /** The item's text as a single JSON string, for an item that jsonb cannot hold as an object. */
    static String asJsonString(String json) {
        try {
            return storable(JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not quote a raw item as a JSON string", e);
        }
    }
}
