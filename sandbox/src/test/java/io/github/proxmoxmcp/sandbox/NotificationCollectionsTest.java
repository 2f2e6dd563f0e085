package io.github.proxmoxmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notifications beyond the collections: match fields, test sends, webhook secrets kept by name, list deletes. */
class NotificationCollectionsTest {

    private static final String BASE = "/cluster/notifications";

    private Sandbox sandbox;
    private Api api;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxTest.OPTIONS.withPveMajor(9));
        api = new Api(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void matcherFieldsAndTheirKnownValues() {
        assertEquals(List.of("type", "hostname", "job-id"), SandboxTest.texts(api.get(BASE + "/matcher-fields").data(), "name"));
        Api.Response values = api.get(BASE + "/matcher-field-values");
        assertEquals(List.of("package-updates", "fencing", "replication", "vzdump", "system-mail", "pve1", "pve2", "pve3"),
                SandboxTest.texts(values.data(), "value"));
        assertEquals("hostname", values.data().get(5).path("field").asString());
    }

    @Test
    void aTestSendGoesToAKnownTargetOnly() {
        assertEquals(200, api.post(BASE + "/targets/gotify-ops/test").status());
        Api.Response unknown = api.post(BASE + "/targets/nope/test");
        assertEquals(404, unknown.status(), unknown.raw());
        assertEquals("target 'nope' does not exist", unknown.message());
        assertEquals(404, api.post(BASE + "/targets/default-matcher/test").status(), "a matcher is no target");
    }

    @Test
    void webhookSecretsShowByNameAndAreKeptWhenGivenByName() {
        assertEquals(200, api.post(BASE + "/endpoints/webhook", "name", "hook", "url", "https://chat.example/{{ secrets.path }}",
                "method", "post", "secret", "name=path,value=aG9va3MvYWJj", "secret", "name=token,value=dDE=").status());
        Api.Response read = api.get(BASE + "/endpoints/webhook/hook");
        assertEquals("[\"name=path\",\"name=token\"]", read.data().get("secret").toString());
        assertFalse(api.get(BASE + "/endpoints/webhook").raw().contains("aG9va3MvYWJj"));

        assertEquals(200, api.put(BASE + "/endpoints/webhook/hook", "secret", "name=path", "secret", "name=token,value=dDI=")
                .status());
        assertEquals("[\"name=path\",\"name=token\"]", api.get(BASE + "/endpoints/webhook/hook").data().get("secret").toString());
        Api.Response unknown = api.put(BASE + "/endpoints/webhook/hook", "secret", "name=other");
        assertEquals(400, unknown.status(), unknown.raw());
        assertEquals("secret 'other' has no value", unknown.message());
    }

    @Test
    void deleteTakesOneKeyPerPair() {
        assertEquals(200, api.put(BASE + "/matchers/errors-to-gotify", "delete", "comment", "delete", "mode").status());
        Api.Response read = api.get(BASE + "/matchers/errors-to-gotify");
        assertFalse(read.data().has("comment"), read.raw());
        assertFalse(read.data().has("mode"), read.raw());
    }
}
