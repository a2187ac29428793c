package com.oraclesync.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code after=} of a {@code next} link: the key of the last row of a page, bound to the query that produced it.
 * Opaque to a client (base64url of {@code v1:<key>:<check>}); the check is a digest of the key and the query's
 * fingerprint (resource, filters, since-parameters, include_deleted), so an edited cursor, or one carried over to a
 * request with other filters, is refused with a 400 rather than silently read as another position. It is an integrity
 * check, not a secret: a cursor only positions a read within rows the login may read anyway.
 */
final class DataCursor {

    static final int MAX_LENGTH = 100;
    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern PAYLOAD = Pattern.compile("v1:(\\d{1,19}):([0-9a-f]{16})");
    private static final String PARAMETER = "after";

    private DataCursor() {
    }

    static String encode(long key, String fingerprint) {
        String payload = "v1:" + key + ":" + check(key, fingerprint);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.US_ASCII));
    }

    /** The key the cursor continues after. */
    static long decode(String cursor, String fingerprint) {
        if (cursor.length() > MAX_LENGTH || !ALPHABET.matcher(cursor).matches()) {
            throw invalid(cursor);
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid(cursor);
        }
        Matcher parts = PAYLOAD.matcher(payload);
        if (!parts.matches()) {
            throw invalid(cursor);
        }
        long key;
        try {
            key = Long.parseLong(parts.group(1));
        } catch (NumberFormatException e) {
            throw invalid(cursor);
        }
        if (!check(key, fingerprint).equals(parts.group(2))) {
            throw new InvalidParameterException(PARAMETER, cursor, "belongs to another query or was changed: follow "
                    + "the next link as it was given, with the same filters, since-parameters and include_deleted");
        }
        return key;
    }

    private static InvalidParameterException invalid(String cursor) {
        return new InvalidParameterException(PARAMETER, cursor.length() > 60 ? cursor.substring(0, 60) + "..." : cursor,
                "is not a cursor of this API: take it from the next link of the previous page");
    }

    private static String check(long key, String fingerprint) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((key + "|" + fingerprint).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
