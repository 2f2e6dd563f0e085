package io.github.proxmoxmcp.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.ToolResult;
import java.util.Map;

/** Assertions on tool results and recorded requests, and the fixed texts the server answers with. */
public final class PackAssertions {

    public static final String NOT_FOUND_HINT = "Check the node, VMID or name: list them first with the matching *_list tool.";
    public static final String TIMEOUT_HINT = "Proxmox did not answer in time: check the node's load and pveproxy; "
            + "PROXMOX_TIMEOUT and PROXMOX_RETRY_ATTEMPTS set how long to wait.";
    public static final String UNCERTAIN_HINT = "The request was sent once and not retried, and it may have been applied: "
            + "check the node's task list (proxmox_node_task_list) or the resource's current state before trying again.";
    public static final String UNAVAILABLE_HINT = "Proxmox is temporarily unavailable; try again shortly.";
    public static final String CONNECTION_HINT = "Check PROXMOX_HOST and PROXMOX_PORT and that the host is reachable.";
    public static final String NOT_JSON_HINT = "Something other than the Proxmox API may have answered (a proxy, a login page): "
            + "check that PROXMOX_HOST and PROXMOX_PORT reach pveproxy (port 8006).";
    public static final String FORBIDDEN_HINT = "The API user lacks a privilege for this path (see the message for which): "
            + "check what it has with proxmox_access_permissions (path, privs). With an API token, privilege separation limits "
            + "the token to its own ACLs: grant the role to the token too, or create the token with privilege separation off.";
    /** Follows the tool name in the refusal of a destructive call without {@code confirm: true}. */
    public static final String CONFIRM_REFUSAL =
            " is destructive: nothing was changed. Check the target, then call again with confirm: true.";

    private PackAssertions() {
    }

    public static void assertOk(String expected, ToolResult result) {
        assertFalse(result.error(), result.text());
        assertEquals(expected, result.text());
    }

    public static void assertError(String expected, ToolResult result) {
        assertTrue(result.error(), result.text());
        assertEquals(expected, result.text());
    }

    public static void assertRequest(MockProxmox.Recorded request, Map<String, String> query, Map<String, String> form) {
        assertEquals(query, request.query());
        assertEquals(form, request.form());
    }
}
