package com.oraclesync.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code api.*} settings: the operator (API, triggers, actuator, Hawtio and Jolokia) and the optional read-only
 * viewer, which exists only when its password is set.
 */
@Validated
@ConfigurationProperties("api")
public record ApiUserProperties(@NotBlank String user, String password, Viewer viewer) {

    public ApiUserProperties {
        viewer = viewer == null ? new Viewer(null, null) : viewer;
        if (viewer.enabled() && viewer.user().equals(user)) {
            throw new IllegalArgumentException("SYNC_VIEWER_USER must differ from SYNC_API_USER ('" + user + "'): "
                    + "one login cannot be both the operator and the read-only viewer");
        }
    }

    public record Viewer(String user, String password) {

        public Viewer {
            user = user == null || user.isBlank() ? "viewer" : user;
        }

        public boolean enabled() {
            return password != null && !password.isBlank();
        }

        @Override
        public String toString() {
            return "Viewer[user=" + user + ", password=***]";
        }
    }

    @Override
    public String toString() {
        return "ApiUserProperties[user=" + user + ", password=***, viewer=" + viewer + "]";
    }
}
