package io.github.proxmoxmcp.server;

import io.github.proxmoxmcp.server.cli.RootCommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point. stdout is kept for the command's own output (JSON-RPC when serving); everything
 * else that would print to System.out goes to stderr instead.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        JvmDefaults.apply(System.getProperties());
        java.util.OptionalInt underCache = AotCache.relaunch(args, System.getenv());
        if (underCache.isPresent()) {
            System.exit(underCache.getAsInt());
        }
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        int exit = RootCommand.servePlain(args, stdout).orElseGet(() -> new CommandLine(new RootCommand(stdout))
                .setOut(new java.io.PrintWriter(stdout, true))
                .setErr(new java.io.PrintWriter(System.err, true))
                .execute(args));
        stdout.flush();
        System.exit(exit);
    }
}
