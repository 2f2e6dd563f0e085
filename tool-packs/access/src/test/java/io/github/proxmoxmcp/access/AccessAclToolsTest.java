package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_access_acl_get, proxmox_access_acl_set and proxmox_access_permissions. */
@MicronautTest
class AccessAclToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    static final String ACL = """
            [{"path":"/","type":"group","ugid":"admins","roleid":"Administrator","propagate":1},
             {"path":"/vms","type":"user","ugid":"alice@pve","roleid":"PVEVMUser","propagate":0},
             {"path":"/vms/100","type":"token","ugid":"ci@pve!deploy","roleid":"PVEVMAdmin","propagate":1},
             {"path":"/pool/dev","type":"user","ugid":"alice@pve","roleid":"PVEVMAdmin","propagate":1},
             {"path":"/vms/100","type":"user","ugid":"ci@pve","roleid":"PVEVMAdmin"}]""";

    // proxmox_access_acl_get

    @Test
    void everyEntrySortedByPath() {
        pack.proxmox().respond("GET", "/access/acl", ACL);

        assertOk("""
                PATH       TYPE   WHO            ROLE           PROPAGATE
                /          group  admins         Administrator  yes
                /pool/dev  user   alice@pve      PVEVMAdmin     yes
                /vms       user   alice@pve      PVEVMUser      no
                /vms/100   token  ci@pve!deploy  PVEVMAdmin     yes
                /vms/100   user   ci@pve         PVEVMAdmin     yes""", pack.call("proxmox_access_acl_get", "{}"));
        assertRequest(pack.only("GET", "/access/acl"), Map.of(), Map.of());
    }

    @Test
    void aPathShowsItsEntriesAndThoseItInherits() {
        pack.proxmox().respond("GET", "/access/acl", ACL);

        assertOk("""
                PATH      TYPE   WHO            ROLE           PROPAGATE
                /         group  admins         Administrator  yes
                /vms/100  token  ci@pve!deploy  PVEVMAdmin     yes
                /vms/100  user   ci@pve         PVEVMAdmin     yes""", pack.call("proxmox_access_acl_get", "{\"path\":\"/vms/100\"}"));
        assertOk("""
                PATH  TYPE   WHO        ROLE           PROPAGATE
                /     group  admins     Administrator  yes
                /vms  user   alice@pve  PVEVMUser      no""", pack.call("proxmox_access_acl_get", "{\"path\":\"/vms\"}"));
    }

    @Test
    void whoTellsUsersGroupsAndTokensApart() {
        pack.proxmox().respond("GET", "/access/acl", ACL);

        assertOk("""
                PATH       TYPE  WHO        ROLE        PROPAGATE
                /pool/dev  user  alice@pve  PVEVMAdmin  yes
                /vms       user  alice@pve  PVEVMUser   no""", pack.call("proxmox_access_acl_get", "{\"who\":\"alice@pve\"}"));
        assertOk("""
                PATH      TYPE   WHO            ROLE        PROPAGATE
                /vms/100  token  ci@pve!deploy  PVEVMAdmin  yes""", pack.call("proxmox_access_acl_get", "{\"who\":\"ci@pve!deploy\"}"));
        assertOk("""
                PATH  TYPE   WHO     ROLE           PROPAGATE
                /     group  admins  Administrator  yes""", pack.call("proxmox_access_acl_get", "{\"who\":\"admins\"}"));
        assertOk("""
                PATH       TYPE  WHO        ROLE        PROPAGATE
                /pool/dev  user  alice@pve  PVEVMAdmin  yes
                … 2 more (raise limit or filter)""", pack.call("proxmox_access_acl_get", "{\"roleid\":\"PVEVMAdmin\",\"limit\":1}"));
        assertOk("no ACL entries match", pack.call("proxmox_access_acl_get", "{\"who\":\"bob@pve\",\"path\":\"/storage/local\"}"));
    }

    @Test
    void badFiltersSendNothing() {
        pack.invalid("proxmox_access_acl_get", "{\"path\":\"vms/100\"}", "path must be an ACL path such as /, /vms/100");
        pack.invalid("proxmox_access_acl_get", "{\"path\":\"/vms/../access\"}", "path must be an ACL path");
        pack.invalid("proxmox_access_acl_get", "{\"path\":\"/vms/\"}", "path must be an ACL path");
        pack.invalid("proxmox_access_acl_get", "{\"who\":\"a/b\"}", "who must name a user user@realm, a token user@realm!name or a group");
        pack.invalid("proxmox_access_acl_get", "{\"roleid\":\"a/b\"}", "roleid: must be a role id");
    }

    // proxmox_access_acl_set

    @Test
    void grantSortsWhoIntoUsersGroupsAndTokens() {
        pack.proxmox().respond("PUT", "/access/acl", "null");

        assertOk("granted PVEVMAdmin on /pool/dev to user alice@pve, group ops, token ci@pve!deploy (and its child paths)",
                pack.call("proxmox_access_acl_set", """
                        {"action":"grant","path":"/pool/dev","roles":["PVEVMAdmin"],"who":["ci@pve!deploy","alice@pve","ops"]}"""));
        assertRequest(pack.only("PUT", "/access/acl"), Map.of(), Map.of("path", "/pool/dev", "roles", "PVEVMAdmin",
                "users", "alice@pve", "groups", "ops", "tokens", "ci@pve!deploy"));
    }

    @Test
    void grantWithoutPropagationAndSeveralRoles() {
        pack.proxmox().respond("PUT", "/access/acl", "null");

        assertOk("granted PVEAuditor, PVEVMUser on /vms/100 to users alice@pve, bob@pve (this path only)",
                pack.call("proxmox_access_acl_set", """
                        {"action":"grant","path":"/vms/100","roles":["PVEAuditor","PVEVMUser"],"who":["alice@pve","bob@pve"],
                         "propagate":false}"""));
        assertRequest(pack.only("PUT", "/access/acl"), Map.of(), Map.of("path", "/vms/100", "roles", "PVEAuditor,PVEVMUser",
                "users", "alice@pve,bob@pve", "propagate", "0"));
    }

    @Test
    void revokeNeedsConfirmAndSendsDelete() {
        pack.refusedWithoutConfirm("proxmox_access_acl_set",
                "{\"action\":\"revoke\",\"path\":\"/\",\"roles\":[\"Administrator\"],\"who\":[\"alice@pve\"]}");

        pack.proxmox().respond("PUT", "/access/acl", "null");
        assertOk("revoked Administrator on / from user alice@pve", pack.call("proxmox_access_acl_set",
                "{\"action\":\"revoke\",\"path\":\"/\",\"roles\":[\"Administrator\"],\"who\":[\"alice@pve\"],\"confirm\":true}"));
        assertRequest(pack.only("PUT", "/access/acl"), Map.of(), Map.of("path", "/", "roles", "Administrator",
                "users", "alice@pve", "delete", "1"));
    }

    @Test
    void badAclChangesSendNothing() {
        pack.invalid("proxmox_access_acl_set", "{\"action\":\"grant\",\"path\":\"/vms/100\",\"roles\":[],\"who\":[\"alice@pve\"]}",
                "roles is empty");
        pack.invalid("proxmox_access_acl_set", "{\"action\":\"grant\",\"path\":\"/vms/100\",\"roles\":[\"PVEVMUser\"],\"who\":[]}",
                "who is empty");
        pack.invalid("proxmox_access_acl_set", "{\"action\":\"grant\",\"path\":\"/vms/100\",\"roles\":[\"../x\"],\"who\":[\"alice@pve\"]}",
                "must be a role id");
        pack.invalid("proxmox_access_acl_set", "{\"action\":\"grant\",\"path\":\"/vms/100\",\"roles\":[\"PVEVMUser\"],\"who\":[\"a b\"]}",
                "who must name a user");
        pack.invalid("proxmox_access_acl_set", "{\"action\":\"grant\",\"path\":\"../x\",\"roles\":[\"PVEVMUser\"],\"who\":[\"ops\"]}",
                "path must be an ACL path");
        pack.invalid("proxmox_access_acl_set",
                "{\"action\":\"revoke\",\"path\":\"/\",\"roles\":[\"PVEVMUser\"],\"who\":[\"ops\"],\"propagate\":true,\"confirm\":true}",
                "propagate does not apply to action=revoke");
    }

    @Test
    void aGrantProxmoxRefusesShowsItsFieldErrors() {
        pack.proxmox().fail("PUT", "/access/acl", 400, "Parameter verification failed.",
                Map.of("role", "Cannot add role 'PVEAdmin' - requires 'Permissions.Modify' or superset of privileges."));

        String text = pack.error("proxmox_access_acl_set",
                "{\"action\":\"grant\",\"path\":\"/\",\"roles\":[\"PVEAdmin\"],\"who\":[\"ops\"]}").text();

        assertEquals("""
                Proxmox API error 400: Parameter verification failed.
                  role: Cannot add role 'PVEAdmin' - requires 'Permissions.Modify' or superset of privileges.""", text);
    }

    // proxmox_access_permissions

    @Test
    void theServersOwnPrivilegesOnEveryPath() {
        pack.proxmox().respond("GET", "/access/permissions", """
                {"/":{"Sys.Audit":1,"VM.Audit":1},"/vms/100":{"VM.PowerMgmt":1,"VM.Console":0},"/access":{"VM.Audit":0}}""");

        assertOk("""
                root@pam!mcp (this server):
                PATH      PRIVILEGES
                /         Sys.Audit, VM.Audit
                /access   this path only: VM.Audit
                /vms/100  VM.PowerMgmt; this path only: VM.Console""", pack.call("proxmox_access_permissions", "{}"));
        assertRequest(pack.only("GET", "/access/permissions"), Map.of(), Map.of());
    }

    @Test
    void aTokenMissingPrivilegesOnAPathIsToldWhyAndWhatToDo() {
        pack.proxmox().respond("GET", "/access/permissions", "{\"/vms/100\":{\"VM.Audit\":1}}");

        assertOk("""
                ci@pve!deploy on /vms/100: missing VM.PowerMgmt
                has: VM.Audit
                Grant a role that has them with proxmox_access_acl_set. A token with privilege separation (the default) \
                has only what ACLs grant to the token itself, within its user's privileges.""",
                pack.call("proxmox_access_permissions", """
                        {"userid":"ci@pve!deploy","path":"/vms/100","privs":["VM.Audit","VM.PowerMgmt"]}"""));
        assertRequest(pack.only("GET", "/access/permissions"), Map.of("userid", "ci@pve!deploy", "path", "/vms/100"), Map.of());
    }

    @Test
    void aUserHavingEveryPrivilegeAsked() {
        pack.proxmox().respond("GET", "/access/permissions", "{\"/vms/100\":{\"VM.Audit\":1,\"VM.PowerMgmt\":1}}");

        assertOk("alice@pve on /vms/100: has VM.Audit, VM.PowerMgmt", pack.call("proxmox_access_permissions", """
                {"userid":"alice@pve","path":"/vms/100","privs":["VM.Audit","VM.PowerMgmt"]}"""));
        assertOk("alice@pve:\nPATH      PRIVILEGES\n/vms/100  VM.Audit, VM.PowerMgmt",
                pack.call("proxmox_access_permissions", "{\"userid\":\"alice@pve\",\"path\":\"/vms/100\"}"));
    }

    @Test
    void noPrivilegesAtAll() {
        pack.proxmox().respond("GET", "/access/permissions", "{}");

        assertOk("ci@pve!deploy has no privileges on /vms/100\nA token with privilege separation (the default) has only what "
                        + "ACLs grant to the token itself, within its user's privileges.",
                pack.call("proxmox_access_permissions", "{\"userid\":\"ci@pve!deploy\",\"path\":\"/vms/100\"}"));
        assertOk("bob@pve has no privileges", pack.call("proxmox_access_permissions", "{\"userid\":\"bob@pve\"}"));
    }

    @Test
    void badPermissionQueriesSendNothing() {
        pack.invalid("proxmox_access_permissions", "{\"privs\":[\"VM.Audit\"]}", "privs needs path");
        pack.invalid("proxmox_access_permissions", "{\"userid\":\"root\"}", "userid must be a user id user@realm or a token id");
        pack.invalid("proxmox_access_permissions", "{\"path\":\"/vms/./100\"}", "path must be an ACL path");
    }
}
