package com.oraclesync.oracle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.camel.util.ObjectHelper;

/**
 * Reads what Oracle sent as a page of items, never mistaking a login page, a cut-off body or JSON of another shape
 * for "no more data". Every refusal names the content type and the resource (scheme, host and path: never the
 * credentials or the query). The route's {@code <name>Responses} bean.
 */
public class OracleResponses {

    private static final int QUOTED_PROBLEM_LENGTH = 200;

    private final String resource;
    private final ObjectMapper json;
    private final OracleLimits limits;

    /** @param resource scheme, host, port and path of the Oracle resource */
    public OracleResponses(String resource, ObjectMapper json, OracleLimits limits) {
        this.resource = resource;
        this.json = json;
        this.limits = limits;
    }

    /** The route's check of one response: JSON, parseable, and with an {@code items} array. */
    public OraclePage readPage(InputStream body, String contentType) throws OracleLimitExceededException {
        requireJson(contentType);
        OraclePage page;
        try {
            page = json.readValue(body, OraclePage.class);
        } catch (OracleLimitExceededException e) {
            throw e;
        } catch (JsonProcessingException e) {
            StreamConstraintsException limit = ObjectHelper.getException(StreamConstraintsException.class, e);
            if (limit != null) {
                throw limits.exceeded(limit, resource);
            }
            throw new OracleResponseException("Oracle's response at " + resource + " (content type '" + contentType
                    + "') is not a valid JSON page: " + abbreviate(e.getOriginalMessage())
                    + "; a proxy or a timeout may have cut the body short", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading Oracle's response at " + resource + " failed (" + e + ")", e);
        }
        return requireItems(page, contentType);
    }

    private void requireJson(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw new OracleResponseException("Oracle answered with content type '" + contentType + "' instead of JSON at "
                    + resource + "; an HTML body usually is a single sign-on login page: check ORACLE_BASE_URL and that "
                    + "the integration user can use Basic authentication");
        }
    }

    private OraclePage requireItems(OraclePage page, String contentType) {
        if (page == null || page.items() == null) {
            throw new OracleResponseException("Oracle answered JSON (content type '" + contentType
                    + "') without an 'items' array at " + resource
                    + "; check ORACLE_API_VERSION and the resource's path (sync.resources.<name>.path)");
        }
        return page;
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return flat.length() > QUOTED_PROBLEM_LENGTH ? flat.substring(0, QUOTED_PROBLEM_LENGTH - 3) + "..." : flat;
    }
}
