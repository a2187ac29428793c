package com.oraclesync.jmx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oraclesync.api.SyncStatusService;
import com.oraclesync.resource.SyncResource;
import com.oraclesync.resource.SyncResources;
import com.oraclesync.sync.SyncRunLock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jmx.export.annotation.AnnotationMBeanExporter;
import org.springframework.jmx.support.RegistrationPolicy;

/**
 * Exports one {@link SyncControl} MBean per enabled resource to the platform MBeanServer, where Camel's own MBeans,
 * Jolokia, Hawtio and a remote JMX connector see them.
 */
@Configuration(proxyBeanMethods = false)
class JmxConfiguration {

    /** Which exporter registered each name last: only that one unregisters it. */
    private static final Map<ObjectName, Object> OWNERS = new ConcurrentHashMap<>();

    @Bean
    AnnotationMBeanExporter syncMBeanExporter() {
        AnnotationMBeanExporter exporter = new AnnotationMBeanExporter() {
            @Override
            protected void doRegister(Object mbean, ObjectName objectName) throws JMException {
                super.doRegister(mbean, objectName);
                OWNERS.put(objectName, this);
            }

            // an older context that closes must not take away the MBean that a newer one registered under the name
            @Override
            protected void doUnregister(ObjectName objectName) {
                if (OWNERS.remove(objectName, this)) {
                    super.doUnregister(objectName);
                }
            }
        };
        // a newer application context in the same JVM (tests, a devtools restart) takes the name over
        exporter.setRegistrationPolicy(RegistrationPolicy.REPLACE_EXISTING);
        return exporter;
    }

    @Bean
    SmartInitializingSingleton syncControls(AnnotationMBeanExporter exporter, SyncResources resources,
                                            ProducerTemplate producer, SyncStatusService status, SyncRunLock lock,
                                            ObjectMapper json) {
        return () -> {
            for (SyncResource resource : resources.all()) {
                exporter.registerManagedResource(new SyncControl(resource, producer, status, lock, json),
                        objectName(resource.name()));
            }
        };
    }

    private static ObjectName objectName(String sync) {
        try {
            return new ObjectName(SyncControl.objectName(sync));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("A resource name that JMX refuses: '" + sync + "'", e);
        }
    }
}
