package io.github.proxmoxmcp.server.cli;

import io.github.proxmoxmcp.sandbox.Sandbox;
import io.github.proxmoxmcp.sandbox.SandboxOptions;
import io.github.proxmoxmcp.server.Logging;
import io.github.proxmoxmcp.server.Version;
import io.github.proxmoxmcp.server.config.SandboxSettings;
import io.github.proxmoxmcp.server.config.Settings;
import io.github.proxmoxmcp.server.config.SettingsException;
import io.github.proxmoxmcp.server.logging.Redaction;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code proxmox-mcp [--sandbox] [--packs a,b] [serve|tools|call|warmup|bridge|doctor]}; serving over stdio is the default. */
@Command(name = "proxmox-mcp",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.VersionProvider.class,
        description = "MCP server for administering a Proxmox VE cluster. Configured with PROXMOX_* environment variables.",
        subcommands = {ServeCommand.class, ToolsCommand.class, CallCommand.class, WarmupCommand.class, BridgeCommand.class,
            DoctorCommand.class})
public final class RootCommand implements Callable<Integer> {

    static final int CONFIG_ERROR = 2;

    @Option(names = "--sandbox", description = "Run against a built-in simulated cluster (no Proxmox needed; elevated tools allowed). "
            + "Same as PROXMOX_SANDBOX=true.")
    boolean sandbox;

    @Option(names = "--packs", split = ",", description = "Tool packs to enable (default: all; same as PROXMOX_TOOL_PACKS).")
    List<String> packs;

    final PrintStream stdout;
    private Sandbox running;

    public RootCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() {
        return new ServeCommand(this).call();
    }

    /**
     * Serves the plain start a client makes, {@code proxmox-mcp} or {@code proxmox-mcp --sandbox}, without building the
     * command-line model: picocli's classes are of a class-file version the JDK's AOT cache cannot hold, so loading and
     * verifying them would cost every session's start-up for a command line with nothing to parse. Anything else is
     * left to picocli (empty result).
     */
    public static OptionalInt servePlain(String[] args, PrintStream stdout) {
        boolean sandbox = args.length == 1 && args[0].equals("--sandbox");
        if (args.length > 0 && !sandbox) {
            return OptionalInt.empty();
        }
        RootCommand root = new RootCommand(stdout);
        root.sandbox = sandbox;
        return OptionalInt.of(root.call());
    }

    /** Settings from the environment and options; with --sandbox, pointed at a freshly started sandbox. */
    Settings settings(boolean needsConnection) {
        return settings(Settings.fromEnvironment(System.getenv()), needsConnection);
    }

    Settings settings(Settings fromEnvironment, boolean needsConnection) {
        Settings settings = fromEnvironment;
        Logging.setLevel(settings.logLevel());
        Redaction.register(settings.secrets());
        if (packs != null && !packs.isEmpty()) {
            settings = settings.withPacks(packs.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
        }
        if (sandbox || settings.sandbox()) {
            SandboxSettings simulation = SandboxSettings.fromEnvironment(System.getenv());
            running = Sandbox.start(new SandboxOptions(simulation.seed(), simulation.fixedClock(), simulation.taskDuration(),
                    simulation.pveMajor()));
            System.err.println("proxmox-mcp: SANDBOX MODE - a simulated Proxmox VE " + simulation.pveMajor() + " cluster on " + running.url()
                    + ", not a real one. Nothing you do here touches real machines.");
            Redaction.register(java.util.List.of(running.tokenSecret(), running.password()));
            return settings.withConnection(URI.create(running.url()), running.tokenId(), running.tokenSecret(), true);
        }
        return needsConnection ? settings.requireConnection() : settings;
    }

    static int configError(SettingsException e) {
        System.err.println("proxmox-mcp: configuration error: " + e.getMessage());
        return CONFIG_ERROR;
    }

    static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"proxmox-mcp " + Version.text(), "Java " + Runtime.version()};
        }
    }


}
