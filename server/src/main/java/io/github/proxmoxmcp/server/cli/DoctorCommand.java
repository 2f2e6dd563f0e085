package io.github.proxmoxmcp.server.cli;

import io.github.proxmoxmcp.server.config.Settings;
import io.github.proxmoxmcp.server.config.SettingsException;
import io.github.proxmoxmcp.server.doctor.Doctor;
import io.github.proxmoxmcp.server.registry.ToolRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Checks the set-up step by step and says what to fix: configuration, DNS and TCP, TLS, login, version, privileges, mode. */
@Command(name = "doctor", description = "Check the configuration and the connection to Proxmox step by step, and say what to fix. "
        + "Exit code 0 only when everything the enabled tools need holds.")
final class DoctorCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Override
    public Integer call() {
        Settings settings;
        ToolRegistry registry;
        try {
            settings = root.settings(true);
            registry = ToolRegistry.load(settings.packs(), settings.tools());
        } catch (SettingsException e) {
            int code = Doctor.configurationFailed(e.getMessage(), root.stdout);
            root.stdout.flush();
            return code;
        }
        int code = new Doctor(settings, registry, root.stdout).run();
        root.stdout.flush();
        return code;
    }
}
