package com.oraclesync.simulator;

import java.time.Instant;

/**
 * One request to the simulator's token endpoint, as it was answered; no secret, assertion or token is kept.
 *
 * @param grantType the {@code grant_type} asked for
 * @param clientId  the client that authenticated, or the one that failed to
 * @param subject   for the JWT-bearer grant, the assertion's {@code sub}; else null
 * @param status    the HTTP status of the answer
 */
public record TokenRequest(String grantType, String clientId, String subject, String scope, int status,
                           Instant receivedAt) {
}
