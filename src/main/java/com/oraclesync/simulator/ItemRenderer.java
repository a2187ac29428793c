package com.oraclesync.simulator;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns stored records into Oracle's JSON shapes (as maps for Jackson), with or without links. */
final class ItemRenderer {

    private final String baseUrl;

    ItemRenderer(URI baseUrl) {
        this.baseUrl = baseUrl.toString();
    }

    Map<String, Object> collection(String resource, ResourceQuery.Page page, CollectionRequest request,
                                   String version, URI requestUri) {
        List<Map<String, Object>> items = new ArrayList<>(page.items().size());
        for (StoredItem record : page.items()) {
            items.add(item(resource, record, request.fields(), request.onlyData(), version));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        if (page.totalResults() >= 0) {
            body.put("totalResults", page.totalResults());
        }
        body.put("count", items.size());
        body.put("hasMore", page.hasMore());
        body.put("limit", request.limit());
        body.put("offset", request.offset());
        if (!request.onlyData()) {
            body.put("links", List.of(link(resource, "self", baseUrl + requestUri, "collection")));
        }
        return body;
    }

    /** @param fields the projection in the order requested, or null for every field */
    Map<String, Object> item(String resource, StoredItem record, List<String> fields, boolean onlyData,
                             String version) {
        Map<String, Object> item;
        if (fields == null) {
            item = record.toMap();
        } else {
            item = new LinkedHashMap<>();
            for (String field : fields) {
                item.put(field, record.value(field));
            }
        }
        if (!onlyData) {
            String href = baseUrl + "/crmRestApi/resources/" + version + "/" + resource + "/" + record.key();
            item.put("links", List.of(link(resource, "self", href, "item"), link(resource, "canonical", href, "item")));
        }
        return item;
    }

    private static Map<String, Object> link(String resource, String rel, String href, String kind) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("rel", rel);
        link.put("href", href);
        link.put("name", resource);
        link.put("kind", kind);
        return link;
    }
}
