package io.github.proxmoxmcp.server.mcp;

import io.github.proxmoxmcp.server.ServerRuntime;
import io.github.proxmoxmcp.server.config.Settings;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * MCP over Streamable HTTP at {@code http://MCP_HOST:MCP_PORT/mcp}, for remote clients and shared
 * deployments: the SDK's servlet transport in an embedded Jetty, behind a bearer token when
 * MCP_AUTH_TOKEN is set (required off loopback).
 */
public final class HttpTransport implements AutoCloseable {

    public static final String ENDPOINT = "/mcp";

    private final Server jetty;
    private final McpAsyncServer mcp;

    private HttpTransport(Server jetty, McpAsyncServer mcp) {
        this.jetty = jetty;
        this.mcp = mcp;
    }

    public static HttpTransport start(ServerRuntime runtime, McpJsonMapper json) throws Exception {
        Settings settings = runtime.settings();
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(ENDPOINT)
                .build();
        McpAsyncServer mcp = McpToolServer.start(runtime, transport, json);

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
        settings.mcpAuthToken().ifPresent(token -> {
            FilterHolder filter = new FilterHolder(new BearerTokenFilter(token));
            filter.setAsyncSupported(true);
            context.addFilter(filter, "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        });
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

    /** Refuses any request without {@code Authorization: Bearer MCP_AUTH_TOKEN}, comparing in constant time. */
    private static final class BearerTokenFilter extends HttpFilter {

        private final byte[] expected;

        BearerTokenFilter(String token) {
            this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String header = request.getHeader("Authorization");
            if (header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
                chain.doFilter(request, response);
                return;
            }
            response.setHeader("WWW-Authenticate", "Bearer");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "missing or wrong bearer token (MCP_AUTH_TOKEN)");
        }
    }
}
