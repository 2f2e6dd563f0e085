package io.github.proxmoxmcp.server;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How the end-to-end tests start the shaded jar: the same JVM flags as bin/proxmox-mcp, on this JDK. */
final class ServerProcess {

    private ServerProcess() {
    }

    static String jar() {
        String jar = System.getProperty("server.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("system property server.jar must point at the shaded jar (run through mvn verify)");
        }
        return jar;
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", jar()));
        command.addAll(List.of(args));
        return command;
    }

    /** Environment pointing the server at a Proxmox URL with token auth, nothing inherited that could interfere. */
    static Map<String, String> env(String url, boolean elevated) {
        return Map.of(
                "PROXMOX_URL", url,
                "PROXMOX_TOKEN_NAME", "mcp",
                "PROXMOX_TOKEN_VALUE", "e2e-secret-value",
                "PROXMOX_ALLOW_ELEVATED", Boolean.toString(elevated),
                "PROXMOX_RETRY_ATTEMPTS", "0",
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }
}
