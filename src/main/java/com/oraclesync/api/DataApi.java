package com.oraclesync.api;

import com.oraclesync.resource.SyncResource;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The synced rows of any resource as the API shows them: a page with its total, or one row by its remote id. */
@Component("dataApi")
public class DataApi {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final DataQueries queries;
    private final ApiParameters parameters;

    public DataApi(DataQueries queries, ApiParameters parameters) {
        this.queries = queries;
        this.parameters = parameters;
    }

    public PageView<Map<String, Object>> page(String sync, String limit, String offset) {
        SyncResource resource = parameters.sync(sync);
        int pageLimit = parameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        int pageOffset = parameters.offset(offset);
        return new PageView<>(queries.page(resource, pageLimit, pageOffset), queries.count(resource), pageLimit,
                pageOffset);
    }

    public Map<String, Object> byRemoteId(String sync, String remoteId) {
        SyncResource resource = parameters.sync(sync);
        long id = parameters.id(resource.keyColumn(), remoteId);
        return queries.byRemoteId(resource, id).orElseThrow(() -> new NotFoundException("No " + resource.itemName()
                + " with " + resource.keyColumn() + " (" + resource.keyField() + ") " + id));
    }
}
