package com.oraclesync.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The {@code api.*} settings: the one user of the HTTP API, the actuator endpoints and Hawtio. */
@Validated
@ConfigurationProperties("api")
public record ApiUserProperties(@NotBlank String user, String password) {

    @Override
    public String toString() {
        return "ApiUserProperties[user=" + user + ", password=***]";
    }
}
