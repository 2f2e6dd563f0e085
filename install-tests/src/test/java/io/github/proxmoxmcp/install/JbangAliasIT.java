package io.github.proxmoxmcp.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install paths as a user runs them, with jbang from Maven Central and the jar just built at the released Maven
 * coordinates in a local repository (where the release, or {@code mvn install} of a release version, puts it): the
 * aliases of jbang-catalog.json, and the Claude Code plugin's server entries from a copy of the plugin that has no
 * built jar. Nothing is fetched from the network.
 */
class JbangAliasIT {

    private static final Path ROOT = Path.of(System.getProperty("project.root")).toAbsolutePath().normalize();
    /** The version the aliases run: that of the poms, as released. */
    private static final String VERSION = System.getProperty("project.version").replace("-SNAPSHOT", "");
    private static final String COORDINATES = "io.github.proxmoxmcp:proxmox-mcp-server:";

    @TempDir
    static Path work;
    private static Path shims;
    private static Path repo;

    @BeforeAll
    static void jbangAndALocalRepository() throws IOException {
        repo = work.resolve("repository");
        Path artifact = repo.resolve("io/github/proxmoxmcp/proxmox-mcp-server/" + VERSION);
        Files.createDirectories(artifact);
        Files.copy(Path.of(System.getProperty("server.jar")), artifact.resolve("proxmox-mcp-server-" + VERSION + ".jar"));
        // the shaded jar holds every dependency: its published pom (the shade plugin's reduced pom) declares none
        String reduced = Files.readString(Path.of(System.getProperty("server.jar")).resolveSibling("dependency-reduced-pom.xml"));
        for (String dependency : reduced.split("<dependency>")) {
            if (dependency.contains("</dependency>")) {
                assertTrue(dependency.contains("<scope>test</scope>"), "the published pom declares " + dependency);
            }
        }
        Files.writeString(artifact.resolve("proxmox-mcp-server-" + VERSION + ".pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <groupId>io.github.proxmoxmcp</groupId><artifactId>proxmox-mcp-server</artifactId><version>%s</version>
                </project>
                """.formatted(VERSION));

        // jbang's own launcher script runs the jar and, on exit code 255, executes the command line it printed
        shims = Files.createDirectories(work.resolve("shims"));
        String classpath = Files.readString(Path.of(System.getProperty("jbang.classpath"))).trim();
        Path jbang = shims.resolve("jbang");
        Files.writeString(jbang, """
                #!/usr/bin/env bash
                out="$('%s' -cp '%s' dev.jbang.Main "$@")"; rc=$?
                if [ "$rc" -eq 255 ]; then eval "exec $out"; fi
                [ -n "$out" ] && printf '%%s\\n' "$out"
                exit "$rc"
                """.formatted(javaHome().resolve("bin/java"), classpath));
        Files.setPosixFilePermissions(jbang, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    /** A copy of jbang-catalog.json, whose aliases run the version of the poms. */
    private static void catalogFor(Path dir) throws IOException {
        String catalog = Files.readString(ROOT.resolve("jbang-catalog.json"));
        assertEquals(2, catalog.split(java.util.regex.Pattern.quote(COORDINATES + VERSION + "\""), -1).length - 1, catalog);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("jbang-catalog.json"), catalog);
    }

    private static void environment(Map<String, String> env, Path home) {
        env.keySet().removeIf(k -> k.startsWith("PROXMOX_") || k.startsWith("MCP_") || k.startsWith("JBANG"));
        env.put("HOME", home.toString());
        env.put("JBANG_DIR", work.resolve("jbang-home").toString());
        env.put("JBANG_REPO", repo.toString());
        env.put("PATH", shims + ":/usr/bin:/bin");
    }

    /** initialize, tools/list and a call to the sandbox's nodes, as a client does. */
    private static void drive(StdioSession session) throws Exception {
        JsonObject init = session.request(1, "initialize", """
                {"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"install-test","version":"1"}}""", 90);
        assertEquals("proxmox-mcp", init.getAsJsonObject("result").getAsJsonObject("serverInfo").get("name").getAsString(),
                init.toString());
        session.notify("notifications/initialized");
        JsonObject list = session.request(2, "tools/list", "{}", 30);
        List<String> names = new ArrayList<>();
        for (JsonElement tool : list.getAsJsonObject("result").getAsJsonArray("tools")) {
            names.add(tool.getAsJsonObject().get("name").getAsString());
        }
        assertTrue(names.contains("proxmox_node_list") && names.contains("proxmox_guest_power"), names.toString());
        JsonObject call = session.request(3, "tools/call", "{\"name\":\"proxmox_node_list\",\"arguments\":{}}", 60);
        JsonObject result = call.getAsJsonObject("result");
        assertFalse(result.has("isError") && result.get("isError").getAsBoolean(), call.toString());
        String text = result.getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString();
        assertTrue(text.contains("pve1") && text.contains("online"), text);
        assertEquals(0, session.finish(), session.stderr());
    }

    @Test
    void theSandboxAliasServesOverStdio() throws Exception {
        Path dir = work.resolve("alias");
        catalogFor(dir);
        ProcessBuilder builder = new ProcessBuilder(shims.resolve("jbang").toString(), "--quiet", "--offline", "run", "proxmox-mcp-sandbox")
                .directory(dir.toFile());
        environment(builder.environment(), work.resolve("home-alias"));
        builder.environment().put("JAVA_HOME", javaHome().toString());
        Path cache = work.resolve("alias-cache");
        builder.environment().put("PROXMOX_MCP_CACHE", cache.toString());
        builder.environment().put("PROXMOX_MCP_WARMUP_DELAY", "0");
        try (StdioSession session = new StdioSession(builder, work.resolve("alias.err"))) {
            drive(session);
            assertTrue(session.stderr().contains("SANDBOX MODE"), session.stderr());
        }

        // the first start recorded the JDK's AOT cache in the background; the next one runs under it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while ((aotCaches(cache).isEmpty() || !Files.exists(Path.of(aotCaches(cache).getFirst() + ".flags"))
                || Files.exists(cache.resolve("java-warmup.lock"))) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(1, aotCaches(cache).size(), "a cache for this jar and this JDK");
        Path base = aotCaches(cache).getFirst();
        assertEquals(List.of("-XX:SharedArchiveFile=" + base + ":" + base + ".top", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:ArchiveRelocationMode=0"), Files.readAllLines(Path.of(base + ".flags")), "the options that use both layers");
        try (StdioSession session = new StdioSession(builder, work.resolve("alias-cached.err"))) {
            drive(session);
        }
    }

    private static List<Path> aotCaches(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("java-\\d+\\.aot")).toList();
        }
    }

    @Test
    void thePluginAsInstalledStartsItsEntriesThroughJbang() throws Exception {
        Path plugin = work.resolve("plugin");
        Files.createDirectories(plugin.resolve("bin"));
        Files.copy(ROOT.resolve("bin/proxmox-mcp"), plugin.resolve("bin/proxmox-mcp"));
        Files.copy(ROOT.resolve(".mcp.json"), plugin.resolve(".mcp.json"));
        catalogFor(plugin);
        JsonObject servers = JsonParser.parseString(Files.readString(plugin.resolve(".mcp.json"))).getAsJsonObject()
                .getAsJsonObject("mcpServers");

        try (StdioSession session = new StdioSession(entry(plugin, servers.getAsJsonObject("proxmox-sandbox")),
                work.resolve("plugin-sandbox.err"))) {
            drive(session);
        }

        // the real-cluster entry with nothing set: the server's own message, not a variable passed on literally
        Process real = entry(plugin, servers.getAsJsonObject("proxmox")).redirectErrorStream(true).start();
        real.getOutputStream().close();
        String output = new String(real.getInputStream().readAllBytes());
        assertTrue(real.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, real.exitValue(), output);
        assertTrue(output.contains("configuration error: PROXMOX_HOST is required"), output);
    }

    /** A server entry of .mcp.json started as Claude Code starts it for a user who set none of its variables. */
    private static ProcessBuilder entry(Path plugin, JsonObject server) {
        List<String> command = new ArrayList<>();
        command.add(server.get("command").getAsString().replace("${CLAUDE_PLUGIN_ROOT}", plugin.toString()));
        server.getAsJsonArray("args").forEach(a -> command.add(a.getAsString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        environment(builder.environment(), work.resolve("home-plugin"));
        builder.environment().remove("JAVA_HOME");
        for (var variable : server.getAsJsonObject("env").entrySet()) {
            String value = variable.getValue().getAsString();
            assertTrue(value.matches("\\$\\{[A-Z_]+:-}"), variable.getKey() + "=" + value);
            builder.environment().put(variable.getKey(), "");
        }
        builder.environment().put("PROXMOX_MCP_CACHE", work.resolve("plugin-cache").toString());
        builder.environment().put("PROXMOX_MCP_AUTO_WARMUP", "false");
        return builder;
    }
}
