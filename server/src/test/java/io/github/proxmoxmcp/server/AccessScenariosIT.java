package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, end to end, a fresh {@link SandboxSession} per test.
 */
class AccessScenariosIT {

    private static final String TOKEN_NOTE = "A token with privilege separation (the default) has only what ACLs grant "
            + "to the token itself, within its user's privileges.";

    private SandboxSession sandbox;

    @BeforeEach
    void start() {
        sandbox = SandboxSession.start(9);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String ok(String tool, Map<String, Object> arguments) {
        return sandbox.ok(tool, arguments);
    }

    @Test
    void aUserAndATokenWithVmAdminOnOnePool() {
        assertEquals("user ci@pve created", ok("proxmox_access_user_manage",
                Map.of("action", "create", "userid", "ci@pve", "comment", "deployments")));
        String created = ok("proxmox_access_token_manage", Map.of("action", "create", "userid", "ci@pve", "tokenid", "deploy"));
        Matcher secret = Pattern.compile("(?m)^secret: ([0-9a-f-]{36})$").matcher(created);
        assertTrue(secret.find(), created);
        assertEquals("granted PVEVMAdmin on /pool/development to user ci@pve, token ci@pve!deploy (and its child paths)", ok("proxmox_access_acl_set",
                Map.of("action", "grant", "path", "/pool/development", "roles", List.of("PVEVMAdmin"),
                        "who", List.of("ci@pve", "ci@pve!deploy"))));

        assertEquals("ci@pve!deploy on /vms/104: has VM.Allocate, VM.PowerMgmt, VM.Snapshot", ok("proxmox_access_permissions",
                Map.of("userid", "ci@pve!deploy", "path", "/vms/104", "privs", List.of("VM.Allocate", "VM.PowerMgmt", "VM.Snapshot"))));
        String everywhere = ok("proxmox_access_permissions", Map.of("userid", "ci@pve!deploy"));
        assertEquals(List.of("ci@pve!deploy:", "PATH", "/pool/development", "/vms/104", "/vms/105"),
                everywhere.lines().map(l -> l.split(" ")[0]).toList(), everywhere);
        assertEquals("ci@pve!deploy on /vms/100: missing VM.PowerMgmt\nGrant a role that has them with proxmox_access_acl_set. "
                        + TOKEN_NOTE,
                ok("proxmox_access_permissions", Map.of("userid", "ci@pve!deploy", "path", "/vms/100", "privs", List.of("VM.PowerMgmt"))));

        String tokens = ok("proxmox_access_user_get", Map.of("view", "tokens", "userid", "ci@pve"));
        assertEquals("""
                TOKEN   PRIVSEP  EXPIRE  COMMENT
                deploy  yes      never   -""", tokens);
        assertFalse(ok("proxmox_access_user_get", Map.of("view", "user", "userid", "ci@pve")).contains(secret.group(1)));
        assertFalse(ok("proxmox_access_user_get", Map.of("view", "users")).contains(secret.group(1)));
    }

    @Test
    void whyATokenGets403OnAVm() {
        assertEquals("automation@pve!terraform on /vms/104: missing VM.PowerMgmt\nGrant a role that has them with "
                        + "proxmox_access_acl_set. " + TOKEN_NOTE,
                ok("proxmox_access_permissions", Map.of("userid", "automation@pve!terraform", "path", "/vms/104",
                        "privs", List.of("VM.PowerMgmt"))));
        assertEquals("""
                PATH               TYPE   WHO                       ROLE        PROPAGATE
                /pool/development  token  automation@pve!terraform  PVEVMAdmin  yes""",
                ok("proxmox_access_acl_get", Map.of("who", "automation@pve!terraform")));
        assertEquals("automation@pve has no privileges on /vms/104",
                ok("proxmox_access_permissions", Map.of("userid", "automation@pve", "path", "/vms/104")));

        ok("proxmox_access_acl_set", Map.of("action", "grant", "path", "/pool/development", "roles", List.of("PVEVMUser"),
                "who", List.of("automation@pve")));
        assertEquals("automation@pve!terraform on /vms/104: has VM.PowerMgmt", ok("proxmox_access_permissions",
                Map.of("userid", "automation@pve!terraform", "path", "/vms/104", "privs", List.of("VM.PowerMgmt"))));
    }

    @Test
    void removeAUsersAccess() {
        assertTrue(ok("proxmox_access_permissions", Map.of("userid", "bob@pve")).contains("/vms/100"));
        assertEquals("user bob@pve deleted, with its API tokens, TFA entries, group memberships and ACL entries",
                ok("proxmox_access_user_manage", Map.of("action", "delete", "userid", "bob@pve", "confirm", true)));
        assertEquals("bob@pve has no privileges", ok("proxmox_access_permissions", Map.of("userid", "bob@pve")));
        String users = ok("proxmox_access_user_get", Map.of("view", "users"));
        assertFalse(users.contains("bob@pve"), users);
        assertTrue(users.lines().anyMatch(l -> l.startsWith("intern@pve ") && l.contains(" operators ")), users);
    }
}
