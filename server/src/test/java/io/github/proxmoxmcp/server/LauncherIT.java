package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/proxmox-mcp: the first start without a cache records one in the background, in two layers, and says nothing about
 * it; the next start uses both layers without a word from the JVM; a copy
 * without a built jar (as the plugin is installed) and without jbang fails at once, saying how to get jbang.
 */
class LauncherIT {

    private static Path launcher() {
        return Path.of(ServerProcess.jar()).getParent().getParent().getParent().resolve("bin/proxmox-mcp");
    }

    private static List<Path> caches(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("proxmox-mcp-\\d+\\.aot")).toList();
        }
    }

    @Test
    void theFirstStartRecordsTheCacheInTheBackground(@TempDir Path cache) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcher().toString(), "--version");
        builder.environment().put("PROXMOX_MCP_CACHE", cache.toString());
        builder.environment().put("PROXMOX_MCP_WARMUP_DELAY", "0");
        builder.environment().put("JAVA_HOME", Path.of(ServerProcess.java()).getParent().getParent().toString());
        builder.redirectError(ProcessBuilder.Redirect.PIPE);
        Process first = builder.start();
        String stdout = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(first.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue(), stderr);
        assertTrue(stdout.startsWith("proxmox-mcp "), stdout);
        assertEquals(2, stdout.lines().count(), "the version and the JVM, nothing from the warmup: " + stdout);
        assertEquals("", stderr);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while ((caches(cache).isEmpty() || !Files.exists(Path.of(caches(cache).getFirst() + ".flags"))
                || Files.exists(cache.resolve("warmup.lock"))) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(1, caches(cache).size(), "a cache for this jar and JDK");
        assertFalse(Files.exists(cache.resolve("warmup.lock")), "the lock is released");
        Path base = caches(cache).getFirst();
        assertEquals(List.of("-XX:SharedArchiveFile=" + base + ":" + base + ".top", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:ArchiveRelocationMode=0"), Files.readAllLines(Path.of(base + ".flags")), "the options that use both layers");

        Process next = builder.start();
        String nextOut = new String(next.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String nextErr = new String(next.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(next.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, next.exitValue(), nextErr);
        assertEquals(stdout, nextOut);
        assertEquals("", nextErr, "the JVM takes both layers without a warning");
    }

    @Test
    void withoutAJarAndWithoutJbangItFailsAtOnceSayingHowToInstallJbang(@TempDir Path copy) throws Exception {
        assumeFalse(Files.exists(Path.of("/usr/bin/jbang")) || Files.exists(Path.of("/bin/jbang")), "jbang is installed system-wide");
        Files.createDirectories(copy.resolve("bin"));
        Files.copy(launcher(), copy.resolve("bin/proxmox-mcp"));
        Files.copy(launcher().getParent().getParent().resolve("jbang-catalog.json"), copy.resolve("jbang-catalog.json"));
        ProcessBuilder builder = new ProcessBuilder(copy.resolve("bin/proxmox-mcp").toString(), "--sandbox");
        builder.environment().keySet().removeIf(k -> k.startsWith("PROXMOX_") || k.equals("JBANG"));
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("HOME", copy.resolve("home").toString());
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "at once, not after a client's timeout");
        assertEquals(3, process.exitValue());
        assertEquals("", stdout);
        assertEquals(1, stderr.lines().count(), stderr);
        assertTrue(stderr.startsWith("proxmox-mcp: needs jbang to fetch the server (https://www.jbang.dev/download: "), stderr);
    }
}
