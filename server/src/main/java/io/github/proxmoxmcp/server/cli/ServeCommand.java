package io.github.proxmoxmcp.server.cli;

import io.github.proxmoxmcp.server.ServerRuntime;
import io.github.proxmoxmcp.server.config.SettingsException;
import io.github.proxmoxmcp.server.mcp.HttpTransport;
import io.github.proxmoxmcp.server.mcp.JsonAhead;
import io.github.proxmoxmcp.server.mcp.LineStdioTransportProvider;
import io.github.proxmoxmcp.server.mcp.McpToolServer;
import io.github.proxmoxmcp.server.mcp.TcpTransport;
import io.github.proxmoxmcp.server.mcp.http.HttpSettings;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Serves MCP over stdio until stdin ends. */
@Command(name = "serve", description = "Serve MCP over stdio (the default), Streamable HTTP with MCP_TRANSPORT=http, "
        + "or newline-delimited JSON-RPC over TCP with --tcp.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Option(names = "--tcp", paramLabel = "PORT", description = "Serve JSON-RPC lines over TCP, one session per connection.")
    Integer tcpPort;

    @Option(names = "--tcp-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address for --tcp (default ${DEFAULT-VALUE}); off loopback it needs MCP_AUTH_TOKEN "
                    + "(first line AUTH <token>) or --no-auth.")
    String tcpHost;

    @Option(names = "--no-auth", description = "Allow --tcp off loopback without a token (inside a trusted network only).")
    boolean noAuth;

    ServeCommand() {
    }

    ServeCommand(RootCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        JsonAhead.start();
        ServerRuntime runtime;
        try {
            runtime = ServerRuntime.start(root.settings(true));
        } catch (SettingsException e) {
            return RootCommand.configError(e);
        }
        McpJsonMapper json = McpJsonDefaults.getMapper();
        if (tcpPort != null) {
            return serveTcp(runtime, json);
        }
        if (runtime.settings().transport().equals("http")) {
            return serveHttp(runtime, json);
        }
        LineStdioTransportProvider transport = new LineStdioTransportProvider(json, System.in, root.stdout);
        McpAsyncServer server = McpToolServer.start(runtime, transport, json);
        try {
            transport.awaitEnd(Duration.ofMillis(1500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        runtime.close();
        return 0;
    }

    private int serveTcp(ServerRuntime runtime, McpJsonMapper json) {
        Optional<String> token = runtime.settings().mcpAuthToken();
        if (token.isEmpty() && !noAuth && !loopback(tcpHost)) {
            runtime.close();
            return RootCommand.configError(new SettingsException("--tcp-host " + tcpHost + " is not a loopback address: set "
                    + "MCP_AUTH_TOKEN (clients send AUTH <token> as their first line) or pass --no-auth"));
        }
        try (TcpTransport tcp = TcpTransport.start(runtime, json, tcpHost, tcpPort, token)) {
            System.err.println("proxmox-mcp: serving MCP over TCP at " + tcpHost + ":" + tcp.port()
                    + (token.isPresent() ? " (first line: AUTH <MCP_AUTH_TOKEN>)" : ""));
            runtime.startContext();
            new java.util.concurrent.CountDownLatch(1).await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (java.io.IOException e) {
            System.err.println("proxmox-mcp: cannot serve TCP on " + tcpHost + ":" + tcpPort + ": " + e.getMessage());
            return RootCommand.CONFIG_ERROR;
        } finally {
            runtime.close();
        }
    }

    private static boolean loopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static int serveHttp(ServerRuntime runtime, McpJsonMapper json) {
        HttpSettings limits;
        try {
            limits = HttpSettings.fromEnvironment(System.getenv(), runtime.settings().mcpHost());
        } catch (SettingsException e) {
            runtime.close();
            return RootCommand.configError(e);
        }
        try (HttpTransport http = HttpTransport.start(runtime, json, limits)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    http.close();
                } catch (Exception e) {
                    // the process is ending anyway
                }
            }));
            System.err.println("proxmox-mcp: serving MCP over Streamable HTTP at http://" + runtime.settings().mcpHost() + ":"
                    + http.port() + HttpTransport.ENDPOINT + (limits.stateless() ? " (stateless)" : ""));
            runtime.startContext();
            http.join();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            System.err.println("proxmox-mcp: cannot serve HTTP on " + runtime.settings().mcpHost() + ":" + runtime.settings().mcpPort()
                    + ": " + e.getMessage());
            return RootCommand.CONFIG_ERROR;
        } finally {
            runtime.close();
        }
    }
}
