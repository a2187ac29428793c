package com.oraclesync.simulator;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The requests the simulator received, in arrival order. Only the newest {@value #CAPACITY} are
 * kept, so a demo that runs for weeks does not grow without bound.
 */
final class RequestLog {

    static final int CAPACITY = 100_000;

    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private final Clock clock;
    private int nextIndex;

    RequestLog(Clock clock) {
        this.clock = clock;
    }

    synchronized RecordedRequest record(String method, URI uri, Headers headers) {
        Map<String, String> lowerCaseHeaders = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (!lowerCase.equals("authorization")) {
                lowerCaseHeaders.put(lowerCase, String.join(", ", values));
            }
        });
        String authorization = headers.getFirst("Authorization");
        RecordedRequest request = new RecordedRequest(nextIndex++, method, uri.getPath(),
                QueryStrings.decode(uri.getRawQuery()), lowerCaseHeaders,
                authorization == null ? null : authorization.strip().split(" ", 2)[0], clock.instant());
        if (requests.size() == CAPACITY) {
            requests.removeFirst();
        }
        requests.addLast(request);
        return request;
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
        nextIndex = 0;
    }
}
