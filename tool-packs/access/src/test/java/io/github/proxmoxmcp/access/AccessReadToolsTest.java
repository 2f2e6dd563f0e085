package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.testing.PackAssertions.FORBIDDEN_HINT;
import static io.github.proxmoxmcp.core.testing.PackAssertions.NOT_FOUND_HINT;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_access_user_get and proxmox_access_get: every view, its exact request and its exact text. */
@MicronautTest
class AccessReadToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    static final String USERS = """
            [{"userid":"root@pam","enable":1,"expire":0,"realm-type":"pam","keys":"x",
              "tokens":[{"tokenid":"mcp","privsep":0,"expire":0}]},
             {"userid":"alice@pve","enable":1,"expire":1798761600,"firstname":"Alice","lastname":"Ng",
              "email":"alice@example.com","groups":"admins,ops","realm-type":"pve","tokens":[],
              "keys":"x","totp-locked":1,"tfa-locked-until":1767229200},
             {"userid":"ci@pve","enable":0,"comment":"deploys","realm-type":"pve",
              "tokens":[{"tokenid":"deploy","privsep":1,"comment":"pipeline"},{"tokenid":"audit"}]}]""";

    static final String ROLES = """
            [{"roleid":"Administrator","special":1,
              "privs":"Datastore.Audit,Sys.Audit,Sys.Modify,VM.Allocate,VM.Audit,VM.Console,VM.PowerMgmt"},
             {"roleid":"PVEAdmin","special":1,"privs":"Datastore.Audit,Sys.Audit,VM.Allocate,VM.Audit,VM.Console,VM.PowerMgmt"},
             {"roleid":"PVEAuditor","special":1,"privs":"Datastore.Audit,Sys.Audit,VM.Audit"},
             {"roleid":"NoAccess","special":1,"privs":""},
             {"roleid":"VMOps","special":0,"privs":"VM.Audit,VM.PowerMgmt"}]""";

    // proxmox_access_user_get

    @Test
    void usersListAsksForTokensAndGroupsAndShowsTfaState() {
        pack.proxmox().respond("GET", "/access/users", USERS);

        assertOk("""
                USERID     ENABLED  EXPIRE                GROUPS      TOKENS        TFA                                                  NAME      EMAIL              COMMENT
                alice@pve  yes      2027-01-01 00:00:00Z  admins,ops  -             yes, TOTP locked, locked until 2026-01-01 01:00:00Z  Alice Ng  alice@example.com  -
                ci@pve     no       never                 -           deploy,audit  no                                                   -         -                  deploys
                root@pam   yes      never                 -           mcp           yes                                                  -         -                  -""",
                pack.call("proxmox_access_user_get", "{\"view\":\"users\"}"));
        assertRequest(pack.only("GET", "/access/users"), Map.of("full", "1"), Map.of());
    }

    @Test
    void usersListIsBounded() {
        pack.proxmox().respond("GET", "/access/users", USERS);

        assertOk("""
                USERID     ENABLED  EXPIRE                GROUPS      TOKENS  TFA                                                  NAME      EMAIL              COMMENT
                alice@pve  yes      2027-01-01 00:00:00Z  admins,ops  -       yes, TOTP locked, locked until 2026-01-01 01:00:00Z  Alice Ng  alice@example.com  -
                … 2 more (raise limit or filter)""", pack.call("proxmox_access_user_get", "{\"view\":\"users\",\"limit\":1}"));
    }

    @Test
    void oneUserWithItsTokensOnAPercentEncodedPath() {
        pack.proxmox().respond("GET", "/access/users/alice%40pve", """
                {"enable":1,"expire":0,"firstname":"Alice","lastname":"Ng","email":"alice@example.com",
                 "groups":["ops","admins"],"keys":"x",
                 "tokens":{"full":{"privsep":0},"ci":{"privsep":1,"expire":1798761600,"comment":"pipeline"}}}""");

        assertOk("""
                userid: alice@pve
                enabled: yes
                expire: never
                groups: admins,ops
                name: Alice Ng
                email: alice@example.com
                comment: -
                tfa: yes
                tokens:
                TOKEN  PRIVSEP  EXPIRE                COMMENT
                ci     yes      2027-01-01 00:00:00Z  pipeline
                full   no       never                 -""",
                pack.call("proxmox_access_user_get", "{\"view\":\"user\",\"userid\":\"alice@pve\"}"));
        assertRequest(pack.only("GET", "/access/users/alice%40pve"), Map.of(), Map.of());
    }

    @Test
    void aUserWithoutTokensSaysSo() {
        pack.proxmox().respond("GET", "/access/users/bob%40pve", "{\"enable\":0,\"comment\":\"\"}");

        assertOk("""
                userid: bob@pve
                enabled: no
                expire: never
                groups: -
                name: -
                email: -
                comment: -
                tfa: no
                tokens: none""", pack.call("proxmox_access_user_get", "{\"view\":\"user\",\"userid\":\"bob@pve\"}"));
    }

    @Test
    void anUnknownUserIsProxmoxsNotFound() {
        pack.proxmox().fail("GET", "/access/users/nobody%40pve", 500, "user 'nobody@pve' does not exist", Map.of());

        assertError("Proxmox API error 500: user 'nobody@pve' does not exist\n" + NOT_FOUND_HINT,
                pack.call("proxmox_access_user_get", "{\"view\":\"user\",\"userid\":\"nobody@pve\"}"));
    }

    @Test
    void tokensOfAUserAndOneToken() {
        pack.proxmox().respond("GET", "/access/users/alice%40pve/token", """
                [{"tokenid":"full","privsep":0,"expire":0},{"tokenid":"ci","privsep":1,"comment":"pipeline"}]""");
        pack.proxmox().respond("GET", "/access/users/alice%40pve/token/ci", """
                {"privsep":1,"expire":1798761600,"comment":"pipeline"}""");
        pack.proxmox().respond("GET", "/access/users/bob%40pve/token", "[]");

        assertOk("""
                TOKEN  PRIVSEP  EXPIRE  COMMENT
                ci     yes      never   pipeline
                full   no       never   -""", pack.call("proxmox_access_user_get", "{\"view\":\"tokens\",\"userid\":\"alice@pve\"}"));
        assertOk("""
                token: alice@pve!ci
                privsep: yes
                expire: 2027-01-01 00:00:00Z
                comment: pipeline""",
                pack.call("proxmox_access_user_get", "{\"view\":\"tokens\",\"userid\":\"alice@pve\",\"tokenid\":\"ci\"}"));
        assertOk("bob@pve has no API tokens", pack.call("proxmox_access_user_get", "{\"view\":\"tokens\",\"userid\":\"bob@pve\"}"));
        assertEquals(java.util.List.of("GET /access/users/alice%40pve/token", "GET /access/users/alice%40pve/token/ci",
                "GET /access/users/bob%40pve/token"), pack.lines());
    }

    @Test
    void tfaEntriesOfEveryUserAndTheirLockouts() {
        pack.proxmox().respond("GET", "/access/tfa", """
                [{"userid":"root@pam","entries":[{"type":"webauthn","id":"webauthn-a1","description":"yubikey",
                   "created":1704067200,"enable":0}]},
                 {"userid":"alice@pve","totp-locked":true,"entries":[
                   {"type":"recovery","id":"recovery","description":"","created":1735776000},
                   {"type":"totp","id":"totp-5b9f","description":"phone","created":1735689600,"enable":1}]},
                 {"userid":"bob@pve","tfa-locked-until":1767229200,"entries":[]}]""");

        assertOk("""
                USERID     TYPE      ID           ENABLED  CREATED               DESCRIPTION
                alice@pve  totp      totp-5b9f    yes      2025-01-01 00:00:00Z  phone
                alice@pve  recovery  recovery     yes      2025-01-02 00:00:00Z  -
                root@pam   webauthn  webauthn-a1  no       2024-01-01 00:00:00Z  yubikey
                locked out: alice@pve (TOTP locked), bob@pve (locked until 2026-01-01 01:00:00Z); unlock with proxmox_access_tfa_manage""",
                pack.call("proxmox_access_user_get", "{\"view\":\"tfa\"}"));
        assertRequest(pack.only("GET", "/access/tfa"), Map.of(), Map.of());
    }

    @Test
    void tfaEntriesOfOneUser() {
        pack.proxmox().respond("GET", "/access/tfa/alice%40pve", """
                [{"type":"recovery","id":"recovery","created":1735776000},
                 {"type":"totp","id":"totp-5b9f","description":"phone","created":1735689600}]""");
        pack.proxmox().respond("GET", "/access/tfa/bob%40pve", "[]");

        assertOk("""
                TYPE      ID         ENABLED  CREATED               DESCRIPTION
                totp      totp-5b9f  yes      2025-01-01 00:00:00Z  phone
                recovery  recovery   yes      2025-01-02 00:00:00Z  -""",
                pack.call("proxmox_access_user_get", "{\"view\":\"tfa\",\"userid\":\"alice@pve\"}"));
        assertOk("bob@pve has no TFA entries", pack.call("proxmox_access_user_get", "{\"view\":\"tfa\",\"userid\":\"bob@pve\"}"));
    }

    @Test
    void userViewsRefuseWhatTheyDoNotTakeAndSendNothing() {
        pack.invalid("proxmox_access_user_get", "{\"view\":\"user\"}", "view=user needs userid");
        pack.invalid("proxmox_access_user_get", "{\"view\":\"tokens\"}", "view=tokens needs userid");
        pack.invalid("proxmox_access_user_get", "{\"view\":\"users\",\"userid\":\"alice@pve\"}",
                "userid does not apply to view=users (it takes limit)");
        pack.invalid("proxmox_access_user_get", "{\"view\":\"user\",\"userid\":\"alice@pve\",\"limit\":5}",
                "limit does not apply to view=user (it takes userid)");
        pack.invalid("proxmox_access_user_get", "{\"view\":\"users\",\"limit\":0}", "limit must be at least 1");
    }

    @Test
    void hostileIdentifiersSendNothing() {
        pack.invalid("proxmox_access_user_get", "{\"view\":\"user\",\"userid\":\"../x\"}", "userid: must be a user id");
        pack.invalid("proxmox_access_user_get", "{\"view\":\"user\",\"userid\":\"a/b@pve\"}", "userid: must be a user id");
        pack.invalid("proxmox_access_user_get", "{\"view\":\"tokens\",\"userid\":\"alice@pve\",\"tokenid\":\"../../x\"}",
                "tokenid: must be a token name");
        pack.invalid("proxmox_access_get", "{\"view\":\"group\",\"groupid\":\"a/b\"}", "groupid: must be a group id");
        pack.invalid("proxmox_access_get", "{\"view\":\"role\",\"roleid\":\"..\"}", "roleid: must be a role id");
        pack.invalid("proxmox_access_get", "{\"view\":\"realm\",\"realm\":\"../x\"}", "realm: must be a realm");
    }

    // proxmox_access_get

    @Test
    void groupsAndOneGroup() {
        pack.proxmox().respond("GET", "/access/groups", """
                [{"groupid":"ops","users":"alice@pve,bob@pve","comment":"operators"},{"groupid":"admins","users":"alice@pve"},
                 {"groupid":"empty"}]""");
        pack.proxmox().respond("GET", "/access/groups/ops", """
                {"comment":"operators","members":["bob@pve","alice@pve"]}""");
        pack.proxmox().respond("GET", "/access/groups/empty", "{\"members\":[]}");

        assertOk("""
                GROUP   MEMBERS            COMMENT
                admins  alice@pve          -
                empty   -                  -
                ops     alice@pve,bob@pve  operators""", pack.call("proxmox_access_get", "{\"view\":\"groups\"}"));
        assertOk("""
                group: ops
                comment: operators
                members: alice@pve,bob@pve""", pack.call("proxmox_access_get", "{\"view\":\"group\",\"groupid\":\"ops\"}"));
        assertOk("""
                group: empty
                comment: -
                members: none""", pack.call("proxmox_access_get", "{\"view\":\"group\",\"groupid\":\"empty\"}"));
        assertEquals(java.util.List.of("GET /access/groups", "GET /access/groups/ops", "GET /access/groups/empty"), pack.lines());
    }

    @Test
    void rolesSayWhichAreBuiltInAndSummariseTheirPrivileges() {
        pack.proxmox().respond("GET", "/access/roles", ROLES);

        assertOk("""
                ROLE           BUILT-IN  PRIVILEGES
                Administrator  yes       all
                NoAccess       yes       none
                PVEAdmin       yes       all except Sys.Modify
                PVEAuditor     yes       Datastore.Audit, Sys.Audit, VM.Audit
                VMOps          no        VM.Audit, VM.PowerMgmt""", pack.call("proxmox_access_get", "{\"view\":\"roles\"}"));
        assertRequest(pack.only("GET", "/access/roles"), Map.of(), Map.of());
    }

    @Test
    void privilegesAreEveryPrivilegeTheRolesName() {
        pack.proxmox().respond("GET", "/access/roles", ROLES);

        assertOk("""
                7 privileges:
                Datastore.Audit
                Sys.Audit, Sys.Modify
                VM.Allocate, VM.Audit, VM.Console, VM.PowerMgmt""", pack.call("proxmox_access_get", "{\"view\":\"privileges\"}"));
    }

    @Test
    void oneRoleListsItsPrivileges() {
        pack.proxmox().respond("GET", "/access/roles/VMOps", "{\"VM.PowerMgmt\":1,\"VM.Audit\":1}");
        pack.proxmox().respond("GET", "/access/roles/NoAccess", "{}");

        assertOk("role VMOps: 2 privileges\nVM.Audit, VM.PowerMgmt",
                pack.call("proxmox_access_get", "{\"view\":\"role\",\"roleid\":\"VMOps\"}"));
        assertOk("role NoAccess: no privileges", pack.call("proxmox_access_get", "{\"view\":\"role\",\"roleid\":\"NoAccess\"}"));
    }

    @Test
    void realmsAndOneRealmWithItsClientKeyMasked() {
        pack.proxmox().respond("GET", "/access/domains", """
                [{"realm":"pve","type":"pve","comment":"Proxmox VE authentication server"},
                 {"realm":"pam","type":"pam","comment":"Linux PAM standard authentication","tfa":"oath"},
                 {"realm":"corp","type":"openid","comment":"SSO"}]""");
        pack.proxmox().respond("GET", "/access/domains/corp", """
                {"type":"openid","issuer-url":"https://sso.example.com","client-id":"pve","client-key":"s3cr3t-client-key",
                 "autocreate":1,"digest":"0a1b2c"}""");

        assertOk("""
                REALM  TYPE    TFA   COMMENT
                corp   openid  -     SSO
                pam    pam     oath  Linux PAM standard authentication
                pve    pve     -     Proxmox VE authentication server""", pack.call("proxmox_access_get", "{\"view\":\"realms\"}"));
        String realm = pack.ok("proxmox_access_get", "{\"view\":\"realm\",\"realm\":\"corp\"}").text();
        assertEquals("""
                realm: corp
                autocreate: 1
                client-id: pve
                client-key: (set, write-only)
                issuer-url: https://sso.example.com
                type: openid""", realm);
        assertFalse(realm.contains("s3cr3t-client-key"), realm);
        assertEquals(java.util.List.of("GET /access/domains", "GET /access/domains/corp"), pack.lines());
    }

    @Test
    void accessViewsRefuseWhatTheyDoNotTake() {
        pack.invalid("proxmox_access_get", "{\"view\":\"group\"}", "view=group needs groupid");
        pack.invalid("proxmox_access_get", "{\"view\":\"roles\",\"roleid\":\"VMOps\"}", "roleid does not apply to view=roles");
        pack.invalid("proxmox_access_get", "{\"view\":\"realm\",\"groupid\":\"ops\",\"realm\":\"pve\"}",
                "groupid does not apply to view=realm (it takes realm)");
    }

    @Test
    void aRefusedReadShowsTheStatusAndThePrivilegeHint() {
        pack.proxmox().fail("GET", "/access/domains/corp", 403, "Permission check failed (/access/realm, Realm.Allocate|Sys.Audit)",
                Map.of());

        assertError("Proxmox API error 403: Permission check failed (/access/realm, Realm.Allocate|Sys.Audit)\n" + FORBIDDEN_HINT,
                pack.call("proxmox_access_get", "{\"view\":\"realm\",\"realm\":\"corp\"}"));
    }
}
