package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.github.proxmoxmcp.core.testing.TaskIds;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_access_token_manage, proxmox_access_realm_manage and proxmox_access_realm_sync. */
@MicronautTest
class AccessTokenRealmToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    static final String SECRET = "0b2c7d5e-1f3a-4b6c-8d9e-0a1b2c3d4e5f";

    // proxmox_access_token_manage

    @Test
    void createShowsTheSecretOnceAndExplainsPrivilegeSeparation() {
        pack.proxmox().respond("POST", "/access/users/ci%40pve/token/deploy", """
                {"full-tokenid":"ci@pve!deploy","info":{"privsep":1,"comment":"pipeline"},"value":"%s"}""".formatted(SECRET));

        assertOk("""
                token ci@pve!deploy created
                secret: %s
                Store the secret now: Proxmox shows it only this once. Clients send it as Authorization: PVEAPIToken=ci@pve!deploy=<secret>.
                privilege separation: on; the token has only what ACLs grant to the token itself, never more than ci@pve has: \
                grant it roles with proxmox_access_acl_set who=["ci@pve!deploy"]
                expire: never""".formatted(SECRET), pack.call("proxmox_access_token_manage",
                "{\"action\":\"create\",\"userid\":\"ci@pve\",\"tokenid\":\"deploy\",\"comment\":\"pipeline\"}"));
        assertRequest(pack.only("POST", "/access/users/ci%40pve/token/deploy"), Map.of(), Map.of("comment", "pipeline"));
    }

    @Test
    void createWithoutPrivilegeSeparation() {
        pack.proxmox().respond("POST", "/access/users/ci%40pve/token/full", """
                {"full-tokenid":"ci@pve!full","info":{"privsep":0,"expire":1798761600},"value":"%s"}""".formatted(SECRET));

        String text = pack.ok("proxmox_access_token_manage", """
                {"action":"create","userid":"ci@pve","tokenid":"full","privsep":false,"expire":1798761600}""").text();

        assertTrue(text.endsWith("""
                privilege separation: off; the token has every privilege ci@pve has
                expire: 2027-01-01 00:00:00Z"""), text);
        assertRequest(pack.only("POST", "/access/users/ci%40pve/token/full"), Map.of(), Map.of("privsep", "0",
                "expire", "1798761600"));
    }

    @Test
    void aCreateAnswerWithoutASecretIsAnError() {
        pack.proxmox().respond("POST", "/access/users/ci%40pve/token/deploy", "{\"full-tokenid\":\"ci@pve!deploy\",\"info\":{}}");

        assertError("Unexpected answer from Proxmox: Proxmox created token ci@pve!deploy but its answer holds no secret; "
                + "delete the token and create it again", pack.call("proxmox_access_token_manage",
                "{\"action\":\"create\",\"userid\":\"ci@pve\",\"tokenid\":\"deploy\"}"));
    }

    @Test
    void updateShowsTheTokenAndNeverASecretInTheAnswer() {
        pack.proxmox().respond("PUT", "/access/users/ci%40pve/token/deploy", """
                {"privsep":0,"expire":0,"comment":"pipeline","value":"%s"}""".formatted(SECRET));

        String text = pack.ok("proxmox_access_token_manage",
                "{\"action\":\"update\",\"userid\":\"ci@pve\",\"tokenid\":\"deploy\",\"privsep\":false}").text();

        assertEquals("""
                token ci@pve!deploy updated
                privsep: no
                expire: never
                comment: pipeline""", text);
        assertFalse(text.contains(SECRET), text);
        assertRequest(pack.only("PUT", "/access/users/ci%40pve/token/deploy"), Map.of(), Map.of("privsep", "0"));
    }

    @Test
    void anEmptyCommentClearsIt() {
        pack.proxmox().respond("PUT", "/access/users/ci%40pve/token/deploy", "{\"privsep\":1}");

        assertOk("token ci@pve!deploy updated\nprivsep: yes\nexpire: never\ncomment: -", pack.call("proxmox_access_token_manage",
                "{\"action\":\"update\",\"userid\":\"ci@pve\",\"tokenid\":\"deploy\",\"comment\":\"\"}"));
        assertRequest(pack.only("PUT", "/access/users/ci%40pve/token/deploy"), Map.of(), Map.of("delete", "comment"));
    }

    @Test
    void tokenDeleteNeedsConfirm() {
        pack.refusedWithoutConfirm("proxmox_access_token_manage", "{\"action\":\"delete\",\"userid\":\"ci@pve\",\"tokenid\":\"deploy\"}");
        pack.invalid("proxmox_access_token_manage", "{\"action\":\"update\",\"userid\":\"ci@pve\",\"tokenid\":\"deploy\"}",
                "action=update needs one of comment, expire, privsep");
        pack.invalid("proxmox_access_token_manage",
                "{\"action\":\"delete\",\"userid\":\"ci@pve\",\"tokenid\":\"deploy\",\"privsep\":true,\"confirm\":true}",
                "privsep does not apply to action=delete");
        pack.invalid("proxmox_access_token_manage", "{\"action\":\"create\",\"userid\":\"ci@pve\",\"tokenid\":\"a/b\"}",
                "tokenid: must be a token name");
        pack.invalid("proxmox_access_token_manage", "{\"action\":\"create\",\"userid\":\"ci@pve!x\",\"tokenid\":\"deploy\"}",
                "userid: must be a user id");

        pack.proxmox().respond("DELETE", "/access/users/ci%40pve/token/deploy", "null");
        assertOk("token ci@pve!deploy deleted; clients using it are refused from now on", pack.call("proxmox_access_token_manage",
                "{\"action\":\"delete\",\"userid\":\"ci@pve\",\"tokenid\":\"deploy\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/access/users/ci%40pve/token/deploy"), Map.of(), Map.of());
    }

    @Test
    void aDuplicateTokenIsProxmoxsFieldError() {
        pack.proxmox().fail("POST", "/access/users/ci%40pve/token/deploy", 400, "Parameter verification failed.",
                Map.of("tokenid", "Token already exists."));

        assertEquals("""
                Proxmox API error 400: Parameter verification failed.
                  tokenid: Token already exists.""", pack.error("proxmox_access_token_manage",
                "{\"action\":\"create\",\"userid\":\"ci@pve\",\"tokenid\":\"deploy\"}").text());
    }

    // proxmox_access_realm_manage

    @Test
    void createAnLdapRealmSendsItsOptionsAndNoSecretComesBack() {
        pack.proxmox().respond("POST", "/access/domains", "null");

        String text = pack.ok("proxmox_access_realm_manage", """
                {"action":"create","realm":"corp","type":"ldap","settings":{"server1":"ldap.example.com","port":636,
                 "mode":"ldaps","base_dn":"dc=example,dc=com","user_attr":"uid","bind_dn":"cn=pve,dc=example,dc=com",
                 "password":"b1nd-Secret","verify":true}}""").text();

        assertEquals("realm corp (ldap) created", text);
        assertRequest(pack.only("POST", "/access/domains"), Map.of(), Map.of("realm", "corp", "type", "ldap",
                "base_dn", "dc=example,dc=com", "bind_dn", "cn=pve,dc=example,dc=com", "mode", "ldaps", "password", "b1nd-Secret",
                "port", "636", "server1", "ldap.example.com", "user_attr", "uid", "verify", "1"));
    }

    @Test
    void createAnOpenIdRealm() {
        pack.proxmox().respond("POST", "/access/domains", "null");

        assertOk("realm sso (openid) created", pack.call("proxmox_access_realm_manage", """
                {"action":"create","realm":"sso","type":"openid","settings":{"issuer-url":"https://sso.example.com",
                 "client-id":"pve","client-key":"cl1ent-Secret","autocreate":true}}"""));
        assertRequest(pack.only("POST", "/access/domains"), Map.of(), Map.of("realm", "sso", "type", "openid",
                "autocreate", "1", "client-id", "pve", "client-key", "cl1ent-Secret", "issuer-url", "https://sso.example.com"));
    }

    @Test
    void createChecksTheOptionsOfItsTypeBeforeSending() {
        pack.invalid("proxmox_access_realm_manage", "{\"action\":\"create\",\"realm\":\"corp\"}", "action=create needs type");
        pack.invalid("proxmox_access_realm_manage",
                "{\"action\":\"create\",\"realm\":\"corp\",\"type\":\"ldap\",\"settings\":{\"server1\":\"ldap.example.com\"}}",
                "type=ldap needs settings base_dn, user_attr");
        pack.invalid("proxmox_access_realm_manage", """
                {"action":"create","realm":"corp","type":"ad","settings":{"server1":"dc1","domain":"example.com","client-id":"x"}}""",
                "settings: client-id is not an option of type=ad; options: base_dn, bind_dn");
        pack.invalid("proxmox_access_realm_manage", """
                {"action":"create","realm":"corp","type":"ad","settings":{"server1":"dc1","domain":"example.com","port":[1]}}""",
                "settings.port must be a string, number or boolean");
        pack.invalid("proxmox_access_realm_manage", "{\"action\":\"create\",\"realm\":\"../x\",\"type\":\"ldap\"}",
                "realm: must be a realm");
    }

    @Test
    void updateSetsAndClearsOptions() {
        pack.proxmox().respond("PUT", "/access/domains/corp", "null");

        assertOk("realm corp updated: comment, bind_dn (cleared), password (cleared)", pack.call("proxmox_access_realm_manage",
                "{\"action\":\"update\",\"realm\":\"corp\",\"settings\":{\"comment\":\"directory\",\"bind_dn\":null,\"password\":null}}"));
        assertRequest(pack.only("PUT", "/access/domains/corp"), Map.of(), Map.of("comment", "directory",
                "delete", "bind_dn,password"));
    }

    @Test
    void updateRefusesNothingToDoAndEmptyValues() {
        pack.invalid("proxmox_access_realm_manage", "{\"action\":\"update\",\"realm\":\"pam\"}", "action=update needs settings");
        pack.invalid("proxmox_access_realm_manage", "{\"action\":\"update\",\"realm\":\"pam\",\"settings\":{}}",
                "action=update needs settings");
        pack.invalid("proxmox_access_realm_manage", "{\"action\":\"update\",\"realm\":\"pam\",\"settings\":{\"comment\":\"\"}}",
                "settings.comment is empty: to clear an option, update it to null");
        pack.invalid("proxmox_access_realm_manage", "{\"action\":\"update\",\"realm\":\"pam\",\"settings\":{\"realm\":\"x\"}}",
                "settings: realm is not an option of a realm");
        pack.invalid("proxmox_access_realm_manage",
                "{\"action\":\"update\",\"realm\":\"pam\",\"type\":\"ldap\",\"settings\":{\"comment\":\"x\"}}",
                "type does not apply to action=update");
    }

    @Test
    void realmDeleteNeedsConfirm() {
        pack.refusedWithoutConfirm("proxmox_access_realm_manage", "{\"action\":\"delete\",\"realm\":\"corp\"}");

        pack.proxmox().respond("DELETE", "/access/domains/corp", "null");
        assertOk("realm corp deleted; its users stay in the user list but can no longer log in",
                pack.call("proxmox_access_realm_manage", "{\"action\":\"delete\",\"realm\":\"corp\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/access/domains/corp"), Map.of(), Map.of());
    }

    @Test
    void aDuplicateRealmIsProxmoxsError() {
        pack.proxmox().fail("POST", "/access/domains", 500, "create auth server failed: domain 'corp' already exists", Map.of());

        assertEquals("Proxmox API error 500: create auth server failed: domain 'corp' already exists",
                pack.error("proxmox_access_realm_manage", """
                        {"action":"create","realm":"corp","type":"ad","settings":{"server1":"dc1","domain":"example.com"}}""")
                        .text().lines().findFirst().orElseThrow());
    }

    // proxmox_access_realm_sync

    @Test
    void aDryRunIsTheDefaultAndShowsWhatWouldChange() {
        String upid = pack.finishedTask("pve1", "auth-realm-sync-test", "corp");
        pack.proxmox().respond("POST", "/access/domains/corp/sync", TaskIds.quoted(upid));
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + TaskIds.encoded(upid) + "/log", """
                [{"n":1,"t":"(dry test run) starting sync for realm corp"},
                 {"n":2,"t":"got data from server, updating users and groups"},
                 {"n":3,"t":"syncing users (remove-vanished opts: acl;entry)"},
                 {"n":4,"t":"adding user 'carol@corp'"},
                 {"n":5,"t":"removing user 'dave@corp'"},
                 {"n":6,"t":""},
                 {"n":7,"t":"NOTE: Dry test run, changes were NOT written to the configuration."},
                 {"n":8,"t":"TASK OK"}]""");

        assertOk("""
                dry run of the sync of realm corp: task OK (%s)
                (dry test run) starting sync for realm corp
                got data from server, updating users and groups
                syncing users (remove-vanished opts: acl;entry)
                adding user 'carol@corp'
                removing user 'dave@corp'
                NOTE: Dry test run, changes were NOT written to the configuration.
                Nothing was changed. Sync for real with dry-run: false and confirm: true.""".formatted(upid),
                pack.call("proxmox_access_realm_sync", """
                        {"realm":"corp","scope":"both","remove-vanished":["acl","entry"],"enable-new":false}"""));
        List<String> lines = pack.lines();
        assertEquals("POST /access/domains/corp/sync", lines.getFirst());
        assertEquals("GET /nodes/pve1/tasks/" + TaskIds.encoded(upid) + "/log", lines.getLast());
        assertRequest(pack.request(0), Map.of(), Map.of("scope", "both", "remove-vanished", "acl;entry", "enable-new", "0",
                "dry-run", "1"));
        assertEquals(Map.of("start", "0", "limit", "1000"), pack.last().query());
    }

    @Test
    void aRealSyncNeedsConfirmAndWaitsForTheTask() {
        pack.refusedWithoutConfirm("proxmox_access_realm_sync", "{\"realm\":\"corp\",\"dry-run\":false}");

        pack.taskEndsOk("POST", "/access/domains/corp/sync");
        assertOk("sync of realm corp: task OK (" + TaskIds.UPID + ")",
                pack.call("proxmox_access_realm_sync", "{\"realm\":\"corp\",\"dry-run\":false,\"confirm\":true}"));
        assertRequest(pack.startedAndAwaited("POST", "/access/domains/corp/sync"), Map.of(), Map.of("dry-run", "0"));
    }

    @Test
    void aFailedDryRunIsAnErrorWithTheLogTail() {
        pack.proxmox().respond("POST", "/access/domains/corp/sync", TaskIds.quoted(TaskIds.UPID));
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + TaskIds.UPID_ENCODED + "/status",
                "{\"status\":\"stopped\",\"exitstatus\":\"ldap bind failed\"}");
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + TaskIds.UPID_ENCODED + "/log",
                "[{\"n\":1,\"t\":\"starting sync for realm corp\"},{\"n\":2,\"t\":\"TASK ERROR: ldap bind failed\"}]");

        assertError("""
                dry run of the sync of realm corp: task failed: ldap bind failed (%s)
                last log lines:
                  starting sync for realm corp
                  TASK ERROR: ldap bind failed""".formatted(TaskIds.UPID), pack.call("proxmox_access_realm_sync", "{\"realm\":\"corp\"}"));
    }

    @Test
    void badSyncOptionsSendNothing() {
        pack.invalid("proxmox_access_realm_sync", "{\"realm\":\"corp\",\"remove-vanished\":[\"none\",\"acl\"]}",
                "remove-vanished: none cannot be combined with acl, properties or entry");
        pack.invalid("proxmox_access_realm_sync", "{\"realm\":\"a/b\"}", "realm: must be a realm");
    }
}
