package com.oraclesync.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes a complete response with a Content-Length, so a fault body arrives byte for byte as given. */
final class HttpResponses {

    private HttpResponses() {
    }

    static void json(HttpExchange exchange, String contentType, Object body) throws IOException {
        send(exchange, 200, contentType, SimulatorJson.MAPPER.writeValueAsBytes(body), Map.of());
    }

    static void error(HttpExchange exchange, int status, String detail, Map<String, String> headers)
            throws IOException {
        send(exchange, status, SimulatedResponse.JSON, ErrorBodies.json(status, detail).getBytes(StandardCharsets.UTF_8),
                headers);
    }

    static void send(HttpExchange exchange, SimulatedResponse response) throws IOException {
        send(exchange, response.statusCode(), response.contentType(),
                response.bodyText().getBytes(StandardCharsets.UTF_8), response.headers());
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        boolean noBody = body.length == 0 || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
