package io.github.proxmoxmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /access/permissions} worked out from ACLs, groups, roles, pools and token privilege separation; TFA entries. */
class AccessPermissionsTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxTest.OPTIONS);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String permissions(Api api, String... params) {
        Api.Response r = api.get("/access/permissions", params);
        assertEquals(200, r.status(), r.raw());
        return r.data().toString();
    }

    @Test
    void aGroupRoleOnAPoolReachesItsGuestsAndAUserAclReplacesItOnTheWay() {
        Api api = new Api(sandbox);
        String pool = "vms/" + api.get("/pools/production").data().path("members").get(0).path("vmid").asInt();
        assertEquals("{\"/pool/production\":{\"VM.Audit\":1,\"VM.Console\":1,\"VM.GuestAgent.Audit\":1,\"VM.PowerMgmt\":1}}",
                permissions(api, "userid", "bob@pve", "path", "/pool/production"));
        assertEquals("{\"/" + pool + "\":{\"VM.Audit\":1,\"VM.Console\":1,\"VM.GuestAgent.Audit\":1,\"VM.PowerMgmt\":1}}",
                permissions(api, "userid", "bob@pve", "path", "/" + pool));
        assertEquals("{\"/vms\":{}}", permissions(api, "userid", "bob@pve", "path", "/vms"));
        assertEquals("{\"/storage/nfs-shared\":{\"Datastore.AllocateSpace\":0,\"Datastore.Audit\":0}}",
                permissions(api, "userid", "automation@pve", "path", "/storage/nfs-shared"));
        assertEquals("{\"/storage/nfs-shared/x\":{}}", permissions(api, "userid", "automation@pve", "path", "/storage/nfs-shared/x"));
        assertEquals("{\"/storage/nfs-shared\":{\"Datastore.AllocateSpace\":0,\"Datastore.Audit\":0}}",
                permissions(api, "userid", "automation@pve"));
    }

    @Test
    void aPrivilegeSeparatedTokenHasOnlyWhatItsUserAlsoHas() {
        Api api = new Api(sandbox);
        assertEquals("{}", permissions(api, "userid", "automation@pve!terraform"));
        assertEquals(200, api.put("/access/acl", "path", "/pool/development", "roles", "PVEVMUser",
                "users", "automation@pve").status());
        try {
            assertEquals("{\"/pool/development\":{\"VM.Audit\":1,\"VM.Backup\":1,\"VM.Config.CDROM\":1,"
                            + "\"VM.Config.Cloudinit\":1,\"VM.Console\":1,\"VM.GuestAgent.Audit\":1,\"VM.GuestAgent.FileRead\":1,"
                            + "\"VM.GuestAgent.FileSystemMgmt\":1,\"VM.GuestAgent.FileWrite\":1,\"VM.PowerMgmt\":1}}",
                    permissions(api, "userid", "automation@pve!terraform", "path", "/pool/development"));
        } finally {
            assertEquals(200, api.put("/access/acl", "path", "/pool/development", "roles", "PVEVMUser",
                    "users", "automation@pve", "delete", "1").status());
        }
    }

    @Test
    void rootAndATokenWithoutPrivilegeSeparationHaveEverything() {
        Api api = new Api(sandbox);
        String all = permissions(api, "path", "/vms/100");
        assertEquals(all, permissions(api, "userid", "root@pam", "path", "/vms/100"));
        assertEquals(api.get("/access/roles/Administrator").data().size(),
                api.get("/access/permissions", "path", "/vms/100").data().path("/vms/100").size());
    }

    @Test
    void noAccessAtAPathTakesEverythingAway() {
        Api api = new Api(sandbox);
        assertEquals(200, api.put("/access/acl", "path", "/vms/999", "roles", "NoAccess", "users", "alice@pve").status());
        try {
            assertEquals("{\"/vms/999\":{}}", permissions(api, "userid", "alice@pve", "path", "/vms/999"));
            assertEquals(api.get("/access/roles/Administrator").data().size(),
                    api.get("/access/permissions", "userid", "alice@pve", "path", "/vms/998").data().path("/vms/998").size());
        } finally {
            assertEquals(200, api.put("/access/acl", "path", "/vms/999", "roles", "NoAccess", "users", "alice@pve",
                    "delete", "1").status());
        }
    }

    @Test
    void tfaEntriesAreListedAndDeleted() {
        try (Sandbox own = Sandbox.start(SandboxTest.OPTIONS)) {
            Api api = new Api(own);
            Api.Response all = api.get("/access/tfa");
            assertEquals("alice@pve", all.data().get(0).path("userid").asString(), all.raw());
            assertEquals(List.of("totp", "recovery"), SandboxTest.texts(all.data().get(0).path("entries"), "type"));
            String id = api.get("/access/tfa/alice@pve").data().get(0).path("id").asString();
            assertEquals("x", api.get("/access/users/alice@pve").data().path("keys").asString());
            assertEquals(200, api.delete("/access/tfa/alice@pve/" + id).status());
            assertEquals(500, api.delete("/access/tfa/alice@pve/" + id).status());
            assertEquals(200, api.delete("/access/tfa/alice@pve/recovery").status());
            assertEquals("[]", api.get("/access/tfa").data().toString());
            assertEquals("[]", api.get("/access/tfa/alice@pve").data().toString());
            assertEquals("", api.get("/access/users/alice@pve").data().path("keys").asString());
            assertEquals("no such user ('nobody@pve')", api.get("/access/tfa/nobody@pve").message().trim());
        }
    }
}
