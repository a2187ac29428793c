package com.oraclesync.simulator;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One request to a resource, as the simulator received it.
 *
 * @param index   position in arrival order, from 0, counted since the simulator started or the log was cleared
 * @param query   decoded query parameters; for a repeated parameter the last value
 * @param headers    lower-case names; Authorization is left out so credentials never reach a test report
 * @param authScheme the Authorization header's scheme alone ({@code Basic}, {@code Bearer}), or null without one
 */
public record RecordedRequest(int index, String method, String path, Map<String, String> query,
                              Map<String, String> headers, String authScheme, Instant receivedAt) {

    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public String param(String name) {
        return query.get(name);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public Integer offset() {
        return wholeNumber("offset");
    }

    public Integer limit() {
        return wholeNumber("limit");
    }

    public String q() {
        return query.get("q");
    }

    private Integer wholeNumber(String name) {
        try {
            String value = query.get(name);
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
