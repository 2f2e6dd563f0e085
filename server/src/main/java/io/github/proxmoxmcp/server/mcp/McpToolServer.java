package io.github.proxmoxmcp.server.mcp;

import io.github.proxmoxmcp.core.spi.ProgressReporter;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.server.ServerRuntime;
import io.github.proxmoxmcp.server.Version;
import io.github.proxmoxmcp.server.config.Settings;
import io.github.proxmoxmcp.server.registry.DeferredSchemaValidator;
import io.github.proxmoxmcp.server.registry.RegisteredTool;
import io.github.proxmoxmcp.server.registry.SkillReference;
import io.github.proxmoxmcp.server.registry.ToolCatalog;
import io.github.proxmoxmcp.server.registry.ToolRegistry;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessAsyncServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The MCP server over the registry: every tool is registered so that a call by name always reaches
 * the permission gate, and a list filter hides ELEVATED tools when they are disabled.
 */
public final class McpToolServer {

    private static final Logger LOG = LoggerFactory.getLogger(McpToolServer.class);
    static final String INSTRUCTIONS = """
            Tools for one Proxmox VE cluster. Conventions shared by all tools:
            - Guest tools take a vmid and find its node and type (qemu|lxc) themselves; give them only to skip the lookup.
            - A tool's set or options map takes less used parameters by their Proxmox names; proxmox://skills/<pack> lists them.
            - Node tools use PROXMOX_DEFAULT_NODE when node is omitted, if the operator set one.
            - Tools that start a task wait for it (wait, default true) up to timeout seconds (default 300) and report OK,             warnings, or the failure with the task log tail; with wait=false they return the task id             (follow it with proxmox_node_task_get).
            - Destructive calls (delete, rollback, stop, reset, power off...) need confirm: true; check the target first.
            - Lists are bounded by limit and say how many more there are.""";

    private McpToolServer() {
    }

    /** A tool as served on any transport: its description and its handler (transport context, progress, request). */
    private record Served(McpSchema.Tool tool, Handler handler) {
    }

    @FunctionalInterface
    private interface Handler {
        Mono<McpSchema.CallToolResult> handle(McpTransportContext context, ProgressReporter progress, McpSchema.CallToolRequest request);
    }

    /** Everything a server needs, whatever the transport: the tools, which are listed, the instructions. */
    private record Plan(List<Served> tools, Set<String> listed, String instructions) {
    }

    /** Over a single-session transport (stdio, one TCP connection). */
    public static McpAsyncServer start(ServerRuntime runtime, McpServerTransportProvider transport, McpJsonMapper json) {
        return configure(McpServer.async(transport), runtime, json);
    }

    /** Over Streamable HTTP, one MCP session per client. */
    public static McpAsyncServer start(ServerRuntime runtime, McpStreamableServerTransportProvider transport, McpJsonMapper json) {
        return configure(McpServer.async(transport), runtime, json);
    }

    /** Over stateless Streamable HTTP (replicas behind a load balancer): no session, no progress stream. */
    public static McpStatelessAsyncServer start(ServerRuntime runtime, McpStatelessServerTransport transport, McpJsonMapper json) {
        Plan plan = plan(runtime, json);
        return McpServer.async(transport)
                .serverInfo("proxmox-mcp", Version.text())
                .instructions(plan.instructions())
                .jsonMapper(json)
                .jsonSchemaValidator(runtime.schemaValidator())
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
                .resources(skills(runtime).stream()
                        .map(r -> new McpStatelessServerFeatures.AsyncResourceSpecification(r.resource(), (context, request) -> r.read()))
                        .toList())
                .tools(plan.tools().stream()
                        .map(served -> McpStatelessServerFeatures.AsyncToolSpecification.builder()
                                .tool(served.tool())
                                .callHandler((context, request) -> served.handler().handle(context, ProgressReporter.NONE, request))
                                .build())
                        .toList())
                .addToolFilter((context, tool) -> listed(runtime, plan, context, tool))
                .build();
    }

    private static McpAsyncServer configure(McpServer.AsyncSpecification<?> server, ServerRuntime runtime, McpJsonMapper json) {
        Plan plan = plan(runtime, json);
        return server
                .serverInfo("proxmox-mcp", Version.text())
                .instructions(plan.instructions())
                .jsonMapper(json)
                .jsonSchemaValidator(runtime.schemaValidator())
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
                .resources(skills(runtime).stream()
                        .map(r -> new McpServerFeatures.AsyncResourceSpecification(r.resource(), (exchange, request) -> r.read()))
                        .toList())
                .tools(plan.tools().stream()
                        .map(served -> McpServerFeatures.AsyncToolSpecification.builder()
                                .tool(served.tool())
                                .callHandler((exchange, request) -> served.handler()
                                        .handle(exchange.transportContext(), reporter(exchange, request), request))
                                .build())
                        .toList())
                .addToolFilter((context, tool) -> listed(runtime, plan, context, tool))
                .build();
    }

    /** One resource per enabled pack: its skill and tools as markdown. */
    private record Skill(McpSchema.Resource resource, String text) {
        Mono<McpSchema.ReadResourceResult> read() {
            return Mono.just(new McpSchema.ReadResourceResult(
                    List.of(new McpSchema.TextResourceContents(resource.uri(), "text/markdown", text))));
        }
    }

    private static List<Skill> skills(ServerRuntime runtime) {
        return runtime.registry().packs().stream()
                .map(pack -> new Skill(McpSchema.Resource.builder()
                        .uri(SkillReference.uri(pack))
                        .name("skill-" + pack.name())
                        .title("Using the " + pack.name() + " tools")
                        .description("When to use the " + pack.name() + " tools, their traps, recipes, and the tool list")
                        .mimeType("text/markdown")
                        .build(), SkillReference.render(pack, runtime.registry())))
                .toList();
    }

    private static Mono<Boolean> listed(ServerRuntime runtime, Plan plan, McpTransportContext context, McpSchema.Tool tool) {
        // The first tools/list comes right after initialize: a good moment to start the beans
        // in the background, while the client is still busy with the list.
        runtime.startContext();
        return Mono.just(plan.listed().contains(tool.name()) && visible(runtime, context, tool.name()));
    }

    /**
     * Every tool is served so that a call by name always reaches the permission gate; the list shows the offered
     * ones (BASIC only unless elevated tools are allowed), or in discover mode the three discovery tools.
     */
    private static Plan plan(ServerRuntime runtime, McpJsonMapper json) {
        List<RegisteredTool> all = runtime.registry().all();
        ToolCatalog catalog = new ToolCatalog(all);
        boolean elevated = runtime.settings().allowElevated();
        List<RegisteredTool> offered = runtime.registry().listed(elevated);
        List<Served> served = new ArrayList<>(all.stream()
                .map(tool -> new Served(catalog.tool(tool.name()),
                        (context, progress, request) -> call(runtime, tool, context, progress, request)))
                .toList());
        if (!runtime.settings().toolMode().equals("discover")) {
            return new Plan(served, offered.stream().map(RegisteredTool::name).collect(Collectors.toUnmodifiableSet()), INSTRUCTIONS);
        }
        DiscoveryTools discovery = new DiscoveryTools(offered, catalog, json, runtime.schemaValidator(), elevated);
        List<McpSchema.Tool> tools = discovery.tools();
        served.add(new Served(tools.get(0), (context, progress, request) -> Mono.fromCallable(() ->
                result(discovery.search(request.arguments(), Narrowing.of(context)::allows)))));
        served.add(new Served(tools.get(1), (context, progress, request) -> Mono.fromCallable(() ->
                result(discovery.describe(request.arguments(), Narrowing.of(context)::allows)))));
        served.add(new Served(tools.get(2), (context, progress, request) -> {
            DiscoveryTools.Resolved resolved = discovery.resolve(request.arguments());
            if (resolved.refusal() != null) {
                return Mono.just(result(resolved.refusal()));
            }
            return call(runtime, resolved.tool(), context, progress,
                    new McpSchema.CallToolRequest(resolved.tool().name(), resolved.arguments(), request.meta()));
        }));
        return new Plan(served, tools.stream().map(McpSchema.Tool::name).collect(Collectors.toUnmodifiableSet()),
                INSTRUCTIONS + DiscoveryTools.INSTRUCTIONS);
    }

    /** The tools/list a client receives with these settings: the offered tools, or the three discovery tools. */
    public static List<McpSchema.Tool> listing(ToolRegistry registry, Settings settings, McpJsonMapper json) {
        List<RegisteredTool> offered = registry.listed(settings.allowElevated());
        if (settings.toolMode().equals("discover")) {
            return new DiscoveryTools(offered, new ToolCatalog(offered), json, new DeferredSchemaValidator(),
                    settings.allowElevated()).tools();
        }
        return new ToolCatalog(offered).tools();
    }

    private static McpSchema.CallToolResult result(ToolResult result) {
        return McpSchema.CallToolResult.builder().addTextContent(result.text()).isError(result.error()).build();
    }

    /** Discovery tools are always visible; any other tool only if the client's narrowing allows it. */
    private static boolean visible(ServerRuntime runtime, McpTransportContext context, String name) {
        return runtime.registry().find(name).map(Narrowing.of(context)::allows).orElse(true);
    }

    private static Mono<McpSchema.CallToolResult> call(ServerRuntime runtime, RegisteredTool tool, McpTransportContext context,
                                                       ProgressReporter progress, McpSchema.CallToolRequest request) {
        if (!Narrowing.of(context).allows(tool)) {
            return Mono.just(result(ToolResult.error(tool.name() + " is not available to this client: its "
                    + Narrowing.TOOLSETS + ", " + Narrowing.TOOLS + " or " + Narrowing.READONLY + " header leaves it out. "
                    + "Nothing was sent to Proxmox.")));
        }
        return runtime.gateway()
                .flatMap(gateway -> gateway.call(tool.definition(), request.arguments(), progress))
                .onErrorResume(failure -> {
                    LOG.warn("{} failed unexpectedly: {}", tool.name(), failure.toString());
                    return Mono.just(ToolResult.error("Internal error while running " + tool.name() + ": "
                            + failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage())));
                })
                .map(McpToolServer::result);
    }

    private static ProgressReporter reporter(McpAsyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        if (token == null) {
            return ProgressReporter.NONE;
        }
        return (progress, total, message) -> exchange
                .progressNotification(new McpSchema.ProgressNotification(token, progress, total, message))
                .subscribe(ok -> { }, error -> LOG.debug("progress not sent: {}", error.toString()));
    }
}
