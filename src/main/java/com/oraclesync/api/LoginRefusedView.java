package com.oraclesync.api;

import java.time.OffsetDateTime;

/**
 * The body of a 401 or 403 answered before any route runs: Spring Boot's error answer to a missing or wrong login or
 * a role that may not do this, or only {@code error} for a request refused as started by another site. Named in the
 * REST DSL's response messages so that /api/openapi.json describes it; the service never builds one.
 */
public record LoginRefusedView(OffsetDateTime timestamp, Integer status, String error, String path) {
}
