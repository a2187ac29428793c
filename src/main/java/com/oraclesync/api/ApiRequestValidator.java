package com.oraclesync.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.RestClientRequestValidator;
import org.springframework.stereotype.Component;

/**
 * The REST DSL's check of a request against its declared query parameters (required ones, allowed values), answered
 * with the API's own 400 body instead of Camel's plain text. Camel finds it in the registry when
 * {@code clientRequestValidation} is on. Allowed values match in any case, as the parameters always have. Ranges,
 * numbers and the enabled resources are checked by {@link ApiParameters}, which the DSL cannot express.
 */
@Component
public class ApiRequestValidator implements RestClientRequestValidator {

    private final ApiErrors errors;
    private final ObjectMapper json;

    public ApiRequestValidator(ApiErrors errors, ObjectMapper json) {
        this.errors = errors;
        this.json = json;
    }

    @Override
    public ValidationError validate(Exchange exchange, ValidationContext context) {
        InvalidParameterException invalid = invalidParameter(exchange.getMessage(), context);
        if (invalid == null) {
            return null;
        }
        ApiError error = errors.describe(invalid);
        // the answer goes out as the request message: no request header may be echoed back (as in sync-api-json)
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            return new ValidationError(error.status(), json.writeValueAsString(error));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ApiError is not serialisable", e);
        }
    }

    private static InvalidParameterException invalidParameter(Message request, ValidationContext context) {
        Set<String> required = context.requiredQueryParameters();
        if (required != null) {
            for (String name : required) {
                if (isBlank(request.getHeader(name, String.class))) {
                    return new InvalidParameterException(name, "", "is required");
                }
            }
        }
        Map<String, String> allowed = context.queryAllowedValues();
        if (allowed != null) {
            for (Map.Entry<String, String> parameter : allowed.entrySet()) {
                String value = request.getHeader(parameter.getKey(), String.class);
                List<String> values = Arrays.stream(parameter.getValue().split(",")).map(String::trim).toList();
                if (!isBlank(value) && values.stream().noneMatch(value.trim()::equalsIgnoreCase)) {
                    return new InvalidParameterException(parameter.getKey(), value,
                            "must be one of " + String.join(", ", values));
                }
            }
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
