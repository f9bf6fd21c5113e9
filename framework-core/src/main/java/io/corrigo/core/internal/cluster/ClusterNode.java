package io.corrigo.core.internal.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a clustered Vert.x on Hazelcast, bound to one address only: no multicast, no auto-detection,
 * no phone-home; members found by TCP/IP from an explicit list (the coordinator's address).
 */
public final class ClusterNode {

    /** Hazelcast's port on the coordinator unless {@code --cluster PORT} says otherwise. */
    public static final int DEFAULT_PORT = 5701;

    /** The Hazelcast cluster every Corrigo node joins. */
    static final String CLUSTER_NAME = "corrigo";

    /** A host and port, as typed: {@code HOST[:PORT]}. */
    public record Address(String host, int port) {

        /** {@code text} as {@code HOST[:PORT]}; the port defaults to {@code defaultPort}. */
        public static Address parse(String text, int defaultPort) {
            String t = text.strip();
            int colon = t.lastIndexOf(':');
            if (t.isEmpty() || t.startsWith(":")) {
                throw new IllegalArgumentException("'" + text + "' names no host; expected HOST[:PORT], e.g. 10.0.0.5:5701");
            }
            if (colon < 0) {
                return new Address(t, defaultPort);
            }
            try {
                int port = Integer.parseInt(t.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return new Address(t.substring(0, colon), port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has no valid port after ':'; expected HOST[:PORT] with a"
                        + " port from 1 to 65535, e.g. 10.0.0.5:5701");
            }
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    private ClusterNode() {
    }

    /**
     * The local address a node should bind to when it talks to {@code peer}: loopback for a loopback
     * peer, else the address the operating system would route to it from.
     */
    public static String bindAddressFor(String peer) {
        try {
            InetAddress target = InetAddress.getByName(peer);
            if (target.isLoopbackAddress()) {
                return "127.0.0.1";
            }
            try (DatagramSocket probe = new DatagramSocket()) {
                probe.connect(new InetSocketAddress(target, DEFAULT_PORT));
                return probe.getLocalAddress().getHostAddress();
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + peer + "'");
        } catch (SocketException e) {
            throw new IllegalArgumentException("no route to '" + peer + "': " + e.getMessage());
        }
    }

    /**
     * Waits until {@code address} accepts TCP connections, for at most {@code wait}. A worker joins
     * only once its coordinator is up: a worker that started Hazelcast first would form a cluster of
     * its own and then have to merge with the coordinator's.
     */
    public static boolean awaitReachable(Address address, java.time.Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        do {
            try (java.net.Socket probe = new java.net.Socket()) {
                probe.connect(new InetSocketAddress(address.host(), address.port()), 1000);
                return true;
            } catch (java.io.IOException e) {
                Thread.sleep(250);
            }
        } while (System.nanoTime() < end);
        return false;
    }

    /**
     * A clustered Vert.x bound to {@code bind}, Hazelcast on {@code port} (the next free one from it if
     * {@code exactPort} is false), joining {@code members}.
     *
     * @throws IllegalStateException if the node does not start within two minutes, or its port is taken
     */
    public static Vertx start(String bind, int port, boolean exactPort, List<Address> members) {
        Config config = ConfigUtil.loadConfig();
        config.setClusterName(CLUSTER_NAME);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.join.seconds", "5");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(!exactPort).setPortCount(exactPort ? 1 : 100);
        network.getInterfaces().setEnabled(true).setInterfaces(List.of(bind));
        network.setPublicAddress(null);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members.stream().map(Address::toString).toList());
        VertxOptions options = new VertxOptions().setEventBusOptions(new EventBusOptions().setHost(bind).setPort(0)
                .setClusterPublicHost(bind));
        try {
            return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(config)).buildClustered()
                    .toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the cluster node on " + bind + ":" + port + " did not start: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the cluster node on " + bind + ":" + port + " did not start within 2 minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the cluster node", e);
        }
    }
}
