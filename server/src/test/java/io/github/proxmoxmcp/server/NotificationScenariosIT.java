package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The everyday notification jobs end to end, a fresh {@link SandboxSession} per test. The seed has the built-in
 * mail-to-root and default-matcher, a Gotify endpoint gotify-ops, an SMTP relay smtp-relay, and a matcher
 * errors-to-gotify sending errors to both.
 */
class NotificationScenariosIT {

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
    void listWhereNotificationsGoToday() {
        assertEquals("""
                TARGET        TYPE      ENABLED  ORIGIN        MATCHED BY        COMMENT
                mail-to-root  sendmail  yes      builtin       default-matcher   Send mails to root@pam's email address
                gotify-ops    gotify    yes      user-created  errors-to-gotify  Ops phone push
                smtp-relay    smtp      yes      user-created  errors-to-gotify  -""", ok("proxmox_notification_get", Map.of()));
        assertEquals("""
                NAME              ENABLED  ORIGIN        MATCHES         TARGETS                COMMENT
                default-matcher   yes      builtin       everything      mail-to-root           Route all notifications to mail-to-root
                errors-to-gotify  yes      user-created  severity error  gotify-ops,smtp-relay  Failed backups and replication""",
                ok("proxmox_notification_get", Map.of("view", "matchers")));
        String endpoints = ok("proxmox_notification_get", Map.of("view", "endpoints"));
        assertTrue(endpoints.contains("smtp-relay    smtp      yes      user-created  mail.example.com"), endpoints);
        assertFalse(endpoints.contains("sandbox-smtp-password"), endpoints);
    }

    @Test
    void sendBackupFailuresToANewGotifyEndpointThenTestIt() {
        assertEquals("gotify endpoint phone created; route notifications to it with proxmox_notification_matcher_manage, "
                + "try it with proxmox_notification_test", ok("proxmox_notification_endpoint_manage", Map.of("action", "create",
                "name", "phone", "type", "gotify", "settings", Map.of("server", "https://push.example.com", "token", "Tk-9f8e7d"))));
        assertEquals("matcher backup-failures created: what it matches goes to phone", ok("proxmox_notification_matcher_manage",
                Map.of("action", "create", "name", "backup-failures", "settings", Map.of("target", List.of("phone"),
                        "match-severity", List.of("error"), "match-field", List.of("exact:type=vzdump")))));
        assertEquals("test notification sent to phone; Proxmox accepted it: check that it arrived",
                ok("proxmox_notification_test", Map.of("name", "phone")));

        String targets = ok("proxmox_notification_get", Map.of());
        assertTrue(targets.contains("phone         gotify    yes      user-created  backup-failures"), targets);
        assertTrue(ok("proxmox_notification_get", Map.of("view", "matchers"))
                .contains("backup-failures   yes      user-created  severity error and exact:type=vzdump  phone"));
        String phone = ok("proxmox_notification_get", Map.of("name", "phone"));
        assertEquals("""
                type: gotify
                name: phone
                origin: user-created
                server: https://push.example.com""", phone);
    }

    @Test
    void anEndpointAMatcherNamesIsDeletedOnlyOnceTheMatcherNoLongerNamesIt() {
        assertTrue(sandbox.failed("proxmox_notification_endpoint_manage", Map.of("action", "delete", "name", "smtp-relay",
                "confirm", true)).startsWith("Proxmox API error 400: cannot delete 'smtp-relay', referenced by: errors-to-gotify"));
        assertEquals("matcher errors-to-gotify updated: target", ok("proxmox_notification_matcher_manage",
                Map.of("action", "update", "name", "errors-to-gotify", "settings", Map.of("target", List.of("gotify-ops")))));
        assertEquals("smtp endpoint smtp-relay deleted", ok("proxmox_notification_endpoint_manage",
                Map.of("action", "delete", "name", "smtp-relay", "confirm", true)));
        assertFalse(ok("proxmox_notification_get", Map.of()).contains("smtp-relay"));
    }

    @Test
    void aNameTakenByAMatcherOrEndpointIsRefused() {
        assertTrue(sandbox.failed("proxmox_notification_endpoint_manage", Map.of("action", "create", "name", "default-matcher",
                "type", "sendmail", "settings", Map.of("mailto", "ops@example.com")))
                .startsWith("Proxmox API error 400: Cannot create 'default-matcher', an entity with the same name already exists"));
    }

    @Test
    void aWebhookKeepsItsSecretsWriteOnly() {
        ok("proxmox_notification_endpoint_manage", Map.of("action", "create", "name", "chat", "type", "webhook", "settings",
                Map.of("url", "https://chat.example.com/{{ secrets.path }}", "method", "post",
                        "body", "{\"text\":\"{{ message }}\"}", "secret", Map.of("path", "hooks/s3cr3t-path"))));
        assertEquals("webhook endpoint chat updated: comment", ok("proxmox_notification_endpoint_manage",
                Map.of("action", "update", "name", "chat", "settings", Map.of("comment", "team chat"))));
        String chat = ok("proxmox_notification_get", Map.of("name", "chat"));
        assertEquals("""
                type: webhook
                body: {"text":"{{ message }}"}
                comment: team chat
                method: post
                name: chat
                origin: user-created
                secret: path (values hidden)
                url: https://chat.example.com/{{ secrets.path }}""", chat);
        assertEquals("test notification sent to chat; Proxmox accepted it: check that it arrived",
                ok("proxmox_notification_test", Map.of("name", "chat")));
    }
}
