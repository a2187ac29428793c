package com.oraclesync.oracle;

import java.net.URI;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.net.URIAuthority;

/**
 * The host and port of {@code oracle.base-url}: Oracle's credentials go to it and to no other host, so a redirect
 * elsewhere goes without them.
 */
record OracleHost(String host, int port) {

    static OracleHost of(String baseUrl) {
        URI base = URI.create(baseUrl);
        return new OracleHost(base.getHost(), port(base.getPort(), base.getScheme()));
    }

    boolean isTargetOf(HttpRequest request) {
        URIAuthority target = request.getAuthority();
        return target != null && host.equalsIgnoreCase(target.getHostName())
                && port == port(target.getPort(), request.getScheme());
    }

    private static int port(int port, String scheme) {
        return port >= 0 ? port : "http".equalsIgnoreCase(scheme) ? 80 : 443;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
