package com.oraclesync.jmx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oraclesync.api.SyncStatusService;
import com.oraclesync.resource.SyncResource;
import com.oraclesync.sync.SyncAlreadyRunningException;
import com.oraclesync.sync.SyncRun;
import com.oraclesync.sync.SyncRunLock;
import com.oraclesync.sync.SyncSourceMismatchException;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.util.ObjectHelper;
import org.springframework.jmx.export.annotation.ManagedAttribute;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedOperationParameter;
import org.springframework.jmx.export.annotation.ManagedResource;

/**
 * The JMX face of one sync, for jmxterm, JConsole or Hawtio: start a run through the same run lock as the schedule
 * and the HTTP API, and read the status. Operations answer in plain text (and JSON for the status), so that any JMX
 * client can show the answer without this service's classes. One MBean per enabled resource, registered by
 * {@link JmxConfiguration} as {@code com.oraclesync:type=SyncControl,name=<resource>}.
 */
@ManagedResource(description = "Start an oracle-sync run of one resource or read its status")
public class SyncControl {

    private final SyncResource resource;
    private final ProducerTemplate producer;
    private final SyncStatusService status;
    private final SyncRunLock lock;
    private final ObjectMapper json;

    SyncControl(SyncResource resource, ProducerTemplate producer, SyncStatusService status, SyncRunLock lock,
                ObjectMapper json) {
        this.resource = resource;
        this.producer = producer;
        this.status = status;
        this.lock = lock;
        this.json = json;
    }

    public static String objectName(String sync) {
        return "com.oraclesync:type=SyncControl,name=" + sync;
    }

    @ManagedOperation(description = "Start an INCREMENTAL run (FULL when there is no watermark yet) in the background")
    public String startIncrementalSync() {
        return start("incremental");
    }

    @ManagedOperation(description = "Start a FULL run in the background")
    public String startFullSync() {
        return start("full");
    }

    @ManagedOperation(description = "Start a run in the background; mode is incremental, full or reconcile")
    @ManagedOperationParameter(name = "mode", description = "incremental, full or reconcile")
    public String startSync(String mode) {
        return start(mode);
    }

    @ManagedOperation(description = "The status as GET /api/sync/status?sync=<resource> answers it (JSON)")
    public String status() {
        try {
            return json.writeValueAsString(status.status(resource.name()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the status as JSON: " + e.getOriginalMessage());
        }
    }

    @ManagedAttribute(description = "Whether a run of this resource is in progress on any instance that shares the database")
    public boolean isRunning() {
        return lock.isHeldAnywhere(resource.stateName());
    }

    private String start(String mode) {
        try {
            SyncRun run = producer.requestBodyAndHeaders("direct:sync-trigger", null,
                    Map.of("syncName", resource.name(), "syncMode", mode, "syncTrigger", "JMX"), SyncRun.class);
            return "Started sync " + run.logId() + " (" + run.type() + (run.resumed() ? ", resuming its checkpoint" : "")
                    + "); follow it with the status operation or GET /api/sync/status?sync=" + resource.name();
        } catch (CamelExecutionException e) {
            SyncAlreadyRunningException running = ObjectHelper.getException(SyncAlreadyRunningException.class, e);
            if (running != null) {
                return "Not started: " + running.getMessage();
            }
            SyncSourceMismatchException otherSource = ObjectHelper.getException(SyncSourceMismatchException.class, e);
            if (otherSource != null) {
                return "Not started: " + otherSource.getMessage();
            }
            IllegalArgumentException invalid = ObjectHelper.getException(IllegalArgumentException.class, e);
            if (invalid != null) {
                throw new IllegalArgumentException("Not started: " + invalid.getMessage());
            }
            // a JDK exception type, so that a client without this service's classes can show it
            throw new IllegalStateException("Not started: " + e.getCause().getMessage());
        }
    }
}
