package com.oraclesync.security;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * A login for everything but {@code /actuator/health}: the operator may do anything, the viewer may read the API
 * ({@code GET}), metrics and info, and gets 403 on triggers, Hawtio and Jolokia. The API takes HTTP Basic only and
 * keeps no session; the actuator endpoints and Hawtio also take the login form, whose session is protected against
 * cross-site requests (SameSite cookie plus a CSRF token that Hawtio's front end sends back). A state-changing
 * request that a browser marks as started by another site is refused in both, since browsers resend Basic
 * credentials by themselves.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String REALM = "oracle-sync";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(Roles.OPERATOR, Roles.VIEWER)
                        .anyRequest().hasRole(Roles.OPERATOR))
                .httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no session and no cookie to forge; a browser's cached Basic credentials are refused cross-site
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteRequestRefusal(), BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus", "/actuator/info")
                        .hasAnyRole(Roles.OPERATOR, Roles.VIEWER)
                        .anyRequest().hasRole(Roles.OPERATOR))
                .formLogin(withDefaults())
                .httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint()))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        // a request that carries its own Basic credentials (curl, Prometheus) rides on no session cookie
                        .ignoringRequestMatchers(SecurityConfiguration::hasBasicCredentials))
                .addFilterBefore(new CrossSiteRequestRefusal(), BasicAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                // after the login and role checks: an anonymous or viewer request gets 401 / 403 and is never read
                .addFilterAfter(new JolokiaProxyRefusal(), AuthorizationFilter.class)
                .build();
    }

    private static boolean hasBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static BasicAuthenticationEntryPoint basicEntryPoint() {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName(REALM);
        return entryPoint;
    }
}
