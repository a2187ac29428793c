package com.oraclesync.schedule;

import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.Scheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * camel-quartz runs on Spring Boot's Quartz scheduler, which uses the clustered JDBC job store of application.yml
 * ({@code spring.quartz.*}); Camel starts it when the routes are up.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    @Bean("quartz")
    QuartzComponent quartz(Scheduler scheduler) {
        QuartzComponent quartz = new QuartzComponent();
        quartz.setScheduler(scheduler);
        quartz.setAutoStartScheduler(true);
        return quartz;
    }
}
