package com.oraclesync.resource;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.spi.RouteTemplateParameterSource;
import org.springframework.stereotype.Component;

/**
 * Instantiates the {@code sync-resource*} route templates of routes/oracle-resource-sync.camel.yaml once per enabled resource, the way
 * {@code camel.route-template.config} does: Camel asks this source for route ids and their template parameters as
 * it starts. Template {@code sync-resource-fetch-page} becomes route {@code sync-accounts-fetch-page} for the
 * accounts resource, so every route id carries its resource's name.
 */
@Component
class ResourceRouteTemplates implements RouteTemplateParameterSource {

    static final String TEMPLATE_PREFIX = "sync-resource";

    private final SyncResources resources;
    private final CamelContext camelContext;
    private Map<String, Map<String, Object>> instances;

    ResourceRouteTemplates(SyncResources resources, CamelContext camelContext) {
        this.resources = resources;
        this.camelContext = camelContext;
    }

    @Override
    public synchronized Set<String> routeIds() {
        return new LinkedHashSet<>(instances().keySet());
    }

    @Override
    public synchronized Map<String, Object> parameters(String routeId) {
        return instances().get(routeId);
    }

    private Map<String, Map<String, Object>> instances() {
        if (instances == null) {
            instances = new LinkedHashMap<>();
            List<String> templates = ((ModelCamelContext) camelContext).getRouteTemplateDefinitions().stream()
                    .map(RouteTemplateDefinition::getId)
                    .filter(id -> id.equals(TEMPLATE_PREFIX) || id.startsWith(TEMPLATE_PREFIX + "-"))
                    .toList();
            for (SyncResource resource : resources.all()) {
                for (String template : templates) {
                    String routeId = "sync-" + resource.name() + template.substring(TEMPLATE_PREFIX.length());
                    instances.put(routeId, parameters(template, resource));
                }
            }
        }
        return instances;
    }

    private static Map<String, Object> parameters(String template, SyncResource resource) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(TEMPLATE_ID, template);
        parameters.put("name", resource.name());
        parameters.put("path", resource.path());
        parameters.put("cron", resource.cron());
        parameters.put("reconcileCron", resource.reconcileCron());
        parameters.put("sqlDirectory", resource.sqlDirectory());
        return parameters;
    }
}
