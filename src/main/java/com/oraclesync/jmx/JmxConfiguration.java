package com.oraclesync.jmx;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jmx.export.annotation.AnnotationMBeanExporter;
import org.springframework.jmx.support.RegistrationPolicy;

/**
 * Exports the {@code @ManagedResource} beans (the {@link SyncControl} MBean) to the platform MBeanServer, where
 * Camel's own MBeans, Jolokia, Hawtio and a remote JMX connector see them.
 */
@Configuration(proxyBeanMethods = false)
class JmxConfiguration {

    @Bean
    AnnotationMBeanExporter syncMBeanExporter() {
        AnnotationMBeanExporter exporter = new AnnotationMBeanExporter();
        // a newer application context in the same JVM (tests, a devtools restart) takes the name over
        exporter.setRegistrationPolicy(RegistrationPolicy.REPLACE_EXISTING);
        return exporter;
    }
}
