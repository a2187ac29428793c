package com.oraclesync.oracle;

import java.net.URI;
import org.springframework.stereotype.Component;

/** Checks that what Oracle sent is a page of items, never mistaking a login page for "no more data". */
@Component("oracleResponses")
public class OracleResponses {

    private final String resource;

    public OracleResponses(OracleProperties oracle) {
        URI base = URI.create(oracle.baseUrl());
        this.resource = base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "")
                + "/crmRestApi/resources/" + oracle.apiVersion() + "/opportunities";
    }

    public void requireJson(String contentType) {
        if (contentType == null || !contentType.toLowerCase().contains("json")) {
            throw new OracleResponseException("Oracle answered with content type '" + contentType + "' instead of JSON at "
                    + resource + "; an HTML body usually is a single sign-on login page: check ORACLE_BASE_URL and that "
                    + "the integration user can use Basic authentication");
        }
    }

    public OraclePage requireItems(OraclePage page) {
        if (page == null || page.items() == null) {
            throw new OracleResponseException("Oracle answered JSON without an 'items' array at " + resource
                    + "; check ORACLE_API_VERSION and that the URL names the opportunities resource");
        }
        return page;
    }

    public String resource() {
        return resource;
    }
}
