package io.github.proxmoxmcp.server.mcp;

import io.github.proxmoxmcp.server.ServerRuntime;
import io.github.proxmoxmcp.server.config.Settings;
import io.github.proxmoxmcp.server.mcp.http.HttpSettings;
import io.github.proxmoxmcp.server.mcp.http.McpHttpFilter;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpStatelessAsyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * MCP over Streamable HTTP at {@code http://MCP_HOST:MCP_PORT/mcp}, for remote clients and shared
 * deployments: the SDK's servlet transport in an embedded Jetty, behind {@link McpHttpFilter} (Host and
 * Origin checks, the bearer token when MCP_AUTH_TOKEN is set, limits, JSON-RPC error bodies).
 */
public final class HttpTransport implements AutoCloseable {

    public static final String ENDPOINT = "/mcp";

    private final Server jetty;
    private final AutoCloseable mcp;

    private HttpTransport(Server jetty, AutoCloseable mcp) {
        this.jetty = jetty;
        this.mcp = mcp;
    }

    public static HttpTransport start(ServerRuntime runtime, McpJsonMapper json, HttpSettings http) throws Exception {
        Settings settings = runtime.settings();
        jakarta.servlet.http.HttpServlet transport;
        AutoCloseable mcp;
        if (http.stateless()) {
            HttpServletStatelessServerTransport stateless = HttpServletStatelessServerTransport.builder()
                    .jsonMapper(json)
                    .messageEndpoint(ENDPOINT)
                    .contextExtractor(request -> Narrowing.context(request::getHeader))
                    .build();
            McpStatelessAsyncServer server = McpToolServer.start(runtime, stateless, json);
            transport = stateless;
            mcp = server::close;
        } else {
            HttpServletStreamableServerTransportProvider streamable = HttpServletStreamableServerTransportProvider.builder()
                    .jsonMapper(json)
                    .mcpEndpoint(ENDPOINT)
                    .contextExtractor(request -> Narrowing.context(request::getHeader))
                    .build();
            McpAsyncServer server = McpToolServer.start(runtime, streamable, json);
            transport = streamable;
            mcp = server::close;
        }

        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(settings.mcpHost());
        connector.setPort(settings.mcpPort());
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder servlet = new ServletHolder("mcp", transport);
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, ENDPOINT);
        // the filter answers /health itself; the servlet is mapped at /health only so that the filter sees it
        context.addServlet(new ServletHolder("health", new jakarta.servlet.http.HttpServlet() { }), McpHttpFilter.HEALTH);
        FilterHolder filter = new FilterHolder(new McpHttpFilter(http, settings.mcpAuthToken(), json));
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        jetty.setHandler(context);
        jetty.start();
        return new HttpTransport(jetty, mcp);
    }

    /** The port actually bound (MCP_PORT, or the one chosen when it was 0). */
    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        mcp.close();
        jetty.stop();
    }
}
