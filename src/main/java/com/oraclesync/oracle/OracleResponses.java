package com.oraclesync.oracle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oraclesync.mapping.ItemMapper;
import com.oraclesync.mapping.MappedItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.util.ObjectHelper;

/**
 * Reads what Oracle sent as a page of items, in one pass of Jackson's streaming parser, never mistaking a login page,
 * a cut-off body or JSON of another shape for "no more data". Every refusal names the content type and the resource (scheme, host and path: never the
 * credentials or the query). The route's {@code <name>Responses} bean.
 */
public class OracleResponses {

    private static final int QUOTED_PROBLEM_LENGTH = 200;

    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() {
    };

    private final String resource;
    private final ItemMapper mapper;
    private final ObjectMapper json;
    private final OracleLimits limits;

    /** @param resource scheme, host, port and path of the Oracle resource */
    public OracleResponses(String resource, ItemMapper mapper, ObjectMapper json, OracleLimits limits) {
        this.resource = resource;
        this.mapper = mapper;
        this.json = json;
        this.limits = limits;
    }

    /**
     * The route's read of one response.
     *
     * @param idsOnly a RECONCILE's page of ids ({@link #readItems}), else a sync's page ({@link #readRows})
     */
    public OraclePage<?> readPage(InputStream body, String contentType, boolean idsOnly)
            throws OracleLimitExceededException {
        return idsOnly ? readItems(body, contentType) : readRows(body, contentType);
    }

    /** A sync's page: each item mapped while it is parsed (the resource's field mapping), its raw text as payload. */
    public OraclePage<MappedItem> readRows(InputStream body, String contentType) throws OracleLimitExceededException {
        return read(body, contentType, mapper::map);
    }

    /** A RECONCILE page of keys: each item as a map. */
    public OraclePage<Map<String, Object>> readItems(InputStream body, String contentType)
            throws OracleLimitExceededException {
        return read(body, contentType, (parser, source) -> json.readValue(parser, ITEM));
    }

    /** One response checked: JSON, parseable, and with an {@code items} array of objects. */
    private <T> OraclePage<T> read(InputStream body, String contentType, ItemReader<T> reader)
            throws OracleLimitExceededException {
        requireJson(contentType);
        RecordedBody recorded = new RecordedBody(body);
        OraclePage<T> page;
        try (JsonParser parser = json.getFactory().createParser(recorded)) {
            page = new PageParser<>(parser, recorded, reader).page();
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

    private <T> OraclePage<T> requireItems(OraclePage<T> page, String contentType) {
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
