package io.github.proxmoxmcp.server.config;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * How the built-in simulated cluster runs: PROXMOX_SANDBOX_SEED, PROXMOX_SANDBOX_CLOCK (a fixed
 * ISO-8601 instant, so every answer is the same run to run), PROXMOX_SANDBOX_TASK_MS and
 * PROXMOX_SANDBOX_PVE (the Proxmox VE major version it answers as: 8 or 9).
 */
public record SandboxSettings(long seed, Instant fixedClock, Duration taskDuration, int pveMajor) {

    public static SandboxSettings fromEnvironment(Map<String, String> env) {
        long seed = 42;
        String seedText = env.get("PROXMOX_SANDBOX_SEED");
        if (seedText != null && !seedText.isBlank()) {
            try {
                seed = Long.parseLong(seedText.trim());
            } catch (NumberFormatException e) {
                throw new SettingsException("PROXMOX_SANDBOX_SEED: expected a whole number, got '" + seedText + "'");
            }
        }
        Instant clock = null;
        String clockText = env.get("PROXMOX_SANDBOX_CLOCK");
        if (clockText != null && !clockText.isBlank()) {
            try {
                clock = Instant.parse(clockText.trim());
            } catch (DateTimeParseException e) {
                throw new SettingsException("PROXMOX_SANDBOX_CLOCK: expected an ISO-8601 instant such as 2026-01-01T00:00:00Z, got '"
                        + clockText + "'");
            }
        }
        Duration tasks = Duration.ofMillis(300);
        String taskText = env.get("PROXMOX_SANDBOX_TASK_MS");
        if (taskText != null && !taskText.isBlank()) {
            try {
                tasks = Duration.ofMillis(Long.parseLong(taskText.trim()));
                if (tasks.isNegative()) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new SettingsException("PROXMOX_SANDBOX_TASK_MS: expected milliseconds >= 0, got '" + taskText + "'");
            }
        }
        int pve = 9;
        String pveText = env.get("PROXMOX_SANDBOX_PVE");
        if (pveText != null && !pveText.isBlank()) {
            pve = switch (pveText.trim()) {
                case "8" -> 8;
                case "9" -> 9;
                default -> throw new SettingsException("PROXMOX_SANDBOX_PVE: expected 8 or 9, got '" + pveText + "'");
            };
        }
        return new SandboxSettings(seed, clock, tasks, pve);
    }
}
