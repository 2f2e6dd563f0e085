package io.github.proxmoxmcp.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.ToolResult;
import java.util.Map;

/** Assertions on tool results and recorded requests, and the fixed texts the server answers with. */
public final class PackAssertions {

    public static final String NOT_FOUND_HINT = "Check the node, VMID or name: list them first with the matching *_list tool.";
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
