package io.github.proxmoxmcp.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulated Proxmox VE 9.1 cluster served over plain HTTP on a loopback port: three nodes, storages, guests, a
 * cloud-init template, tasks that take a moment, and the Proxmox wire protocol. It keeps state for its lifetime.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
 *     String api = sandbox.url() + "/api2/json";   // token: sandbox.tokenId() + "=" + sandbox.tokenSecret()
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Cluster cluster;
    private final Auth auth;

    private Sandbox(HttpServer server, ExecutorService executor, Cluster cluster, Auth auth) {
        this.server = server;
        this.executor = executor;
        this.cluster = cluster;
        this.auth = auth;
    }

    public static Sandbox start(SandboxOptions options) {
        SandboxOptions effective = options == null ? SandboxOptions.defaults() : options;
        // Building the JSON mapper is the slowest part of a cold start: do it while the rest starts.
        CompletableFuture<JsonMapper> json = CompletableFuture.supplyAsync(() -> JsonMapper.builder().build(),
                Thread.ofVirtual()::start);
        Cluster cluster = new Cluster(effective);
        SeedData.populate(cluster);
        Auth auth = new Auth(effective.seed());
        Router router = new Router();
        auth.register(router, cluster);
        new ClusterApi(cluster).register(router);
        new NodeApi(cluster).register(router);
        new StorageApi(cluster).register(router);
        StorageCollections.register(router, cluster);
        SdnCollections.register(router, cluster);
        FirewallCollections.register(router, cluster);
        AccessCollections.register(router, cluster);
        HaCollections.register(router, cluster);
        ClusterCollections.register(router, cluster);
        CephApi.register(router, cluster);
        AcmeCollections.register(router, cluster);
        NotificationCollections.register(router, cluster);
        new GuestApi(cluster).register(router);
        new GuestLifecycle(cluster).register(router);
        new AgentApi(cluster).register(router);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", new Http(cluster, auth, router, json));
            server.setExecutor(executor);
            server.start();
            return new Sandbox(server, executor, cluster, auth);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the Proxmox sandbox on 127.0.0.1", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}; the API is below {@code /api2/json}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code root@pam!sandbox}. */
    public String tokenId() {
        return Auth.TOKEN_ID;
    }

    public String tokenSecret() {
        return auth.tokenSecret;
    }

    /** {@code root@pam}, for ticket (password) authentication. */
    public String user() {
        return Auth.USER;
    }

    public String password() {
        return auth.password;
    }

    /** Takes a node offline (its API answers 595, its guests show as unknown) or brings it back. */
    public void setNodeOnline(String node, boolean online) {
        synchronized (cluster) {
            NodeState state = cluster.nodes.get(node);
            if (state == null) {
                throw new IllegalArgumentException("no such node: " + node);
            }
            state.online = online;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
