package io.github.proxmoxmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Syncing the corp LDAP realm: users and groups arrive through a task; vanished entries go when asked; a dry run changes nothing. */
class RealmSyncTest {

    private Sandbox sandbox;
    private Api api;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxTest.OPTIONS);
        api = new Api(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private List<String> users() {
        return SandboxTest.texts(api.get("/access/users").data(), "userid");
    }

    @Test
    void usersAndGroupsArriveWhenTheTaskEnds() {
        assertEquals("OK", api.run("POST", "/access/domains/corp/sync", "scope", "both", "enable-new", "0"));
        assertTrue(users().containsAll(List.of("carol@corp", "dave@corp", "erin@corp")), users().toString());
        assertEquals(0, api.get("/access/users/carol@corp").data().get("enable").asInt());
        assertEquals("[\"carol@corp\",\"dave@corp\"]", api.get("/access/groups/devops-corp").data().get("members").toString());
    }

    @Test
    void removeVanishedEntryTakesOutWhatTheDirectoryNoLongerHas() {
        assertEquals(200, api.post("/access/users", "userid", "gone@corp").status());
        assertEquals("OK", api.run("POST", "/access/domains/corp/sync", "scope", "users", "dry-run", "1", "remove-vanished", "entry"));
        assertTrue(users().contains("gone@corp") && !users().contains("carol@corp"), "a dry run changes nothing");
        assertEquals("OK", api.run("POST", "/access/domains/corp/sync", "scope", "users", "remove-vanished", "entry;acl"));
        assertFalse(users().contains("gone@corp"));
        assertTrue(users().contains("carol@corp"));
    }

    @Test
    void onlyDirectoryRealmsSyncAndScopeIsNeeded() {
        Api.Response pve = api.post("/access/domains/pve/sync", "scope", "users");
        assertEquals(500, pve.status());
        assertEquals("Cannot sync realm of type 'pve'", pve.message().trim());
        assertEquals(400, api.post("/access/domains/corp/sync").status());
        assertEquals(400, api.post("/access/domains/corp/sync", "scope", "users", "remove-vanished", "everything").status());
    }
}
