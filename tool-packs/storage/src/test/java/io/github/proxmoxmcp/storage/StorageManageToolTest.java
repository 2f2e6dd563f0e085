package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_storage_manage: create, update and delete of storage definitions. */
@MicronautTest
class StorageManageToolTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void createNfsSendsTheTypeAndItsSettings() {
        pack.proxmox().respond("POST", "/storage", "{\"storage\":\"nas\",\"type\":\"nfs\"}");

        assertOk("storage nas (nfs) created", pack.call("proxmox_storage_manage", """
                {"storage":"nas","action":"create","type":"nfs","settings":{"server":"10.0.0.5","export":"/srv/pve",
                 "content":["iso","backup"],"nodes":"pve1,pve2","options":"vers=4.2","prune-backups":"keep-last=3",
                 "disable":false}}"""));
        assertRequest(pack.only("POST", "/storage"), Map.of(), Map.of("storage", "nas", "type", "nfs", "server", "10.0.0.5",
                "export", "/srv/pve", "content", "iso,backup", "nodes", "pve1,pve2", "options", "vers=4.2",
                "prune-backups", "keep-last=3", "disable", "0"));
    }

    @Test
    void createPbsSendsSecretsAndNeverShowsAGeneratedKey() {
        pack.proxmox().respond("POST", "/storage", """
                {"storage":"pbs","type":"pbs","config":{"encryption-key":"{\\"kdf\\":null,\\"key\\":\\"c2VjcmV0LWtleQ==\\"}"}}""");

        var result = pack.call("proxmox_storage_manage", """
                {"storage":"pbs","action":"create","type":"pbs","settings":{"server":"pbs.lan","datastore":"main",
                 "username":"pve@pbs","password":"s3cret-Passw0rd","fingerprint":"AA:BB","encryption-key":"autogen",
                 "content":"backup"}}""");

        assertOk("storage pbs (pbs) created; an encryption key was set: back it up from /etc/pve/priv/storage/pbs.enc "
                + "(it is not shown here)", result);
        assertFalse(result.text().contains("c2VjcmV0LWtleQ"));
        assertFalse(result.text().contains("s3cret"));
        assertRequest(pack.only("POST", "/storage"), Map.of(), Map.of("storage", "pbs", "type", "pbs", "server", "pbs.lan",
                "datastore", "main", "username", "pve@pbs", "password", "s3cret-Passw0rd", "fingerprint", "AA:BB",
                "encryption-key", "autogen", "content", "backup"));
    }

    @Test
    void updateSetsSomeSettingsAndRemovesThoseGivenAsNull() {
        pack.proxmox().respond("PUT", "/storage/nas", "{\"storage\":\"nas\",\"type\":\"nfs\"}");

        assertOk("storage nas updated", pack.call("proxmox_storage_manage", """
                {"storage":"nas","action":"update","settings":{"content":"iso,vztmpl","options":null,"nodes":null,"disable":true}}"""));
        assertRequest(pack.only("PUT", "/storage/nas"), Map.of(), Map.of("content", "iso,vztmpl", "disable", "1",
                "delete", "nodes,options"));
    }

    @Test
    void deleteNeedsConfirmAndLeavesTheData() {
        pack.refusedWithoutConfirm("proxmox_storage_manage", "{\"storage\":\"nas\",\"action\":\"delete\"}");

        pack.proxmox().respond("DELETE", "/storage/nas", "null");
        assertOk("storage nas removed from the configuration; its data was left in place",
                pack.call("proxmox_storage_manage", "{\"storage\":\"nas\",\"action\":\"delete\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/storage/nas"), Map.of(), Map.of());
    }

    @Test
    void whatATypeNeedsOrDoesNotTakeIsSaidBeforeSending() {
        pack.invalid("proxmox_storage_manage", "{\"storage\":\"nas\",\"action\":\"create\",\"settings\":{\"server\":\"x\"}}",
                "type is required for action=create");
        pack.invalid("proxmox_storage_manage", "{\"storage\":\"nas\",\"action\":\"create\",\"type\":\"nfs\",\"settings\":{\"server\":\"x\"}}",
                "type=nfs needs settings export");
        pack.invalid("proxmox_storage_manage", """
                {"storage":"nas","action":"create","type":"nfs","settings":{"server":"x","export":"/e","pool":"tank"}}""",
                "settings [pool] do not apply to type=nfs; it takes [bwlimit, content, content-dirs, create-base-path, ");
        pack.invalid("proxmox_storage_manage", """
                {"storage":"thin","action":"create","type":"lvmthin","settings":{"vgname":"pve","thinpool":null}}""",
                "settings.thinpool: null removes a setting, on update only");
        pack.invalid("proxmox_storage_manage", """
                {"storage":"nas","action":"create","type":"nfs","settings":{"server":"x","export":"/e","prune-backups":"last=3"}}""",
                "prune-backups must be keep-all=1 or keep-last|hourly|daily|weekly|monthly|yearly=N");
        pack.invalid("proxmox_storage_manage", "{\"storage\":\"nas\",\"action\":\"update\",\"settings\":{\"export\":\"/other\"}}",
                "[export] cannot be changed on an existing storage");
        pack.invalid("proxmox_storage_manage", "{\"storage\":\"nas\",\"action\":\"update\",\"type\":\"nfs\",\"settings\":{}}",
                "type cannot change");
        pack.invalid("proxmox_storage_manage", "{\"storage\":\"nas\",\"action\":\"update\"}", "action=update needs settings");
        pack.invalid("proxmox_storage_manage", "{\"storage\":\"nas\",\"action\":\"delete\",\"settings\":{},\"confirm\":true}",
                "action=delete takes only storage and confirm");
        pack.invalid("proxmox_storage_manage", """
                {"storage":"nas","action":"update","settings":{"options":{"vers":"4"}}}""",
                "settings.options must be a string, number, boolean or list");
    }

    @Test
    void hostileStorageIdsSendNothing() {
        pack.invalid("proxmox_storage_manage", "{\"storage\":\"../x\",\"action\":\"delete\",\"confirm\":true}", "storage: must be a storage id");
        pack.invalid("proxmox_storage_manage", "{\"storage\":\"a/b\",\"action\":\"update\",\"settings\":{\"disable\":1}}",
                "storage: must be a storage id");
    }

    @Test
    void aProxmoxRefusalShowsEachFieldError() {
        pack.proxmox().fail("POST", "/storage", 400, "Parameter verification failed.", Map.of("server", "invalid format - value 'nas!'"));

        String text = pack.error("proxmox_storage_manage", """
                {"storage":"nas","action":"create","type":"nfs","settings":{"server":"nas!","export":"/e"}}""").text();

        assertTrue(text.startsWith("Proxmox API error 400: Parameter verification failed.\n  server: invalid format - value 'nas!'"), text);
        pack.proxmox().reset();
        pack.proxmox().fail("POST", "/storage", 500, "create storage failed: storage ID 'nas' already defined", Map.of());
        assertEquals("Proxmox API error 500: create storage failed: storage ID 'nas' already defined",
                pack.error("proxmox_storage_manage", """
                        {"storage":"nas","action":"create","type":"nfs","settings":{"server":"nas","export":"/e"}}""").text());
    }
}
