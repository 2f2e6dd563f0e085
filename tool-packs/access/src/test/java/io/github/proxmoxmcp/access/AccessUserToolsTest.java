package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_access_user_manage, proxmox_access_tfa_manage, proxmox_access_group_manage and proxmox_access_role_manage. */
@MicronautTest
class AccessUserToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    static final String TOKEN_REFUSAL = "Nothing was sent to Proxmox. Run proxmox-mcp with PROXMOX_USER and PROXMOX_PASSWORD "
            + "for this, or use pveum or the web UI.";

    // proxmox_access_user_manage

    @Test
    void createPostsTheUserWithItsSettings() {
        pack.proxmox().respond("POST", "/access/users", "null");

        assertOk("user alice@pve created", pack.call("proxmox_access_user_manage", """
                {"action":"create","userid":"alice@pve","groups":["ops","admins"],"enable":true,"expire":1798761600,
                 "email":"alice@example.com","comment":"on call","password":"correct horse"}"""));
        assertRequest(pack.only("POST", "/access/users"), Map.of(), Map.of("userid", "alice@pve", "groups", "ops,admins",
                "enable", "1", "expire", "1798761600", "email", "alice@example.com", "comment", "on call",
                "password", "correct horse"));
    }

    @Test
    void updatePutsOnlyWhatWasGivenOnAPercentEncodedPath() {
        pack.proxmox().respond("PUT", "/access/users/alice%40pve", "null");

        assertOk("user alice@pve updated: groups, enable", pack.call("proxmox_access_user_manage",
                "{\"action\":\"update\",\"userid\":\"alice@pve\",\"groups\":[\"dev\"],\"append\":true,\"enable\":false}"));
        assertRequest(pack.only("PUT", "/access/users/alice%40pve"), Map.of(), Map.of("groups", "dev", "append", "1",
                "enable", "0"));
    }

    @Test
    void updateRefusesWhatWouldChangeNothing() {
        pack.invalid("proxmox_access_user_manage", "{\"action\":\"update\",\"userid\":\"alice@pve\"}",
                "action=update needs one of groups, enable, expire, email, comment");
        pack.invalid("proxmox_access_user_manage", "{\"action\":\"update\",\"userid\":\"alice@pve\",\"comment\":\"\"}",
                "comment is empty: Proxmox ignores an empty value, so it would change nothing");
        pack.invalid("proxmox_access_user_manage", "{\"action\":\"update\",\"userid\":\"alice@pve\",\"groups\":[]}",
                "groups is empty");
        pack.invalid("proxmox_access_user_manage", "{\"action\":\"update\",\"userid\":\"alice@pve\",\"append\":true}",
                "action=update needs groups");
        pack.invalid("proxmox_access_user_manage", "{\"action\":\"update\",\"userid\":\"alice@pve\",\"password\":\"new-secret-1\"}",
                "password does not apply to action=update");
        pack.invalid("proxmox_access_user_manage", "{\"action\":\"create\",\"userid\":\"alice@pve\",\"append\":true}",
                "append does not apply to action=create");
    }

    @Test
    void deleteNeedsConfirm() {
        pack.refusedWithoutConfirm("proxmox_access_user_manage", "{\"action\":\"delete\",\"userid\":\"alice@pve\"}");
        pack.invalid("proxmox_access_user_manage", "{\"action\":\"delete\",\"userid\":\"alice@pve\",\"enable\":false,\"confirm\":true}",
                "enable does not apply to action=delete");

        pack.proxmox().respond("DELETE", "/access/users/alice%40pve", "null");
        assertOk("user alice@pve deleted, with its API tokens, TFA entries, group memberships and ACL entries",
                pack.call("proxmox_access_user_manage", "{\"action\":\"delete\",\"userid\":\"alice@pve\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/access/users/alice%40pve"), Map.of(), Map.of());
    }

    @Test
    void aPasswordChangeIsRefusedToAnApiTokenBeforeAnythingIsSent() {
        assertError("Proxmox does not accept an API token for a password change: it needs a password login. " + TOKEN_REFUSAL,
                pack.call("proxmox_access_user_manage", "{\"action\":\"password\",\"userid\":\"alice@pve\",\"password\":\"new-secret-1\"}"));
        pack.assertNothingSent();
        pack.invalid("proxmox_access_user_manage", "{\"action\":\"password\",\"userid\":\"alice@pve\"}", "action=password needs password");
    }

    @Test
    void aDuplicateUserIsProxmoxsError() {
        pack.proxmox().fail("POST", "/access/users", 500, "create user failed: user 'alice@pve' already exists", Map.of());

        assertEquals("Proxmox API error 500: create user failed: user 'alice@pve' already exists",
                pack.error("proxmox_access_user_manage", "{\"action\":\"create\",\"userid\":\"alice@pve\"}").text()
                        .lines().findFirst().orElseThrow());
    }

    @Test
    void hostileUserIdsSendNothing() {
        pack.invalid("proxmox_access_user_manage", "{\"action\":\"create\",\"userid\":\"../x@pve\"}", "userid: must be a user id");
        pack.invalid("proxmox_access_user_manage", "{\"action\":\"update\",\"userid\":\"a/b@pve\",\"enable\":true}",
                "userid: must be a user id");
        pack.invalid("proxmox_access_user_manage", "{\"action\":\"create\",\"userid\":\"x@pve\",\"groups\":[\"a/b\"]}",
                "must be a group id");
    }

    // proxmox_access_tfa_manage

    @Test
    void tfaDeleteNeedsConfirmAndAPasswordLogin() {
        pack.refusedWithoutConfirm("proxmox_access_tfa_manage", "{\"action\":\"delete\",\"userid\":\"alice@pve\",\"id\":\"totp-5b9f\"}");

        assertError("Proxmox does not accept an API token for a TFA change: it needs a password login. " + TOKEN_REFUSAL,
                pack.call("proxmox_access_tfa_manage",
                        "{\"action\":\"delete\",\"userid\":\"alice@pve\",\"id\":\"totp-5b9f\",\"confirm\":true}"));
        pack.assertNothingSent();
        pack.invalid("proxmox_access_tfa_manage", "{\"action\":\"delete\",\"userid\":\"alice@pve\",\"confirm\":true}",
                "action=delete needs id");
        pack.invalid("proxmox_access_tfa_manage", "{\"action\":\"delete\",\"userid\":\"alice@pve\",\"id\":\"a/b\",\"confirm\":true}",
                "id: must be a name without '/'");
    }

    @Test
    void tfaUnlockSaysWhetherTheUserWasLocked() {
        pack.invalid("proxmox_access_tfa_manage", "{\"action\":\"unlock\",\"userid\":\"bob@pve\",\"id\":\"totp\"}",
                "id does not apply to action=unlock");
        pack.proxmox().respond("PUT", "/access/users/alice%40pve/unlock-tfa", "1");
        pack.proxmox().respond("PUT", "/access/users/bob%40pve/unlock-tfa", "0");

        assertOk("TFA of alice@pve unlocked", pack.call("proxmox_access_tfa_manage", "{\"action\":\"unlock\",\"userid\":\"alice@pve\"}"));
        assertOk("bob@pve was not locked out of TFA",
                pack.call("proxmox_access_tfa_manage", "{\"action\":\"unlock\",\"userid\":\"bob@pve\"}"));
        assertRequest(pack.request(0), Map.of(), Map.of());
        assertEquals(java.util.List.of("PUT /access/users/alice%40pve/unlock-tfa", "PUT /access/users/bob%40pve/unlock-tfa"),
                pack.lines());
    }

    // proxmox_access_group_manage

    @Test
    void groupCreateUpdateDelete() {
        pack.refusedWithoutConfirm("proxmox_access_group_manage", "{\"action\":\"delete\",\"groupid\":\"ops\"}");
        pack.proxmox().respond("POST", "/access/groups", "null");
        pack.proxmox().respond("PUT", "/access/groups/ops", "null");
        pack.proxmox().respond("DELETE", "/access/groups/ops", "null");

        assertOk("group ops created", pack.call("proxmox_access_group_manage",
                "{\"action\":\"create\",\"groupid\":\"ops\",\"comment\":\"operators\"}"));
        assertOk("group ops updated: comment", pack.call("proxmox_access_group_manage",
                "{\"action\":\"update\",\"groupid\":\"ops\",\"comment\":\"on call\"}"));
        assertOk("group ops deleted, with its ACL entries", pack.call("proxmox_access_group_manage",
                "{\"action\":\"delete\",\"groupid\":\"ops\",\"confirm\":true}"));

        var requests = pack.proxmox().requests();
        assertEquals(java.util.List.of("POST /access/groups", "PUT /access/groups/ops", "DELETE /access/groups/ops"), pack.lines());
        assertRequest(requests.get(0), Map.of(), Map.of("groupid", "ops", "comment", "operators"));
        assertRequest(requests.get(1), Map.of(), Map.of("comment", "on call"));
        assertRequest(requests.get(2), Map.of(), Map.of());
    }

    @Test
    void badGroupChangesSendNothing() {
        pack.invalid("proxmox_access_group_manage", "{\"action\":\"update\",\"groupid\":\"ops\"}", "action=update needs comment");
        pack.invalid("proxmox_access_group_manage", "{\"action\":\"update\",\"groupid\":\"ops\",\"comment\":\"\"}", "comment is empty");
        pack.invalid("proxmox_access_group_manage", "{\"action\":\"create\",\"groupid\":\"../ops\"}", "groupid: must be a group id");
    }

    // proxmox_access_role_manage

    @Test
    void roleCreateUpdateDelete() {
        pack.refusedWithoutConfirm("proxmox_access_role_manage", "{\"action\":\"delete\",\"roleid\":\"VMOps\"}");
        pack.proxmox().respond("POST", "/access/roles", "null");
        pack.proxmox().respond("PUT", "/access/roles/VMOps", "null");
        pack.proxmox().respond("DELETE", "/access/roles/VMOps", "null");

        assertOk("role VMOps created with VM.Audit, VM.PowerMgmt", pack.call("proxmox_access_role_manage",
                "{\"action\":\"create\",\"roleid\":\"VMOps\",\"privs\":[\"VM.Audit\",\"VM.PowerMgmt\"]}"));
        assertOk("role VMOps gained VM.Console", pack.call("proxmox_access_role_manage",
                "{\"action\":\"update\",\"roleid\":\"VMOps\",\"privs\":[\"VM.Console\"],\"append\":true}"));
        assertOk("role VMOps now has exactly VM.Audit", pack.call("proxmox_access_role_manage",
                "{\"action\":\"update\",\"roleid\":\"VMOps\",\"privs\":[\"VM.Audit\"]}"));
        assertOk("role VMOps deleted", pack.call("proxmox_access_role_manage",
                "{\"action\":\"delete\",\"roleid\":\"VMOps\",\"confirm\":true}"));

        var requests = pack.proxmox().requests();
        assertEquals(java.util.List.of("POST /access/roles", "PUT /access/roles/VMOps", "PUT /access/roles/VMOps",
                "DELETE /access/roles/VMOps"), pack.lines());
        assertRequest(requests.get(0), Map.of(), Map.of("roleid", "VMOps", "privs", "VM.Audit,VM.PowerMgmt"));
        assertRequest(requests.get(1), Map.of(), Map.of("privs", "VM.Console", "append", "1"));
        assertRequest(requests.get(2), Map.of(), Map.of("privs", "VM.Audit"));
        assertRequest(requests.get(3), Map.of(), Map.of());
    }

    @Test
    void aRoleWithoutPrivilegesAndRefusedRoles() {
        pack.proxmox().respond("POST", "/access/roles", "null");
        assertOk("role Empty created without privileges", pack.call("proxmox_access_role_manage",
                "{\"action\":\"create\",\"roleid\":\"Empty\"}"));
        assertRequest(pack.only("POST", "/access/roles"), Map.of(), Map.of("roleid", "Empty"));

        pack.proxmox().reset();
        pack.invalid("proxmox_access_role_manage", "{\"action\":\"create\",\"roleid\":\"pveOps\"}",
                "roleid must not start with PVE: Proxmox keeps that prefix for its built-in roles");
        pack.invalid("proxmox_access_role_manage", "{\"action\":\"update\",\"roleid\":\"VMOps\"}", "action=update needs privs");
        pack.invalid("proxmox_access_role_manage", "{\"action\":\"update\",\"roleid\":\"VMOps\",\"privs\":[]}", "action=update needs privs");
        pack.invalid("proxmox_access_role_manage", "{\"action\":\"delete\",\"roleid\":\"a/b\",\"confirm\":true}", "roleid: must be a role id");
    }

    @Test
    void aBuiltInRoleProxmoxRefusesToChange() {
        pack.proxmox().fail("PUT", "/access/roles/PVEAdmin", 500, "auto-generated role 'PVEAdmin' cannot be modified", Map.of());

        assertEquals("Proxmox API error 500: auto-generated role 'PVEAdmin' cannot be modified",
                pack.error("proxmox_access_role_manage", "{\"action\":\"update\",\"roleid\":\"PVEAdmin\",\"privs\":[\"VM.Audit\"]}")
                        .text().lines().findFirst().orElseThrow());
    }
}
