package io.github.proxmoxmcp.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

    @Test
    void defaultsAndOverrides() {
        assertEquals(new SandboxSettings(42, null, Duration.ofMillis(300), 9), SandboxSettings.fromEnvironment(Map.of()));
        assertEquals(new SandboxSettings(7, Instant.parse("2026-01-01T00:00:00Z"), Duration.ZERO, 8),
                SandboxSettings.fromEnvironment(Map.of("PROXMOX_SANDBOX_SEED", "7", "PROXMOX_SANDBOX_CLOCK", "2026-01-01T00:00:00Z",
                        "PROXMOX_SANDBOX_TASK_MS", "0", "PROXMOX_SANDBOX_PVE", "8")));
    }

    @Test
    void badValuesNameTheVariable() {
        assertEquals("PROXMOX_SANDBOX_SEED: expected a whole number, got 'x'",
                assertThrows(SettingsException.class, () -> SandboxSettings.fromEnvironment(Map.of("PROXMOX_SANDBOX_SEED", "x")))
                        .getMessage());
        assertEquals("PROXMOX_SANDBOX_CLOCK: expected an ISO-8601 instant such as 2026-01-01T00:00:00Z, got 'noon'",
                assertThrows(SettingsException.class, () -> SandboxSettings.fromEnvironment(Map.of("PROXMOX_SANDBOX_CLOCK", "noon")))
                        .getMessage());
        assertEquals("PROXMOX_SANDBOX_TASK_MS: expected milliseconds >= 0, got '-5'",
                assertThrows(SettingsException.class, () -> SandboxSettings.fromEnvironment(Map.of("PROXMOX_SANDBOX_TASK_MS", "-5")))
                        .getMessage());
        assertEquals("PROXMOX_SANDBOX_PVE: expected 8 or 9, got '7'",
                assertThrows(SettingsException.class, () -> SandboxSettings.fromEnvironment(Map.of("PROXMOX_SANDBOX_PVE", "7")))
                        .getMessage());
    }
}
