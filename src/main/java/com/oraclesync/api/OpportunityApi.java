package com.oraclesync.api;

import org.springframework.stereotype.Component;

/** The synced opportunities as the API shows them: a page with its total, or one by its OptyId. */
@Component("opportunityApi")
public class OpportunityApi {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final OpportunityQueries queries;
    private final ApiParameters parameters;

    public OpportunityApi(OpportunityQueries queries, ApiParameters parameters) {
        this.queries = queries;
        this.parameters = parameters;
    }

    public PageView<OpportunityView> page(String limit, String offset) {
        int pageLimit = parameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        int pageOffset = parameters.offset(offset);
        return new PageView<>(queries.page(pageLimit, pageOffset), queries.count(), pageLimit, pageOffset);
    }

    public OpportunityView byRemoteId(String remoteId) {
        long id = parameters.id("remote_id", remoteId);
        return queries.byRemoteId(id)
                .orElseThrow(() -> new NotFoundException("No opportunity with remote_id (OptyId) " + id));
    }
}
