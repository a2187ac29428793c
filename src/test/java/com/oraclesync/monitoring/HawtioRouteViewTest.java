package com.oraclesync.monitoring;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.ApiTestSupport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.OptionalIdentifiedDefinition;
import org.apache.camel.model.OutputNode;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.TryDefinition;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What Hawtio's Camel view shows an operator: steps named for what they do, and no failure where none happened. */
@DisableJmx(false)
class HawtioRouteViewTest extends ApiTestSupport {

    @Autowired
    private CamelContext camel;

    @Test
    void everyStepOfEveryRouteAndRouteConfigurationHasAnIdThatWasGivenToIt() {
        // given
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        List<String> withoutId = new ArrayList<>();
        Set<OptionalIdentifiedDefinition<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        // when
        List<RouteDefinition> routes = model.getRouteDefinitions().stream()
                // the route that serves the OpenAPI document is Camel's own, made from restConfiguration
                .filter(route -> !route.getRouteId().equals("sync-api-openapi"))
                .toList();
        for (RouteDefinition route : routes) {
            route.getOutputs().forEach(step -> collectWithoutId(route.getRouteId(), step, seen, withoutId));
        }
        for (RouteConfigurationDefinition configuration : model.getRouteConfigurationDefinitions()) {
            for (OnExceptionDefinition onException : configuration.getOnExceptions()) {
                collectWithoutId(configuration.getId(), onException, seen, withoutId);
            }
        }

        // then
        assertThat(routes).extracting(RouteDefinition::getRouteId)
                .contains("sync-opportunities-run", "sync-opportunities-store-page", "sync-trigger", "sync-api-start",
                        "sync-api-start-run", "sync-api-json");
        assertThat(seen).hasSizeGreaterThan(100);
        assertThat(withoutId).isEmpty();
        assertThat(model.getRouteDefinition("sync-opportunities-run").getOutputs().get(0).getId())
                .isEqualTo("opportunities-carry-out-run");
    }

    @Test
    void answers400And409OnPurposeAreNoFailedExchangesOfTheRoutesThatAnswerThem() {
        // given: a run in progress, so that a second start is answered 409
        oracle.store().put(opportunity(1L).build());
        holdOracleAfter(0);
        assertThat(api.post("/api/sync").status()).isEqualTo(202);
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);

        // when
        Response conflict = api.post("/api/sync");
        Response badLimit = api.get("/api/sync/history?limit=lots");
        Response unknownSync = api.get("/api/sync/status?sync=leads");

        // then
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(unknownSync.status()).isEqualTo(400);
        Map<String, Long> failed = new TreeMap<>();
        for (var route : camel.getRoutes()) {
            failed.put(route.getRouteId(), managed.getManagedRoute(route.getRouteId()).getExchangesFailed());
        }
        // the routes that answer: the direct: steps behind them still count the refusal (issue 12 reshapes them)
        assertThat(failed).containsEntry("sync-api-start", 0L).containsEntry("sync-api-history", 0L)
                .containsEntry("sync-api-status", 0L).containsEntry("sync-opportunities", 0L)
                .containsEntry("sync-opportunities-run", 0L);
    }

    /** A step, a choice's when and otherwise, a doTry's doCatch and doFinally: every node the route diagram draws. */
    private static void collectWithoutId(String routeId, OptionalIdentifiedDefinition<?> node,
                                         Set<OptionalIdentifiedDefinition<?>> seen, List<String> withoutId) {
        if (!seen.add(node)) {
            return;
        }
        if (!node.hasCustomIdAssigned()) {
            withoutId.add(routeId + ": " + node.getShortName() + " " + node.getLabel());
        }
        List<OptionalIdentifiedDefinition<?>> children = new ArrayList<>();
        if (node instanceof OutputNode outputs) {
            children.addAll(outputs.getOutputs());
        }
        if (node instanceof ChoiceDefinition choice) {
            children.addAll(choice.getWhenClauses());
            if (choice.getOtherwise() != null) {
                children.add(choice.getOtherwise());
            }
        }
        if (node instanceof TryDefinition doTry) {
            children.addAll(doTry.getCatchClauses());
            if (doTry.getFinallyClause() != null) {
                children.add(doTry.getFinallyClause());
            }
        }
        children.forEach(child -> collectWithoutId(routeId, child, seen, withoutId));
    }
}
