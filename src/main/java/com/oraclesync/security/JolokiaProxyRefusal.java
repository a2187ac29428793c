package com.oraclesync.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses Jolokia proxy requests (a {@code target} in a POSTed request) before Jolokia sees them: the service talks
 * to its own JVM only. The JSR-160 proxy module is not in the build, so Jolokia would answer such a request from this
 * JVM as if the target were not there; refusing it says so plainly instead.
 */
final class JolokiaProxyRefusal extends OncePerRequestFilter {

    /** Jolokia requests are a few hundred bytes; Hawtio's bulk reads a few kilobytes. */
    private static final int MAX_BODY = 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/jolokia");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(response, "Jolokia requests larger than " + MAX_BODY + " bytes are refused");
        } else if (asksForAProxy(body)) {
            refuse(response, "Jolokia proxy requests (a 'target') are refused: this service answers for its own JVM only");
        } else {
            chain.doFilter(new ReadAgain(request, body), response);
        }
    }

    private static void refuse(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"status\":403,\"error\":\"" + reason + "\"}");
    }

    private boolean asksForAProxy(byte[] body) {
        JsonNode requests;
        try {
            requests = json.readTree(body);
        } catch (IOException notJson) {
            return false; // Jolokia answers that itself
        }
        if (requests == null) {
            return false;
        }
        for (JsonNode one : requests.isArray() ? requests : List.of(requests)) {
            if (one.hasNonNull("target")) {
                return true;
            }
        }
        return false;
    }

    /** The request with its body read once here, to be read again by Jolokia. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("not an asynchronous request");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }
}
