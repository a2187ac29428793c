package com.oraclesync.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks the API user's credentials (SYNC_API_USER / SYNC_API_PASSWORD) for HTTP Basic and the login form alike.
 * With no password configured, one is generated at start-up and logged once. The comparison takes the same time
 * whatever the input, and a password is never kept in the resulting authentication.
 */
@Component
public class ApiUserAuthentication implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ApiUserAuthentication.class);

    // Hawtio maps these to its roles: admin may invoke operations, viewer may read
    private static final List<GrantedAuthority> AUTHORITIES = List.of(
            new SimpleGrantedAuthority("ROLE_admin"), new SimpleGrantedAuthority("ROLE_viewer"));

    private final String user;
    private final byte[] userBytes;
    private final byte[] passwordBytes;

    public ApiUserAuthentication(ApiUserProperties properties) {
        this.user = properties.user();
        String password = properties.password();
        if (password == null || password.isBlank()) {
            password = generatePassword();
            log.warn("SYNC_API_PASSWORD is not set: generated the password of API user '{}' for this run: {} "
                    + "(it changes at every start; set SYNC_API_PASSWORD to choose one)", user, password);
        }
        this.userBytes = user.getBytes(StandardCharsets.UTF_8);
        this.passwordBytes = password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName() == null ? "" : authentication.getName();
        Object credentials = authentication.getCredentials();
        String given = credentials == null ? "" : credentials.toString();
        boolean userMatches = MessageDigest.isEqual(userBytes, name.getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(passwordBytes, given.getBytes(StandardCharsets.UTF_8));
        if (!(userMatches & passwordMatches)) {
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, AUTHORITIES);
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
}
