package io.github.proxmoxmcp.server.cli;

import io.github.proxmoxmcp.server.ServerRuntime;
import io.github.proxmoxmcp.server.config.SettingsException;
import io.github.proxmoxmcp.server.mcp.HttpTransport;
import io.github.proxmoxmcp.server.mcp.LineStdioTransportProvider;
import io.github.proxmoxmcp.server.mcp.McpToolServer;
import io.github.proxmoxmcp.server.mcp.http.HttpSettings;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Serves MCP over stdio until stdin ends. */
@Command(name = "serve", description = "Serve MCP over stdio (the default), or Streamable HTTP with MCP_TRANSPORT=http.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    ServeCommand() {
    }

    ServeCommand(RootCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        ServerRuntime runtime;
        try {
            runtime = ServerRuntime.start(root.settings(true));
        } catch (SettingsException e) {
            return RootCommand.configError(e);
        }
        McpJsonMapper json = McpJsonDefaults.getMapper();
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
                    + http.port() + HttpTransport.ENDPOINT);
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
