package com.oraclesync.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** monitoring/prometheus: the alerting rules load in Prometheus and fire (and stay quiet) as their unit tests say. */
class AlertRulesTest {

    @Test
    void theAlertingRulesPassPromtoolsCheck() throws Exception {
        // when
        Promtool.Result result = Promtool.run("check", "rules", MonitoringAsCode.ALERTS.toString());

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 5 rules found");
    }

    @Test
    void eachAlertFiresAndStaysQuietAsItsPromtoolTestsSay() throws Exception {
        // when
        Promtool.Result result = Promtool.run("test", "rules", MonitoringAsCode.ALERT_TESTS.toString());

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }
}
