package io.github.proxmoxmcp.server;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.zip.CRC32;

/**
 * The JDK's AOT cache for a server started as a plain {@code java -cp <jar>} with {@code -Dproxmox-mcp.aot=auto}
 * (the jbang aliases), as bin/proxmox-mcp does it in the shell: with a cache for this jar and this JDK, the server is
 * started again under it; without one, one is recorded in the background, once, for the next starts, and this
 * process goes on serving. The cache is keyed by the jar (path, size, time) and the JDK, so a stale one is never used.
 * As there, it has two layers (the first answers' classes, loaded in full at every start, and the rest of a session's,
 * read when used), and a file of the JVM options that use them, written last.
 */
final class AotCache {

    static final String PROPERTY = "proxmox-mcp.aot";
    private static final String STARTED = "PROXMOX_MCP_AOT_STARTED";
    /** As bin/proxmox-mcp: map the cache where it was recorded, for a cache whose JDK accepted these flags. */
    private static final List<String> PINNED = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");

    private AotCache() {
    }

    /** The exit code of the server started again under the cache, or empty to go on in this process. */
    static OptionalInt relaunch(String[] args, Map<String, String> env) {
        if (!"auto".equals(System.getProperty(PROPERTY)) || env.containsKey(STARTED)
                || "false".equals(env.get("PROXMOX_MCP_AUTO_WARMUP"))) {
            return OptionalInt.empty();
        }
        try {
            Path jar = Path.of(AotCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return OptionalInt.empty();
            }
            Path dir = cacheDir(env);
            Path cache = dir.resolve("java-" + key(jar) + ".aot");
            List<String> jvm = jvmOptions();
            jvm.removeIf(a -> a.startsWith("-XX:AOTCache") || a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-XX:ArchiveClassesAtExit"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path flags = Path.of(cache + ".flags");
            if (Files.isRegularFile(flags)) {
                List<String> command = new ArrayList<>(List.of(java));
                command.addAll(jvm);
                Files.readAllLines(flags).stream().filter(line -> !line.isBlank()).forEach(command::add);
                command.addAll(List.of("-cp", jar.toString(), Main.class.getName()));
                command.addAll(List.of(args));
                ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
                builder.environment().put(STARTED, "1");
                Process server = builder.start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
                return OptionalInt.of(server.waitFor());
            }
            recordInBackground(java, jvm, jar, dir, cache, env);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // no cache then: the server starts as it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OptionalInt.empty();
    }

    /** This JVM's options: its command line up to the class path (lighter than the management bean at start-up). */
    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        for (String argument : ProcessHandle.current().info().arguments().orElse(new String[0])) {
            if (List.of("-cp", "-classpath", "--class-path", "-jar").contains(argument)) {
                return options;
            }
            options.add(argument);
        }
        throw new IllegalStateException("no class path on the command line");
    }

    private static Path cacheDir(Map<String, String> env) {
        String own = env.get("PROXMOX_MCP_CACHE");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("proxmox-mcp");
    }

    private static String key(Path jar) throws IOException {
        CRC32 crc = new CRC32();
        String id = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
                + System.getProperty("java.home") + "|" + System.getProperty("java.runtime.version");
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue());
    }

    /** A niced training run of the warmup session after a short delay, under a lock; it writes nothing to this process. */
    private static void recordInBackground(String java, List<String> jvm, Path jar, Path dir, Path cache, Map<String, String> env)
            throws IOException {
        if (!new File("/bin/sh").canExecute()) {
            return;
        }
        Files.createDirectories(dir);
        Path lock = dir.resolve("java-warmup.lock");
        if (Files.isDirectory(lock) && Files.getLastModifiedTime(lock).toMillis() < System.currentTimeMillis() - 600_000) {
            Files.deleteIfExists(lock); // left by a warmup that died
        }
        try {
            Files.createDirectory(lock);
        } catch (IOException taken) {
            return;
        }
        // the JVM options come as the script's arguments; its variables: J java, C the base layer, D the directory,
        // N the base layer's file name, L the lock, W the delay
        String script = "trap 'rmdir \"$L\"' EXIT; sleep \"$W\"; "
                + "find \"$D\" -maxdepth 1 -name 'java-*.aot*' ! -name \"$N*\" -delete; rm -f \"$C\" \"$C.top\" \"$C.flags\"; "
                + "nice -n 19 \"$J\" \"$@\" -XX:AOTCacheOutput=\"$C\" -cp \"$JAR\" \"$MAIN\" warmup --first-answers && [ -f \"$C\" ] || exit; "
                + "U=\"-XX:AOTCache=$C\"; "
                + "nice -n 19 \"$J\" \"$@\" -XX:SharedArchiveFile=\"$C\" -XX:ArchiveClassesAtExit=\"$C.top\" -cp \"$JAR\" \"$MAIN\" warmup "
                + "&& [ -f \"$C.top\" ] && U=\"-XX:SharedArchiveFile=$C:$C.top\"; "
                + "printf '%s\\n' \"$U\" >\"$C.flags.tmp\"; "
                + "\"$J\" " + String.join(" ", PINNED) + " -version >/dev/null 2>&1 && printf '%s\\n' " + String.join(" ", PINNED)
                + " >>\"$C.flags.tmp\"; mv -f \"$C.flags.tmp\" \"$C.flags\"";
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script, "sh"));
        command.addAll(jvm);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve("java-warmup.log").toFile())
                .redirectErrorStream(true);
        builder.environment().put(STARTED, "1");
        builder.environment().put("J", java);
        builder.environment().put("JAR", jar.toString());
        builder.environment().put("MAIN", Main.class.getName());
        builder.environment().put("C", cache.toString());
        builder.environment().put("D", dir.toString());
        builder.environment().put("N", cache.getFileName().toString());
        builder.environment().put("L", lock.toString());
        builder.environment().put("W", env.getOrDefault("PROXMOX_MCP_WARMUP_DELAY", "3"));
        builder.start();
    }
}
