package io.github.proxmoxmcp.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
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
        // The other domains declare their routes and seed their data on first use, so a session pays at start-up
        // only for what it touches. A domain starts with a request below one of its paths, or when another domain
        // reads one of its tables.
        domain(router, cluster, (r, c) -> new DiskApi(c).register(r), List.of("*/disks", "*/scan"), List.of());
        domain(router, cluster, SdnCollections::register, List.of("/cluster/sdn", "*/sdn"), List.of("/cluster/sdn/"));
        domain(router, cluster, FirewallCollections::register, List.of("*/firewall"), List.of());
        domain(router, cluster, AccessCollections::register, List.of("/access"), List.of("/access/"));
        domain(router, cluster, HaCollections::register, List.of("/cluster/ha"), List.of("/cluster/ha/"));
        domain(router, cluster, ClusterCollections::register, List.of("/pools", "/cluster/backup", "/cluster/replication",
                "*/replication", "/cluster/mapping", "/cluster/metrics", "/cluster/jobs", "/cluster/backup-info", "/cluster/config",
                "/cluster/options", "/cluster/log", "/cluster/bulk-action"), List.of("/pools", "/cluster/backup", "/cluster/replication"));
        domain(router, cluster, CephApi::register, List.of("/cluster/ceph", "*/ceph"), List.of("/ceph/"));
        domain(router, cluster, AcmeCollections::register, List.of("/cluster/acme", "*/certificates", "*/config"), List.of("/cluster/acme/"));
        domain(router, cluster, NotificationCollections::register, List.of("/cluster/notifications"),
                List.of("/cluster/notifications/"));
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

    /**
     * Registers a domain on first use: a path equal to or below one of {@code paths} (one written as star, slash,
     * {@code x} matches a path segment {@code x} anywhere), or a table key starting with one of {@code tables}.
     */
    private static void domain(Router router, Cluster cluster, java.util.function.BiConsumer<Router, Cluster> register,
                               List<String> paths, List<String> tables) {
        boolean[] done = {false};
        Runnable once = () -> {
            if (!done[0]) {
                done[0] = true;
                register.accept(router, cluster);
            }
        };
        router.defer(path -> {
            for (String p : paths) {
                boolean hit = p.startsWith("*/") ? path.contains(p.substring(1) + "/") || path.endsWith(p.substring(1))
                        : path.equals(p) || path.startsWith(p + "/");
                if (hit) {
                    return true;
                }
            }
            return false;
        }, once);
        tables.forEach(prefix -> cluster.tables.defer(prefix, once));
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
