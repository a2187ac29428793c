package com.oraclesync.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oraclesync.mapping.ItemMapper;
import com.oraclesync.oracle.OracleLimits;
import com.oraclesync.oracle.OracleProperties;
import com.oraclesync.oracle.OracleRequests;
import com.oraclesync.oracle.OracleResponses;
import com.oraclesync.persistence.BadRowIsolation;
import com.oraclesync.persistence.StagingTable;
import com.oraclesync.persistence.UpsertBatches;
import com.oraclesync.reconcile.ReconcilePages;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The beans that hold one resource's settings, created once per enabled resource and bound in Camel's registry
 * under the resource's name ({@code accountsMapper}, {@code accountsRequests}, ...), where its template instances
 * call them: one instance per resource, never a shared bean that switches on a name.
 */
@Component
class ResourceBeans implements CamelContextConfiguration {

    private final SyncResources resources;
    private final OracleProperties oracle;
    private final ObjectMapper json;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final OracleLimits limits;

    ResourceBeans(SyncResources resources, OracleProperties oracle, @Qualifier("oracleObjectMapper") ObjectMapper json,
                  DataSource dataSource, JdbcClient jdbc, OracleLimits limits) {
        this.resources = resources;
        this.oracle = oracle;
        this.json = json;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.limits = limits;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        Registry registry = camelContext.getRegistry();
        for (SyncResource resource : resources.all()) {
            String name = resource.name();
            StagingTable staging = new StagingTable(dataSource, resource);
            registry.bind(name + "Batches", new UpsertBatches(resource));
            registry.bind(name + "Staging", staging);
            registry.bind(name + "BadRows", new BadRowIsolation(dataSource, jdbc, resource, staging));
            registry.bind(name + "Requests", new OracleRequests(resource, oracle));
            registry.bind(name + "Responses", new OracleResponses(resource.resourceUrl(), new ItemMapper(resource), json, limits));
            registry.bind(name + "ReconcilePages", new ReconcilePages(resource, json));
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // the beans are in place before the routes start
    }
}
