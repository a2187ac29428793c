package com.oraclesync.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;

/**
 * Checks the logins for HTTP Basic and the login form alike: the operator (SYNC_API_USER / SYNC_API_PASSWORD, role
 * {@value Roles#OPERATOR}) and, when SYNC_VIEWER_PASSWORD is set, the read-only viewer (role {@value Roles#VIEWER}).
 * With no operator password configured, one is generated at start-up and logged once. Every login is compared in the
 * same time whatever the input, and a password is never kept in the resulting authentication.
 */
@Component
public class ApiUserAuthentication implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ApiUserAuthentication.class);

    private final List<Login> logins = new ArrayList<>();

    public ApiUserAuthentication(ApiUserProperties properties) {
        String password = properties.password();
        if (password == null || password.isBlank()) {
            password = generatePassword();
            log.warn("SYNC_API_PASSWORD is not set: generated the password of API user '{}' for this run: {} "
                    + "(it changes at every start; set SYNC_API_PASSWORD to choose one)", properties.user(), password);
        }
        logins.add(new Login(properties.user(), password, Roles.OPERATOR));
        if (properties.viewer().enabled()) {
            logins.add(new Login(properties.viewer().user(), properties.viewer().password(), Roles.VIEWER));
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        byte[] name = (authentication.getName() == null ? "" : authentication.getName()).getBytes(StandardCharsets.UTF_8);
        Object credentials = authentication.getCredentials();
        byte[] given = (credentials == null ? "" : credentials.toString()).getBytes(StandardCharsets.UTF_8);
        Login matched = null;
        for (Login login : logins) {
            if (login.matches(name, given)) {
                matched = login;
            }
        }
        if (matched == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(matched.user(), null,
                AuthorityUtils.createAuthorityList("ROLE_" + matched.role()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String generatePassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private record Login(String user, byte[] userBytes, byte[] passwordBytes, String role) {

        Login(String user, String password, String role) {
            this(user, user.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8), role);
        }

        /** Both parts are always compared, so the time taken does not tell which one was wrong. */
        boolean matches(byte[] name, byte[] password) {
            return MessageDigest.isEqual(userBytes, name) & MessageDigest.isEqual(passwordBytes, password);
        }

        @Override
        public String toString() {
            return "Login[" + user + ", " + role + "]";
        }
    }
}
