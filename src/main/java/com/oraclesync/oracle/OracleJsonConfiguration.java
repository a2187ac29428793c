package com.oraclesync.oracle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Oracle's JSON is read with its numbers exact (BigDecimal, Long) and written back unchanged into source_payload,
 * within {@code oracle.limits.*} (string length, nesting depth). A mapper of its own, so that the service's API
 * settings never change how Oracle data is read.
 */
@Configuration(proxyBeanMethods = false)
class OracleJsonConfiguration {

    /** Not a default candidate, so Spring Boot's own ObjectMapper for the API stays in place. */
    @Bean(defaultCandidate = false)
    ObjectMapper oracleObjectMapper(OracleLimits limits) {
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits.jsonConstraints()).build())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
