package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID_ENCODED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmox;
import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class NodeServiceAndTaskToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void serviceListIsSortedByName() {
        pack.proxmox().respond("GET", "/nodes/pve1/services", """
                [{"name":"sshd","service":"sshd","state":"running","active-state":"active","unit-state":"enabled",
                  "desc":"OpenBSD Secure Shell server"},
                 {"name":"corosync","service":"corosync","state":"dead","active-state":"inactive","unit-state":"disabled",
                  "desc":"Corosync Cluster Engine"}]""");

        String text = pack.ok("proxmox_node_service_list", "{\"node\":\"pve1\"}").text();

        assertEquals("""
                SERVICE   STATE    ACTIVE    UNIT      DESCRIPTION
                corosync  dead     inactive  disabled  Corosync Cluster Engine
                sshd      running  active    enabled   OpenBSD Secure Shell server""", text);
        assertRequest(pack.only("GET", "/nodes/pve1/services"), Map.of(), Map.of());
    }

    @Test
    void serviceRestartPostsAndWaitsOnTheTask() {
        pack.taskEndsOk("POST", "/nodes/pve1/services/pveproxy/restart");

        String text = pack.ok("proxmox_node_service_control", "{\"node\":\"pve1\",\"service\":\"pveproxy\",\"action\":\"restart\"}").text();

        assertEquals("restart of pveproxy on pve1: task OK (" + UPID + ")", text);
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/services/pveproxy/restart"), Map.of(), Map.of());
    }

    @Test
    void serviceWithHyphenIsSentAsIs() {
        pack.taskEndsOk("POST", "/nodes/pve1/services/pve-cluster/reload");

        pack.ok("proxmox_node_service_control",
                "{\"node\":\"pve1\",\"service\":\"pve-cluster\",\"action\":\"reload\",\"wait\":false}");

        assertEquals(List.of("POST /nodes/pve1/services/pve-cluster/reload"),
                pack.lines());
    }

    @Test
    void unknownServiceSendsNothing() {
        pack.invalid("proxmox_node_service_control", "{\"node\":\"pve1\",\"service\":\"nginx\",\"action\":\"stop\"}",
                "service must be one of chrony corosync");
    }

    @Test
    void serviceStopForbiddenIsAProxmoxError() {
        pack.proxmox().fail("POST", "/nodes/pve1/services/sshd/stop", 403, "Permission check failed (/nodes/pve1, Sys.Modify)", Map.of());

        String text = pack.error("proxmox_node_service_control", "{\"node\":\"pve1\",\"service\":\"sshd\",\"action\":\"stop\"}").text();

        assertEquals("Proxmox API error 403: Permission check failed (/nodes/pve1, Sys.Modify)", text.lines().findFirst().orElseThrow());
    }

    @Test
    void taskListSendsEveryFilter() {
        pack.proxmox().respond("GET", "/nodes/pve1/tasks", """
                [{"upid":"%s","type":"srvrestart","id":"pveproxy","user":"root@pam","starttime":1710268850,
                  "endtime":1710268852,"status":"OK"},
                 {"upid":"UPID:pve1:1:2:65F0A1B3:vzdump::root@pam:","type":"vzdump","user":"root@pam","starttime":"1710268851"}]"""
                .formatted(UPID));

        String text = pack.ok("proxmox_node_task_list", """
                {"node":"pve1","vmid":100,"typefilter":"vzdump","statusfilter":["error","warning"],"source":"all",
                 "errors":true,"userfilter":"root@pam","since":1710000000,"until":1720000000,"start":5,"limit":20}""").text();

        assertEquals("""
                START                 TYPE        ID        USER      STATUS   UPID
                2024-03-12 18:40:50Z  srvrestart  pveproxy  root@pam  OK       %s
                2024-03-12 18:40:51Z  vzdump                root@pam  running  UPID:pve1:1:2:65F0A1B3:vzdump::root@pam:"""
                .formatted(UPID), text);
        assertRequest(pack.only("GET", "/nodes/pve1/tasks"), Map.ofEntries(
                Map.entry("vmid", "100"), Map.entry("typefilter", "vzdump"), Map.entry("statusfilter", "error,warning"),
                Map.entry("source", "all"), Map.entry("errors", "1"), Map.entry("userfilter", "root@pam"),
                Map.entry("since", "1710000000"), Map.entry("until", "1720000000"), Map.entry("start", "5"),
                Map.entry("limit", "20")), Map.of());
    }

    @Test
    void taskListWithoutFiltersSendsNoQuery() {
        pack.proxmox().respond("GET", "/nodes/pve1/tasks", "[]");

        assertEquals("no tasks", pack.ok("proxmox_node_task_list", "{\"node\":\"pve1\"}").text());
        assertRequest(pack.only("GET", "/nodes/pve1/tasks"), Map.of(), Map.of());
    }

    @Test
    void taskListWithoutNodeReadsEveryOnlineNodeNewestFirst() {
        pack.proxmox().respond("GET", "/cluster/resources", Map.of("type", "node"), """
                [{"id":"node/pve1","node":"pve1","type":"node","status":"online"},
                 {"id":"node/pve3","node":"pve3","type":"node","status":"offline"},
                 {"id":"node/pve2","node":"pve2","type":"node","status":"online"}]""");
        pack.proxmox().respond("GET", "/nodes/pve1/tasks", """
                [{"upid":"UPID:pve1:1:2:65F0A1B0:vzdump::root@pam:","type":"vzdump","user":"root@pam","starttime":1710268848,
                  "status":"OK"}]""");
        pack.proxmox().respond("GET", "/nodes/pve2/tasks", """
                [{"upid":"UPID:pve2:1:2:65F0A1B3:qmstart:100:root@pam:","type":"qmstart","id":"100","user":"root@pam",
                  "starttime":1710268851,"status":"OK"},
                 {"upid":"UPID:pve2:1:2:65F0A1A0:qmstop:100:root@pam:","type":"qmstop","id":"100","user":"root@pam",
                  "starttime":1710268832,"status":"OK"}]""");

        String text = pack.ok("proxmox_node_task_list", "{\"typefilter\":\"vzdump\",\"limit\":2}").text();

        assertEquals("""
                START                 NODE  TYPE     ID   USER      STATUS  UPID
                2024-03-12 18:40:51Z  pve2  qmstart  100  root@pam  OK      UPID:pve2:1:2:65F0A1B3:qmstart:100:root@pam:
                2024-03-12 18:40:48Z  pve1  vzdump        root@pam  OK      UPID:pve1:1:2:65F0A1B0:vzdump::root@pam:
                … 1 more tasks""", text);
        assertEquals(List.of("GET /cluster/resources", "GET /nodes/pve1/tasks", "GET /nodes/pve2/tasks"), pack.lines());
        assertEquals(Map.of("typefilter", "vzdump", "limit", "2"), pack.request(1).query());
        assertEquals(Map.of("typefilter", "vzdump", "limit", "2"), pack.request(2).query());
    }

    @Test
    void taskListRejectsAnUnknownStatus() {
        pack.invalid("proxmox_node_task_list", "{\"node\":\"pve1\",\"statusfilter\":[\"failed\"]}", "failed");
    }

    @Test
    void taskGetTakesTheNodeFromTheUpidAndShowsTheLogTail() {
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + UPID_ENCODED + "/status", """
                {"upid":"%s","type":"srvrestart","id":"pveproxy","user":"root@pam","starttime":1710268850,
                 "status":"stopped","exitstatus":"OK"}""".formatted(UPID));
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + UPID_ENCODED + "/log", """
                [{"n":1,"t":"starting"},{"n":2,"t":"restarting pveproxy"},{"n":3,"t":"TASK OK"}]""");

        String text = pack.ok("proxmox_node_task_get", "{\"upid\":\"" + UPID + "\",\"limit\":2}").text();

        assertEquals("""
                upid: %s
                type: srvrestart pveproxy
                user: root@pam
                started: 2024-03-12 18:40:50Z
                status: stopped (OK)
                log (last 2 of 3 lines):
                restarting pveproxy
                TASK OK""".formatted(UPID), text);
        List<MockProxmox.Recorded> requests = pack.proxmox().requests();
        assertEquals(List.of("GET /nodes/pve1/tasks/" + UPID_ENCODED + "/status", "GET /nodes/pve1/tasks/" + UPID_ENCODED + "/log"),
                requests.stream().map(MockProxmox.Recorded::line).toList());
        assertEquals(Map.of("start", "0", "limit", "5000"), requests.get(1).query());
    }

    @Test
    void taskGetWithStartPagesTheLog() {
        pack.proxmox().respond("GET", "/nodes/pve2/tasks/" + UPID_ENCODED + "/status", """
                {"upid":"%s","type":"srvrestart","id":"pveproxy","user":"root@pam","status":"running"}""".formatted(UPID));
        pack.proxmox().respond("GET", "/nodes/pve2/tasks/" + UPID_ENCODED + "/log", "[{\"n\":11,\"t\":\"line 11\"}]");

        String text = pack.ok("proxmox_node_task_get", "{\"upid\":\"" + UPID + "\",\"node\":\"pve2\",\"start\":10,\"limit\":5}").text();

        assertEquals("""
                upid: %s
                type: srvrestart pveproxy
                user: root@pam
                started: -
                status: running
                log (from line 10):
                line 11""".formatted(UPID), text);
        assertEquals(Map.of("start", "10", "limit", "5"), pack.request(1).query());
    }

    @Test
    void taskGetWithAMalformedUpidSendsNothing() {
        pack.invalid("proxmox_node_task_get", "{\"upid\":\"12345\"}", "upid: must be a task id UPID:node:…; got '12345'");
    }

    @Test
    void taskGetOfAnUnknownTaskIsAProxmoxError() {
        pack.proxmox().fail("GET", "/nodes/pve1/tasks/" + UPID_ENCODED + "/status", 500, "no such task", Map.of());

        String text = pack.error("proxmox_node_task_get", "{\"upid\":\"" + UPID + "\"}").text();

        assertEquals("Proxmox API error 500: no such task", text.lines().findFirst().orElseThrow());
    }

    @Test
    void taskStopSendsADeleteOfTheEncodedUpid() {
        pack.proxmox().respond("DELETE", "/nodes/pve1/tasks/" + UPID_ENCODED, "null");

        String text = pack.ok("proxmox_node_task_stop", "{\"upid\":\"" + UPID + "\",\"confirm\":true}").text();

        assertEquals("stop requested for task " + UPID + "; check it with proxmox_node_task_get", text);
        assertRequest(pack.only("DELETE", "/nodes/pve1/tasks/" + UPID_ENCODED), Map.of(), Map.of());
    }

    @Test
    void taskStopWithoutConfirmSendsNothing() {
        pack.refusedWithoutConfirm("proxmox_node_task_stop", "{\"upid\":\"" + UPID + "\"}");
    }
}
