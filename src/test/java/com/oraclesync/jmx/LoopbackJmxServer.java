package com.oraclesync.jmx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

/**
 * A JMX connector server on 127.0.0.1 over the platform MBeanServer, as {@code -Dcom.sun.management.jmxremote.*}
 * with {@code host=127.0.0.1} starts one: a test reaches the MBeans the way jmxterm or JConsole does.
 */
final class LoopbackJmxServer implements AutoCloseable {

    private final Registry registry;
    private final JMXConnectorServer server;
    private final JMXServiceURL url;

    private LoopbackJmxServer(Registry registry, JMXConnectorServer server, JMXServiceURL url) {
        this.registry = registry;
        this.server = server;
        this.url = url;
    }

    static LoopbackJmxServer start() {
        try {
            int port = freePort();
            RMIServerSocketFactory loopback = p -> new ServerSocket(p, 50, InetAddress.getLoopbackAddress());
            Registry registry = LocateRegistry.createRegistry(port, null, loopback);
            JMXServiceURL url = new JMXServiceURL(
                    "service:jmx:rmi://127.0.0.1:" + port + "/jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
            JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(url,
                    Map.of(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, loopback),
                    ManagementFactory.getPlatformMBeanServer());
            server.start();
            return new LoopbackJmxServer(registry, server, url);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a loopback JMX connector server", e);
        }
    }

    /** A new client connection, as a JMX client on this machine opens one. */
    JMXConnector connect() throws IOException {
        return JMXConnectorFactory.connect(url);
    }

    static MBeanServerConnection mbeans(JMXConnector connector) throws IOException {
        return connector.getMBeanServerConnection();
    }

    @Override
    public void close() throws IOException {
        server.stop();
        UnicastRemoteObject.unexportObject(registry, true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
