package com.oraclesync.oracle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code oracle.*} settings. With no {@code ORACLE_BASE_URL}, {@link DemoOracleEnvironment} fills in the built-in
 * simulator's address and credentials and sets {@code demo-mode}.
 */
@Validated
@ConfigurationProperties("oracle")
public record OracleProperties(
        @NotBlank String baseUrl,
        String user,
        String password,
        @NotBlank String apiVersion,
        @NotBlank String restFrameworkVersion,
        @NotBlank String qTimestampPattern,
        List<String> fields,
        String finder,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout,
        boolean demoMode) {

    public OracleProperties {
        if (!demoMode && (user == null || user.isBlank() || password == null || password.isBlank())) {
            throw new IllegalArgumentException("ORACLE_BASE_URL is set but ORACLE_USER / ORACLE_PASS are not: "
                    + "set both to the integration user's credentials");
        }
        if (baseUrl != null && baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        fields = fields == null ? List.of() : fields.stream().filter(field -> !field.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "OracleProperties[baseUrl=" + baseUrl + ", user=" + user + ", password=***, apiVersion=" + apiVersion + "]";
    }
}
