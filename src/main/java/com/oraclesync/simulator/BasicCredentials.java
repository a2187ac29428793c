package com.oraclesync.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/** Checks an Authorization header against the one user and password the simulator accepts. */
final class BasicCredentials {

    private final byte[] expected;

    BasicCredentials(String user, String password) {
        this.expected = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    }

    boolean accept(String authorizationHeader) {
        if (authorizationHeader == null
                || !authorizationHeader.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return false;
        }
        try {
            byte[] given = Base64.getDecoder().decode(authorizationHeader.substring(6).strip());
            return MessageDigest.isEqual(given, expected);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
