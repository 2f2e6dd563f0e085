package io.github.proxmoxmcp.sandbox;

import static io.github.proxmoxmcp.sandbox.SandboxTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Firewall state across scopes: rules, IP sets, security groups, references, macros and logs. */
class FirewallCollectionsTest {

    private static final String VM_RULES = "/nodes/pve1/qemu/100/firewall/rules";

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

    @Test
    void aRuleGoesInAtTheTopMovesAndLeaves() {
        assertEquals(200, api.post(VM_RULES, "type", "in", "action", "ACCEPT", "proto", "tcp", "dport", "443", "enable", "1").status());
        JsonNode rules = api.get(VM_RULES).data();
        assertEquals(List.of("", "group", "in", "out"), List.of(rules.get(0).path("macro").asString(),
                rules.get(1).get("type").asString(), rules.get(2).get("type").asString(), rules.get(3).get("type").asString()));
        assertEquals("443", rules.get(0).get("dport").asString());
        assertEquals(200, api.put(VM_RULES + "/0", "moveto", "4").status());
        assertEquals("443", api.get(VM_RULES).data().get(3).get("dport").asString());
        Api.Response stale = api.delete(VM_RULES + "/3", "digest", "0000");
        assertEquals(500, stale.status());
        assertEquals(200, api.delete(VM_RULES + "/3").status());
        assertEquals(3, api.get(VM_RULES).data().size());
    }

    @Test
    void anIpSetBlocksAnAddressClusterWide() {
        assertEquals(200, api.post("/cluster/firewall/ipset", "name", "blocklist", "comment", "abusers").status());
        assertEquals(400, api.post("/cluster/firewall/ipset", "name", "blocklist").status(), "a duplicate set is refused");
        assertEquals(200, api.post("/cluster/firewall/ipset/blocklist", "cidr", "203.0.113.7").status());
        assertEquals(List.of("203.0.113.7"), texts(api.get("/cluster/firewall/ipset/blocklist").data(), "cidr"));
        assertEquals(200, api.post("/cluster/firewall/rules", "type", "in", "action", "DROP", "source", "+blocklist",
                "enable", "1").status());
        assertEquals("+blocklist", api.get("/cluster/firewall/rules/0").data().get("source").asString());
        JsonNode refs = api.get("/cluster/firewall/refs", "type", "ipset").data();
        assertEquals(List.of("trusted", "blocklist"), texts(refs, "name"));
        assertEquals("dc", refs.get(0).get("scope").asString());
    }

    @Test
    void aSecurityGroupServesTwoGuests() {
        assertEquals(200, api.post("/cluster/firewall/groups", "group", "ssh-only", "comment", "admin SSH").status());
        assertEquals(200, api.post("/cluster/firewall/groups/ssh-only", "type", "in", "action", "ACCEPT", "macro", "SSH",
                "enable", "1").status());
        assertEquals(200, api.post("/nodes/pve1/qemu/102/firewall/rules", "type", "group", "action", "ssh-only", "enable", "1").status());
        assertEquals(200, api.post("/nodes/pve2/lxc/103/firewall/rules", "type", "group", "action", "ssh-only", "enable", "1").status());
        assertEquals("ssh-only", api.get("/nodes/pve2/lxc/103/firewall/rules/0").data().get("action").asString());
        assertEquals("Security group 'ssh-only' is not empty", api.delete("/cluster/firewall/groups/ssh-only").message().strip());
    }

    @Test
    void guestReferencesIncludeTheGuestsOwnAliases() {
        assertEquals(200, api.post("/nodes/pve1/qemu/100/firewall/aliases", "name", "backend", "cidr", "10.0.0.5").status());
        JsonNode refs = api.get("/nodes/pve1/qemu/100/firewall/refs", "type", "alias").data();
        assertEquals(List.of("mgmt-net", "monitoring", "backend"), texts(refs, "name"));
        assertEquals(List.of("dc", "dc", "guest"), texts(refs, "scope"));
    }

    @Test
    void logsArePagedOldestFirstWithTheirTotal() {
        Api.Response page = api.get("/nodes/pve1/qemu/100/firewall/log", "start", "38", "limit", "5");
        assertEquals(40, page.body().get("total").asInt());
        assertEquals(2, page.data().size());
        assertEquals(39, page.data().get(0).get("n").asInt());
        assertTrue(page.data().get(1).get("t").asString().startsWith("100 6 tap100i0-IN 01/Jun/2025:11:57:00 +0000 policy DROP:"),
                page.data().get(1).get("t").asString());
        long now = java.time.Instant.parse("2025-06-01T12:00:00Z").getEpochSecond();
        assertEquals(10, api.get("/nodes/pve1/firewall/log", "since", String.valueOf(now - 1800)).body().get("total").asInt());
        assertTrue(texts(api.get("/cluster/firewall/macros").data(), "macro").contains("SSH"));
    }
}
