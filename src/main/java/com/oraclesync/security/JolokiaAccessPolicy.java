package com.oraclesync.security;

import javax.management.ObjectName;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What Jolokia (and so Hawtio) may do, for every login: read, list and search MBeans, and invoke only the operations
 * that {@link JolokiaOperations} allows, over POST. Nothing is written, no notification is registered, and the JVM's
 * arguments, system properties and diagnostic MBeans stay out of reach. Jolokia's Spring Boot support picks this
 * bean up as its restrictor.
 */
@Component
public class JolokiaAccessPolicy implements Restrictor {

    private static final Logger log = LoggerFactory.getLogger(JolokiaAccessPolicy.class);

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.POST;
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return switch (type) {
            case READ, LIST, SEARCH, VERSION, EXEC -> true;
            default -> refused("request type " + type);
        };
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return JolokiaOperations.isReadable(name, attribute) || refused("reading " + attribute + " of " + name);
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return refused("writing " + attribute + " of " + name);
    }

    /** An operation runs only when allowed and asked for over POST; a cross-site POST never reaches this. */
    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        if (!isPost()) {
            return refused("operation " + operation + " of " + name + " over GET (operations need POST)");
        }
        return JolokiaOperations.isAllowed(name, operation) || refused("operation " + operation + " of " + name);
    }

    /** Who may connect is Spring Security's decision, not Jolokia's. */
    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return true;
    }

    /**
     * {@code strict} asks whether a request carrying this Origin may be served: the session cookie is SameSite and
     * every browser POST needs the CSRF token, so yes. Otherwise Jolokia asks whether to answer with CORS headers that
     * let a page of that origin read the answer: never.
     */
    @Override
    public boolean isOriginAllowed(String origin, boolean strict) {
        return strict;
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return JolokiaOperations.isHidden(name);
    }

    private static boolean isPost() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request instanceof ServletRequestAttributes servlet
                && "POST".equals(servlet.getRequest().getMethod());
    }

    private static boolean refused(String what) {
        log.debug("Jolokia refused {}", what);
        return false;
    }
}
