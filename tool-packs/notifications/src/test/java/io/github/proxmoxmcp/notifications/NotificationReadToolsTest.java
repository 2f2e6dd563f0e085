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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** proxmox_notification_get: targets and who routes to them, endpoints, matchers, match fields, one entry in full. */
@MicronautTest
class NotificationReadToolsTest implements MockProxmoxTest {

    static final String TARGETS = """
            [{"name":"mail-to-root","type":"sendmail","origin":"builtin","comment":"Send mails to root","disable":0},
             {"name":"ops","type":"gotify","origin":"user-created","disable":0},
             {"name":"hook","type":"webhook","origin":"user-created","disable":1}]""";
    static final String MATCHERS = """
            [{"name":"default-matcher","target":["mail-to-root"],"origin":"builtin","comment":"Route all notifications"},
             {"name":"backup-failures","target":["ops","mail-to-root"],"match-severity":["error"],
              "match-field":["exact:type=vzdump"],"mode":"all","origin":"user-created"},
             {"name":"nights","target":"ops","match-calendar":["sat,sun 0-23"],"match-severity":["warning","error"],
              "mode":"any","invert-match":1,"disable":1,"origin":"user-created"}]""";

    @Inject
    PackCalls pack;

    @Test
    void targetsShowWhichMatchersRouteToEach() {
        pack.proxmox().respond("GET", "/cluster/notifications/targets", TARGETS);
        pack.proxmox().respond("GET", "/cluster/notifications/matchers", MATCHERS);

        assertOk("""
                TARGET        TYPE      ENABLED  ORIGIN        MATCHED BY                         COMMENT
                mail-to-root  sendmail  yes      builtin       default-matcher,backup-failures    Send mails to root
                ops           gotify    yes      user-created  backup-failures,nights (disabled)  -
                hook          webhook   no       user-created  -                                  -""",
                pack.call("proxmox_notification_get", "{}"));
        assertEquals(inAnyOrder("GET /cluster/notifications/targets", "GET /cluster/notifications/matchers"), inAnyOrder(pack.lines()));
        assertRequest(pack.request(0), Map.of(), Map.of());
    }

    @Test
    void noTargetsSaysSo() {
        pack.proxmox().respond("GET", "/cluster/notifications/targets", "[]");
        pack.proxmox().respond("GET", "/cluster/notifications/matchers", "[]");

        assertOk("no notification targets", pack.call("proxmox_notification_get", "{\"view\":\"targets\"}"));
    }

    @Test
    void endpointsOfEveryTypeWithWhereEachDeliversAndNoSecret() {
        pack.proxmox().respond("GET", "/cluster/notifications/endpoints/sendmail", """
                [{"name":"mail-to-root","mailto-user":["root@pam"],"mailto":["ops@example.com"],"origin":"builtin"}]""");
        pack.proxmox().respond("GET", "/cluster/notifications/endpoints/gotify", """
                [{"name":"ops","server":"https://gotify.example.com","token":"never-shown","origin":"user-created"}]""");
        pack.proxmox().respond("GET", "/cluster/notifications/endpoints/smtp", "[]");
        pack.proxmox().respond("GET", "/cluster/notifications/endpoints/webhook", """
                [{"name":"hook","url":"https://chat.example.com/{{ secrets.path }}","method":"post","disable":1,
                  "comment":"chat","origin":"user-created"}]""");

        String text = pack.ok("proxmox_notification_get", "{\"view\":\"endpoints\"}").text();
        assertEquals("""
                NAME          TYPE      ENABLED  ORIGIN        DESTINATION                                  COMMENT
                mail-to-root  sendmail  yes      builtin       root@pam,ops@example.com                     -
                ops           gotify    yes      user-created  https://gotify.example.com                   -
                hook          webhook   no       user-created  https://chat.example.com/{{ secrets.path }}  chat""", text);
        assertEquals(List.of("GET /cluster/notifications/endpoints/sendmail", "GET /cluster/notifications/endpoints/gotify",
                "GET /cluster/notifications/endpoints/smtp", "GET /cluster/notifications/endpoints/webhook"), pack.lines());
    }

    @Test
    void matchersSayWhatEachMatchesInWords() {
        pack.proxmox().respond("GET", "/cluster/notifications/matchers", MATCHERS);

        assertOk("""
                NAME             ENABLED  ORIGIN        MATCHES                                                TARGETS           COMMENT
                default-matcher  yes      builtin       everything                                             mail-to-root      Route all notifications
                backup-failures  yes      user-created  severity error and exact:type=vzdump                   ops,mail-to-root  -
                nights           no       user-created  not (severity warning|error or calendar sat,sun 0-23)  ops               -""",
                pack.call("proxmox_notification_get", "{\"view\":\"matchers\"}"));
        pack.only("GET", "/cluster/notifications/matchers");
    }

    @Test
    void fieldsListWhatAMatcherCanMatchOn() {
        pack.proxmox().respond("GET", "/cluster/notifications/matcher-fields", """
                [{"name":"type"},{"name":"hostname"},{"name":"job-id"}]""");
        pack.proxmox().respond("GET", "/cluster/notifications/matcher-field-values", """
                [{"field":"type","value":"vzdump"},{"field":"type","value":"fencing"},
                 {"field":"hostname","value":"pve1"},{"field":"job-id","value":"backup-1a2b","comment":"nightly"}]""");

        assertOk("""
                FIELD     KNOWN VALUES
                type      vzdump, fencing
                hostname  pve1
                job-id    backup-1a2b (nightly)
                match-field: exact:FIELD=VALUE[,VALUE] or regex:FIELD=REGEX; match-severity: info, notice, warning, error, unknown""",
                pack.call("proxmox_notification_get", "{\"view\":\"fields\"}"));
        assertEquals(inAnyOrder("GET /cluster/notifications/matcher-fields", "GET /cluster/notifications/matcher-field-values"),
                inAnyOrder(pack.lines()));
    }

    @Test
    void oneWebhookInFullWithHeadersAndBodyDecodedAndSecretValuesHidden() {
        pack.proxmox().respond("GET", "/cluster/notifications/targets", TARGETS);
        pack.proxmox().respond("GET", "/cluster/notifications/endpoints/webhook/hook", """
                {"name":"hook","url":"https://chat.example.com/hook","method":"post","digest":"d1",
                 "header":["name=Content-Type,value=YXBwbGljYXRpb24vanNvbg=="],
                 "secret":["name=token,value=c2VjcmV0LXZhbHVl","name=path"],
                 "body":"eyJ0ZXh0Ijoie3sgbWVzc2FnZSB9fSJ9"}""");

        String text = pack.ok("proxmox_notification_get", "{\"view\":\"endpoints\",\"name\":\"hook\"}").text();
        assertEquals("""
                type: webhook
                body: {"text":"{{ message }}"}
                header: Content-Type=application/json
                method: post
                name: hook
                secret: token,path (values hidden)
                url: https://chat.example.com/hook""", text);
        assertFalse(text.contains("c2VjcmV0") || text.contains("secret-value"), text);
        assertEquals(inAnyOrder("GET /cluster/notifications/targets", "GET /cluster/notifications/endpoints/webhook/hook"),
                inAnyOrder(pack.lines()));
    }

    @Test
    void oneGotifyEndpointLeavesTheTokenOut() {
        pack.proxmox().respond("GET", "/cluster/notifications/targets", TARGETS);
        pack.proxmox().respond("GET", "/cluster/notifications/endpoints/gotify/ops", """
                {"name":"ops","server":"https://gotify.example.com","token":"never-shown","digest":"d"}""");

        assertOk("""
                type: gotify
                name: ops
                server: https://gotify.example.com""", pack.call("proxmox_notification_get", "{\"name\":\"ops\"}"));
    }

    @Test
    void aNameThatIsNoTargetIsReadAsAMatcher() {
        pack.proxmox().respond("GET", "/cluster/notifications/targets", TARGETS);
        pack.proxmox().respond("GET", "/cluster/notifications/matchers/backup-failures", """
                {"name":"backup-failures","target":["ops","mail-to-root"],"match-severity":["error"],
                 "match-field":["exact:type=vzdump"],"mode":"all","digest":"d"}""");

        assertOk("""
                match-field: exact:type=vzdump
                match-severity: error
                mode: all
                name: backup-failures
                target: ops,mail-to-root""", pack.call("proxmox_notification_get", "{\"name\":\"backup-failures\"}"));
        assertEquals(inAnyOrder("GET /cluster/notifications/targets", "GET /cluster/notifications/matchers/backup-failures"),
                inAnyOrder(pack.lines()));
    }

    @Test
    void oneMatcherByViewIsReadDirectly() {
        pack.proxmox().respond("GET", "/cluster/notifications/matchers/nights", """
                {"name":"nights","target":"ops","invert-match":1}""");

        assertOk("""
                invert-match: 1
                name: nights
                target: ops""", pack.call("proxmox_notification_get", "{\"view\":\"matchers\",\"name\":\"nights\"}"));
        pack.only("GET", "/cluster/notifications/matchers/nights");
    }

    @Test
    void anUnknownEndpointSaysHowToListThem() {
        pack.proxmox().respond("GET", "/cluster/notifications/targets", TARGETS);

        assertEquals("no notification endpoint named nope; list them with proxmox_notification_get view=endpoints",
                pack.error("proxmox_notification_get", "{\"view\":\"endpoints\",\"name\":\"nope\"}").text());
        pack.only("GET", "/cluster/notifications/targets");
    }

    @Test
    void anUnknownMatcherIsProxmoxsNotFound() {
        pack.proxmox().fail("GET", "/cluster/notifications/matchers/nope", 404, "matcher 'nope' not found", Map.of());

        assertEquals("Proxmox API error 404: matcher 'nope' not found", pack.error("proxmox_notification_get",
                "{\"view\":\"matchers\",\"name\":\"nope\"}").text().lines().findFirst().orElseThrow());
    }

    @Test
    void aNameWithTheFieldsViewOrAnUnknownViewSendsNothing() {
        pack.invalid("proxmox_notification_get", "{\"view\":\"fields\",\"name\":\"ops\"}", "name does not apply to view=fields");
        pack.invalid("proxmox_notification_get", "{\"view\":\"targets\",\"name\":\"ops\"}", "name does not apply to view=targets");
        pack.invalid("proxmox_notification_get", "{\"view\":\"status\"}", "Expected one of [");
    }

    @ParameterizedTest
    @MethodSource("io.github.proxmoxmcp.core.testing.HostileValues#identifiers")
    void hostileNamesSendNothing(String name) {
        pack.invalid("proxmox_notification_get", Map.of("name", name), "name: must be a notification target or matcher name");
        pack.invalid("proxmox_notification_endpoint_manage", Map.of("action", "delete", "name", name, "confirm", true),
                "name: must be a notification target or matcher name");
        pack.invalid("proxmox_notification_matcher_manage", Map.of("action", "delete", "name", name, "confirm", true),
                "name: must be a notification target or matcher name");
        pack.invalid("proxmox_notification_test", Map.of("name", name), "name: must be a notification target or matcher name");
    }

    @Test
    void aForbiddenReadNamesThePrivilege() {
        pack.proxmox().fail("GET", "/cluster/notifications/targets", 403, "Permission check failed (/mapping/notification, "
                + "Mapping.Audit)", Map.of());
        pack.proxmox().respond("GET", "/cluster/notifications/matchers", "[]");

        assertEquals("Proxmox API error 403: Permission check failed (/mapping/notification, Mapping.Audit)",
                pack.error("proxmox_notification_get", "{}").text().lines().findFirst().orElseThrow());
    }

    /** The requests of a view that sends its reads at once: they reach the mock in either order. */
    private static List<String> inAnyOrder(String... lines) {
        return inAnyOrder(List.of(lines));
    }

    private static List<String> inAnyOrder(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
