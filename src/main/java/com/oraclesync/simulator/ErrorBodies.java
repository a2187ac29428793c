package com.oraclesync.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Oracle-style JSON error bodies: {@code {"title":"Bad Request","status":400,"detail":"..."}}. */
final class ErrorBodies {

    private ErrorBodies() {
    }

    static String json(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title(status));
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        try {
            return SimulatorJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write an error body", e);
        }
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
