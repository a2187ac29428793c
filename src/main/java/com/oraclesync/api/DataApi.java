package com.oraclesync.api;

import com.oraclesync.resource.SyncResource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The synced rows of any resource as the API shows them: a page in key order with a keyset link to the next one
 * and a cheap total, or one row by its remote id. A request's parameters are read from its raw query string by
 * {@link DataRequest}.
 */
@Component("dataApi")
public class DataApi {

    /** An estimate is reused this long for the same query: a walk through next links plans it once, not per page. */
    static final long ESTIMATE_REUSE_NANOS = 5_000_000_000L;
    private static final int MAX_ESTIMATES = 1000;

    private final DataQueries queries;
    private final DataColumns columns;
    private final ApiParameters parameters;
    private final long exactCountBelow;
    private final Map<String, Estimate> estimates = new ConcurrentHashMap<>();

    public DataApi(DataQueries queries, DataColumns columns, ApiParameters parameters,
                   @Value("${api.data.exact-count-below:10000}") long exactCountBelow) {
        this.queries = queries;
        this.columns = columns;
        this.parameters = parameters;
        this.exactCountBelow = exactCountBelow;
    }

    /** GET /api/data/{sync}: rows marked deleted only with include_deleted=true, updated_since or synced_since. */
    public DataPage data(String sync, String query) {
        SyncResource resource = parameters.sync(sync);
        return page(resource, query, false, "/api/data/" + resource.name());
    }

    /** GET /api/opportunities: as before, rows marked deleted too unless include_deleted=false. */
    public DataPage opportunities(String query) {
        return page(parameters.sync("opportunities"), query, true, "/api/opportunities");
    }

    public Map<String, Object> byRemoteId(String sync, String remoteId) {
        SyncResource resource = parameters.sync(sync);
        long id = parameters.id(resource.keyColumn(), remoteId);
        return queries.byRemoteId(resource, id).orElseThrow(() -> new NotFoundException("No " + resource.itemName()
                + " with " + resource.keyColumn() + " (" + resource.keyField() + ") " + id));
    }

    private DataPage page(SyncResource resource, String query, boolean includeDeletedByDefault, String path) {
        DataRequest request = DataRequest.parse(parameters, resource, columns.of(resource),
                QueryParameters.parse(query), includeDeletedByDefault);
        List<Map<String, Object>> rows = queries.page(request);
        String next = null;
        if (rows.size() > request.limit()) {
            rows = rows.subList(0, request.limit());
            next = next(request, path, ((Number) rows.get(rows.size() - 1).get(request.columns().key())).longValue());
        }
        long total;
        boolean estimated = request.count() != DataRequest.Count.EXACT;
        if (estimated) {
            total = estimate(request);
            if (request.count() == DataRequest.Count.AUTO && total < exactCountBelow) {
                total = queries.count(request);
                estimated = false;
            }
        } else {
            total = queries.count(request);
        }
        return new DataPage(rows, total, estimated, request.limit(), request.offset(), next);
    }

    private long estimate(DataRequest request) {
        long now = System.nanoTime();
        Estimate known = estimates.get(request.fingerprint());
        if (known != null && now - known.atNanos() < ESTIMATE_REUSE_NANOS) {
            return known.rows();
        }
        long rows = queries.estimate(request);
        if (estimates.size() >= MAX_ESTIMATES) {
            estimates.clear();
        }
        estimates.put(request.fingerprint(), new Estimate(rows, now));
        return rows;
    }

    private record Estimate(long rows, long atNanos) {
    }

    private static String next(DataRequest request, String path, long lastKey) {
        String others = request.linkQuery();
        return path + "?" + (others.isEmpty() ? "" : others + "&") + "after="
                + DataCursor.encode(lastKey, request.fingerprint());
    }
}
