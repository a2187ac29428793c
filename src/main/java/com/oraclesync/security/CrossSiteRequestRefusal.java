package com.oraclesync.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request that a browser says another site started ({@code Sec-Fetch-Site: cross-site} or
 * {@code same-site}). A browser resends cached Basic credentials by itself, so without this a page elsewhere could
 * post a form to {@code /api/sync?mode=full} as the operator. curl, Prometheus and other programs send no such
 * header and are unaffected; Hawtio's own requests are {@code same-origin}.
 */
final class CrossSiteRequestRefusal extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && OTHER_SITES.contains(site.trim().toLowerCase())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"a " + request.getMethod() + " started by another site is refused "
                    + "(Sec-Fetch-Site: " + site.trim().toLowerCase() + ")\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
