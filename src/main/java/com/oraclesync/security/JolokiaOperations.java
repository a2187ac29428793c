package com.oraclesync.security;

import java.util.Map;
import java.util.Set;
import javax.management.ObjectName;

/**
 * The allow-list behind {@link JolokiaAccessPolicy}: the MBean operations a console user may invoke, and what may not
 * be read. An operation is named as Jolokia receives it, with its signature ({@code dumpRouteAsXml()}) or by name
 * alone where every overload is harmless. Anything not listed is refused, so a new Camel or JDK operation stays out of
 * reach until someone decides it is safe: the operations that send to or create endpoints, add routes, evaluate
 * expressions, dump routes with resolved placeholders or dump the heap are simply not here.
 */
final class JolokiaOperations {

    private static final String ANY = "*";

    /** Operations by MBean, the MBean named by its domain and {@code type} key. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            // the operator's triggers and status, through the same run lock as the schedule
            "com.oraclesync/SyncControl", Set.of(ANY),
            // Hawtio's Camel routes view: state, statistics, source without resolved placeholders, start and stop
            "org.apache.camel/routes", Set.of("start()", "stop()", "suspend()", "resume()", "reset()",
                    "dumpRouteAsXml()", "dumpRouteStatsAsXml", "dumpStepStatsAsXml"),
            "org.apache.camel/context", Set.of("dumpRoutesAsXml()", "dumpRoutesStatsAsXml", "dumpStepStatsAsXml"),
            // Hawtio's own bookkeeping: which MBeans the console may show
            "hawtio/security", Set.of(ANY),
            "hawtio/TreeWatcher", Set.of(ANY));

    /** Attributes that hold the JVM's command line or system properties, by MBean. */
    private static final Map<String, Set<String>> UNREADABLE = Map.of(
            "java.lang/Runtime", Set.of("InputArguments", "SystemProperties", "ClassPath", "BootClassPath",
                    "LibraryPath"));

    /** Diagnostic MBeans (heap dumps, VM flags, jcmd's commands): not even listed. */
    private static final Set<String> HIDDEN = Set.of("com.sun.management/HotSpotDiagnostic",
            "com.sun.management/DiagnosticCommand", "jdk.management.jfr/FlightRecorder");

    private JolokiaOperations() {
    }

    static boolean isAllowed(ObjectName name, String operation) {
        Set<String> allowed = ALLOWED.get(key(name));
        if (allowed == null) {
            return false;
        }
        return allowed.contains(ANY) || allowed.contains(operation) || allowed.contains(withoutSignature(operation));
    }

    static boolean isReadable(ObjectName name, String attribute) {
        return !isHidden(name) && !UNREADABLE.getOrDefault(key(name), Set.of()).contains(attribute);
    }

    static boolean isHidden(ObjectName name) {
        return HIDDEN.contains(key(name));
    }

    private static String key(ObjectName name) {
        return name.getDomain() + "/" + name.getKeyProperty("type");
    }

    private static String withoutSignature(String operation) {
        int parenthesis = operation.indexOf('(');
        return parenthesis < 0 ? operation : operation.substring(0, parenthesis);
    }
}
