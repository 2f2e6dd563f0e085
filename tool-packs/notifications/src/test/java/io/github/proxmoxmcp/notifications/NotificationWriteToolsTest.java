package io.github.proxmoxmcp.notifications;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Endpoint and matcher writes, and test sends: the exact requests, secrets never shown, bad input refused unsent. */
@MicronautTest
class NotificationWriteToolsTest implements MockProxmoxTest {

    private static final String ENDPOINT = "proxmox_notification_endpoint_manage";
    private static final String MATCHER = "proxmox_notification_matcher_manage";

    @Inject
    PackCalls pack;

    private void targets() {
        pack.proxmox().respond("GET", "/cluster/notifications/targets", NotificationReadToolsTest.TARGETS);
    }

    // endpoints: create

    @Test
    void createGotifySendsServerAndToken() {
        pack.proxmox().respond("POST", "/cluster/notifications/endpoints/gotify", "null");

        assertOk("gotify endpoint ops created; route notifications to it with proxmox_notification_matcher_manage, "
                + "try it with proxmox_notification_test", pack.call(ENDPOINT, """
                {"action":"create","name":"ops","type":"gotify","settings":{"server":"https://gotify.example.com",
                 "token":"AbC.123","comment":"phone"}}"""));
        assertRequest(pack.only("POST", "/cluster/notifications/endpoints/gotify"), Map.of(), Map.of("name", "ops",
                "comment", "phone", "server", "https://gotify.example.com", "token", "AbC.123"));
    }

    @Test
    void createSmtpSendsRecipientsAsOnePairEach() {
        pack.proxmox().respond("POST", "/cluster/notifications/endpoints/smtp", "null");

        pack.ok(ENDPOINT, """
                {"action":"create","name":"relay","type":"smtp","settings":{"server":"mail.example.com","port":587,
                 "mode":"starttls","username":"pve","password":"pa ss&=word","from-address":"pve@example.com",
                 "mailto":["a@example.com","b@example.com"],"mailto-user":"root@pam","disable":false}}""");
        assertEquals("name=relay&disable=0&from-address=pve%40example.com&mailto=a%40example.com&mailto=b%40example.com"
                + "&mailto-user=root%40pam&mode=starttls&password=pa+ss%26%3Dword&port=587&server=mail.example.com"
                + "&username=pve", pack.only("POST", "/cluster/notifications/endpoints/smtp").body());
    }

    @Test
    void createSendmail() {
        pack.proxmox().respond("POST", "/cluster/notifications/endpoints/sendmail", "null");

        pack.ok(ENDPOINT, """
                {"action":"create","name":"admins","type":"sendmail","settings":{"mailto-user":["root@pam","ops@pve"],
                 "author":"PVE"}}""");
        assertEquals("name=admins&author=PVE&mailto-user=root%40pam&mailto-user=ops%40pve",
                pack.only("POST", "/cluster/notifications/endpoints/sendmail").body());
    }

    @Test
    void createWebhookEncodesBodyHeadersAndSecrets() {
        pack.proxmox().respond("POST", "/cluster/notifications/endpoints/webhook", "null");

        pack.ok(ENDPOINT, """
                {"action":"create","name":"hook","type":"webhook","settings":{"url":"https://chat.example.com/{{ secrets.path }}",
                 "method":"post","body":"{\\"text\\":\\"{{ message }}\\"}","header":{"Content-Type":"application/json"},
                 "secret":{"path":"hooks/abc"}}}""");
        var request = pack.only("POST", "/cluster/notifications/endpoints/webhook");
        assertRequest(request, Map.of(), Map.of("name", "hook", "body", "eyJ0ZXh0Ijoie3sgbWVzc2FnZSB9fSJ9",
                "header", "name=Content-Type,value=YXBwbGljYXRpb24vanNvbg==", "method", "post",
                "secret", "name=path,value=aG9va3MvYWJj", "url", "https://chat.example.com/{{ secrets.path }}"));
    }

    @Test
    void createRefusesWhatProxmoxWouldRefuseAndSendsNothing() {
        pack.invalid(ENDPOINT, "{\"action\":\"create\",\"name\":\"ops\"}", "action=create needs type");
        pack.invalid(ENDPOINT, "{\"action\":\"create\",\"name\":\"ops\",\"type\":\"gotify\",\"settings\":{\"server\":\"x\"}}",
                "a gotify endpoint needs settings token");
        pack.invalid(ENDPOINT, "{\"action\":\"create\",\"name\":\"ops\",\"type\":\"gotify\",\"settings\":{\"server\":\"x\","
                + "\"token\":\"t\",\"url\":\"u\"}}", "settings: url is not an option of a gotify endpoint; options: comment, "
                + "disable, server, token");
        pack.invalid(ENDPOINT, "{\"action\":\"create\",\"name\":\"mx\",\"type\":\"sendmail\",\"settings\":{\"author\":\"x\"}}",
                "a sendmail endpoint needs a recipient: settings mailto or mailto-user");
        pack.invalid(ENDPOINT, "{\"action\":\"create\",\"name\":\"mx\",\"type\":\"sendmail\",\"settings\":{\"mailto-user\":\"root\"}}",
                "settings.mailto-user: give a user id user@realm");
        pack.invalid(ENDPOINT, "{\"action\":\"create\",\"name\":\"relay\",\"type\":\"smtp\",\"settings\":{\"server\":\"m\","
                + "\"from-address\":\"a@b\",\"mailto\":\"a@b\",\"port\":70000}}", "settings.port must be a port number 1 to 65535");
        pack.invalid(ENDPOINT, "{\"action\":\"create\",\"name\":\"relay\",\"type\":\"smtp\",\"settings\":{\"server\":\"m\","
                + "\"from-address\":\"a@b\",\"mailto\":\"a@b\",\"mode\":\"ssl\"}}", "settings.mode: give one of insecure, starttls, tls");
        pack.invalid(ENDPOINT, "{\"action\":\"create\",\"name\":\"hook\",\"type\":\"webhook\",\"settings\":{\"url\":\"u\","
                + "\"method\":\"post\",\"header\":{\"X Bad\":\"v\"}}}", "settings.header: a name holds letters");
        pack.invalid(ENDPOINT, "{\"action\":\"create\",\"name\":\"hook\",\"type\":\"webhook\",\"settings\":{\"url\":\"u\","
                + "\"method\":\"post\",\"header\":[\"x\"]}}", "settings.header must be an object {name: value}");
        pack.invalid(ENDPOINT, "{\"action\":\"create\",\"name\":\"gx\",\"type\":\"gotify\",\"settings\":{\"server\":\"s\","
                + "\"token\":null}}", "action=create: leave token out instead of giving it null");
        pack.invalid(ENDPOINT, "{\"action\":\"create\",\"name\":\"gx\",\"type\":\"gotify\",\"settings\":{\"server\":\"s\","
                + "\"token\":\"\"}}", "settings.token is empty");
        pack.invalid(ENDPOINT, "{\"action\":\"create\",\"name\":\"1st\",\"type\":\"gotify\"}", "name: must be a notification");
    }

    @Test
    void aSecretWithAControlCharacterIsRefusedWithoutShowingIt() {
        String text = pack.call(ENDPOINT, Map.of("action", "create", "name", "gx", "type", "gotify",
                "settings", Map.of("server", "s", "token", "top\nsecret"))).text();
        assertEquals("Invalid arguments: settings.token must be one line without control characters. Nothing was sent to "
                + "Proxmox.", text);
        pack.assertNothingSent();
    }

    @Test
    void aProxmoxErrorThatEchoesASecretHasItRedacted() {
        pack.proxmox().fail("POST", "/cluster/notifications/endpoints/gotify", 400, "invalid token 'AbC.123'",
                Map.of("token", "value 'AbC.123' rejected"));

        String text = pack.error(ENDPOINT, """
                {"action":"create","name":"ops","type":"gotify","settings":{"server":"https://g","token":"AbC.123"}}""").text();
        assertFalse(text.contains("AbC.123"), text);
        assertEquals("Proxmox API error 400: invalid token '***'", text.lines().findFirst().orElseThrow());
    }

    @Test
    void aTakenNameIsProxmoxsRefusal() {
        pack.proxmox().fail("POST", "/cluster/notifications/endpoints/gotify", 400,
                "Cannot create 'ops', an entity with the same name already exists", Map.of());

        assertEquals("Proxmox API error 400: Cannot create 'ops', an entity with the same name already exists",
                pack.error(ENDPOINT, "{\"action\":\"create\",\"name\":\"ops\",\"type\":\"gotify\",\"settings\":{\"server\":\"s\","
                        + "\"token\":\"t\"}}").text().lines().findFirst().orElseThrow());
    }

    // endpoints: update and delete

    @Test
    void updateLooksUpTheTypeThenSetsAndClears() {
        targets();
        pack.proxmox().respond("PUT", "/cluster/notifications/endpoints/gotify/ops", "null");

        assertOk("gotify endpoint ops updated: comment (cleared), disable (cleared), token", pack.call(ENDPOINT, """
                {"action":"update","name":"ops","settings":{"token":"new-token","comment":null,"disable":null}}"""));
        assertEquals(List.of("GET /cluster/notifications/targets", "PUT /cluster/notifications/endpoints/gotify/ops"), pack.lines());
        assertEquals("token=new-token&delete=comment&delete=disable", pack.request(1).body());
    }

    @Test
    void updateWithTheTypeGivenSendsOnlyTheUpdate() {
        pack.proxmox().respond("PUT", "/cluster/notifications/endpoints/webhook/hook", "null");

        assertOk("webhook endpoint hook updated: secret", pack.call(ENDPOINT, """
                {"action":"update","name":"hook","type":"webhook","settings":{"secret":{"path":null,"token":"t2"}}}"""));
        assertEquals("secret=name%3Dpath&secret=name%3Dtoken%2Cvalue%3DdDI%3D",
                pack.only("PUT", "/cluster/notifications/endpoints/webhook/hook").body());
    }

    @Test
    void updateRefusesClearingARequiredOptionOrNothingToChange() {
        targets();
        pack.invalid(ENDPOINT, "{\"action\":\"update\",\"name\":\"ops\"}", "action=update needs settings");
        pack.invalid(ENDPOINT, "{\"action\":\"update\",\"name\":\"ops\",\"type\":\"gotify\",\"settings\":{\"server\":null}}",
                "server is required by a gotify endpoint: it cannot be cleared");
    }

    @Test
    void updateOfAnUnknownEndpointSaysHowToListThem() {
        targets();

        assertEquals("no notification endpoint named nope; list them with proxmox_notification_get view=endpoints",
                pack.error(ENDPOINT, "{\"action\":\"update\",\"name\":\"nope\",\"settings\":{\"comment\":\"x\"}}").text());
        pack.only("GET", "/cluster/notifications/targets");
    }

    @Test
    void deleteNeedsConfirmThenDeletesAtItsType() {
        pack.refusedWithoutConfirm(ENDPOINT, "{\"action\":\"delete\",\"name\":\"ops\"}");
        targets();
        pack.proxmox().respond("DELETE", "/cluster/notifications/endpoints/gotify/ops", "null");

        assertOk("gotify endpoint ops deleted", pack.call(ENDPOINT, "{\"action\":\"delete\",\"name\":\"ops\",\"confirm\":true}"));
        assertEquals(List.of("GET /cluster/notifications/targets", "DELETE /cluster/notifications/endpoints/gotify/ops"),
                pack.lines());
        assertRequest(pack.request(1), Map.of(), Map.of());
    }

    @Test
    void deleteOfAnEndpointAMatcherNamesIsProxmoxsRefusal() {
        pack.proxmox().fail("DELETE", "/cluster/notifications/endpoints/gotify/ops", 400,
                "cannot delete 'ops', referenced by: backup-failures", Map.of());

        assertEquals("Proxmox API error 400: cannot delete 'ops', referenced by: backup-failures", pack.error(ENDPOINT,
                "{\"action\":\"delete\",\"name\":\"ops\",\"type\":\"gotify\",\"confirm\":true}").text().lines().findFirst()
                .orElseThrow());
        pack.proxmox().reset();
        pack.invalid(ENDPOINT, "{\"action\":\"delete\",\"name\":\"ops\",\"settings\":{\"x\":1},\"confirm\":true}",
                "action=delete does not take settings");
    }

    // matchers

    @Test
    void createMatcherSendsEachListElementAsItsOwnPair() {
        pack.proxmox().respond("POST", "/cluster/notifications/matchers", "null");

        assertOk("matcher backup-failures created: what it matches goes to ops, mail-to-root", pack.call(MATCHER, """
                {"action":"create","name":"backup-failures","settings":{"target":["ops","mail-to-root"],
                 "match-severity":["error"],"match-field":["exact:type=vzdump","regex:hostname=pve.*"],
                 "match-calendar":"mon-fri 9-17","mode":"all","invert-match":false,"comment":"backups"}}"""));
        assertEquals("name=backup-failures&comment=backups&invert-match=0&match-calendar=mon-fri+9-17"
                + "&match-field=exact%3Atype%3Dvzdump&match-field=regex%3Ahostname%3Dpve.*&match-severity=error&mode=all"
                + "&target=ops&target=mail-to-root", pack.only("POST", "/cluster/notifications/matchers").body());
    }

    @Test
    void updateMatcherSetsAndClears() {
        pack.proxmox().respond("PUT", "/cluster/notifications/matchers/backup-failures", "null");

        assertOk("matcher backup-failures updated: match-calendar (cleared), match-severity, target",
                pack.call(MATCHER, """
                {"action":"update","name":"backup-failures","settings":{"target":"ops","match-severity":["warning","error"],
                 "match-calendar":null}}"""));
        assertEquals("match-severity=warning&match-severity=error&target=ops&delete=match-calendar",
                pack.only("PUT", "/cluster/notifications/matchers/backup-failures").body());
    }

    @Test
    void deleteMatcherNeedsConfirm() {
        pack.refusedWithoutConfirm(MATCHER, "{\"action\":\"delete\",\"name\":\"nights\"}");
        pack.proxmox().respond("DELETE", "/cluster/notifications/matchers/nights", "null");

        assertOk("matcher nights deleted", pack.call(MATCHER, "{\"action\":\"delete\",\"name\":\"nights\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/cluster/notifications/matchers/nights"), Map.of(), Map.of());
    }

    @Test
    void badMatcherSettingsSendNothing() {
        pack.invalid(MATCHER, "{\"action\":\"create\",\"name\":\"m1\",\"settings\":{\"match-severity\":[\"error\"]}}",
                "a matcher needs settings target");
        pack.invalid(MATCHER, "{\"action\":\"create\",\"name\":\"m1\",\"settings\":{\"target\":\"ops\",\"match-severity\":\"fatal\"}}",
                "settings.match-severity: give info, notice, warning, error or unknown; got 'fatal'");
        pack.invalid(MATCHER, "{\"action\":\"create\",\"name\":\"m1\",\"settings\":{\"target\":\"ops\",\"match-field\":\"type=vzdump\"}}",
                "settings.match-field: give exact:FIELD=VALUE[,VALUE] or regex:FIELD=REGEX");
        pack.invalid(MATCHER, "{\"action\":\"create\",\"name\":\"m1\",\"settings\":{\"target\":\"../x\"}}",
                "settings.target: give a target name");
        pack.invalid(MATCHER, "{\"action\":\"create\",\"name\":\"m1\",\"settings\":{\"target\":\"ops\",\"mode\":\"some\"}}",
                "settings.mode: give one of all, any");
        pack.invalid(MATCHER, "{\"action\":\"create\",\"name\":\"m1\",\"settings\":{\"target\":\"ops\",\"severity\":\"error\"}}",
                "settings: severity is not an option of a matcher; options: comment, disable, invert-match, match-calendar, "
                        + "match-field, match-severity, mode, target");
        pack.invalid(MATCHER, "{\"action\":\"create\",\"name\":\"m1\",\"settings\":{\"target\":[]}}", "settings.target is empty");
        pack.invalid(MATCHER, "{\"action\":\"update\",\"name\":\"m1\"}", "action=update needs settings");
        pack.invalid(MATCHER, "{\"action\":\"update\",\"name\":\"m1\",\"settings\":{\"invert-match\":\"maybe\"}}",
                "settings.invert-match must be true or false");
        pack.invalid(MATCHER, "{\"action\":\"delete\",\"name\":\"m1\",\"settings\":{\"mode\":\"any\"},\"confirm\":true}",
                "action=delete does not take settings");
    }

    @Test
    void aMatcherNamingAnUnknownTargetIsProxmoxsRefusal() {
        pack.proxmox().fail("POST", "/cluster/notifications/matchers", 404, "endpoint 'nope' does not exist", Map.of());

        assertEquals("Proxmox API error 404: endpoint 'nope' does not exist", pack.error(MATCHER,
                "{\"action\":\"create\",\"name\":\"m1\",\"settings\":{\"target\":\"nope\"}}").text().lines().findFirst().orElseThrow());
    }

    // test sends

    @Test
    void testSendPostsToTheTarget() {
        pack.proxmox().respond("POST", "/cluster/notifications/targets/ops/test", "null");

        assertOk("test notification sent to ops; Proxmox accepted it: check that it arrived",
                pack.call("proxmox_notification_test", "{\"name\":\"ops\"}"));
        assertRequest(pack.only("POST", "/cluster/notifications/targets/ops/test"), Map.of(), Map.of());
    }

    @Test
    void aFailedTestSendShowsWhy() {
        pack.proxmox().fail("POST", "/cluster/notifications/targets/ops/test", 500,
                "Could not test target: gotify: could not connect to server", Map.of());

        assertEquals("Proxmox API error 500: Could not test target: gotify: could not connect to server",
                pack.error("proxmox_notification_test", "{\"name\":\"ops\"}").text().lines().findFirst().orElseThrow());
    }
}
