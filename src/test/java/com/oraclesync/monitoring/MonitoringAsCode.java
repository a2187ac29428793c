package com.oraclesync.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** The dashboard and the alerting rules of {@code monitoring/}, and the PromQL they hold. */
final class MonitoringAsCode {

    static final Path DASHBOARD = Path.of("monitoring", "grafana", "oracle-sync-dashboard.json");
    static final Path ALERTS = Path.of("monitoring", "prometheus", "oracle-sync-alerts.yml");
    static final Path ALERT_TESTS = Path.of("monitoring", "prometheus", "oracle-sync-alerts.test.yml");

    private static final Pattern STRING = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");
    private static final Pattern SELECTOR = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+\\S+");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\w+");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool");

    private MonitoringAsCode() {
    }

    static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(DASHBOARD.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PromQL of every panel target, as written (with Grafana's variables). */
    static List<String> dashboardQueries() {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard().path("panels")) {
            panel.path("targets").forEach(target -> queries.add(target.path("expr").asText()));
        }
        return queries;
    }

    /** The metrics that the dashboard's variables read their values from ({@code label_values(metric, label)}). */
    static Set<String> dashboardVariableMetrics() {
        Set<String> metrics = new TreeSet<>();
        for (JsonNode variable : dashboard().path("templating").path("list")) {
            Matcher matcher = LABEL_VALUES.matcher(variable.path("definition").asText());
            if (matcher.find()) {
                metrics.add(matcher.group(1));
            }
        }
        return metrics;
    }

    @SuppressWarnings("unchecked")
    static List<String> alertExpressions() {
        try (InputStream in = Files.newInputStream(ALERTS)) {
            Map<String, Object> rules = new Yaml().load(in);
            List<String> expressions = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    expressions.add((String) rule.get("expr"));
                }
            }
            return expressions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metric names a PromQL expression selects: identifiers that are no function, keyword or label. */
    static Set<String> metricNames(String promql) {
        String bare = promql;
        for (Pattern part : List.of(STRING, SELECTOR, RANGE, GROUPING, OFFSET, GRAFANA_VARIABLE)) {
            bare = part.matcher(bare).replaceAll(" ");
        }
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String rest = bare.substring(identifier.end()).stripLeading();
            boolean function = rest.startsWith("(");
            boolean partOfNumber = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!function && !partOfNumber && !KEYWORDS.contains(identifier.group())) {
                names.add(identifier.group());
            }
        }
        return names;
    }
}
