package io.github.proxmoxmcp.cluster;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_cluster_status, proxmox_cluster_get and proxmox_cluster_schedule_analyze. */
@MicronautTest
class ClusterHealthToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    static final String THREE_NODES = """
            [{"type":"cluster","id":"cluster","name":"prod","nodes":3,"quorate":1,"version":5},
             {"type":"node","id":"node/pve1","name":"pve1","nodeid":1,"online":1,"local":1,"ip":"10.0.0.11","level":"c"},
             {"type":"node","id":"node/pve2","name":"pve2","nodeid":2,"online":1,"local":0,"ip":"10.0.0.12","level":""},
             {"type":"node","id":"node/pve3","name":"pve3","nodeid":3,"online":%s,"local":0,"ip":"10.0.0.13","level":""}]""";
    static final String COROSYNC_NODES = """
            [{"node":"pve1","name":"pve1","nodeid":"1","quorum_votes":"1","ring0_addr":"10.0.0.11","ring1_addr":"10.1.0.11"},
             {"node":"pve2","name":"pve2","nodeid":"2","quorum_votes":"1","ring0_addr":"10.0.0.12","ring1_addr":"10.1.0.12"},
             {"node":"pve3","name":"pve3","nodeid":"3","quorum_votes":"1","ring0_addr":"10.0.0.13","ring1_addr":"10.1.0.13"}]""";

    private void cluster(String pve3Online, String qdevice) {
        pack.proxmox().respond("GET", "/cluster/status", THREE_NODES.formatted(pve3Online));
        pack.proxmox().respond("GET", "/cluster/config/nodes", COROSYNC_NODES);
        pack.proxmox().respond("GET", "/cluster/config/qdevice", qdevice);
    }

    @Test
    void healthyClusterInOneAnswer() {
        cluster("1", "{}");

        assertOk("""
                cluster prod: quorate, 3/3 nodes online, votes 3/3 (quorum 2), config version 5
                NODE  ID  ONLINE  VOTES  IP         LOCAL
                pve1  1   yes     1      10.0.0.11  yes
                pve2  2   yes     1      10.0.0.12  -
                pve3  3   yes     1      10.0.0.13  -""", pack.call("proxmox_cluster_status", "{}"));
        assertEquals(List.of("GET /cluster/config/nodes", "GET /cluster/config/qdevice", "GET /cluster/status"),
                pack.lines().stream().sorted().toList());
    }

    @Test
    void oneNodeOfflineStillQuorate() {
        cluster("0", "{}");

        assertOk("""
                cluster prod: quorate, 2/3 nodes online, votes 2/3 (quorum 2), config version 5
                NODE  ID  ONLINE  VOTES  IP         LOCAL
                pve1  1   yes     1      10.0.0.11  yes
                pve2  2   yes     1      10.0.0.12  -
                pve3  3   no      1      10.0.0.13  -""", pack.call("proxmox_cluster_status", "{}"));
    }

    @Test
    void lostQuorumSaysWhatItMeans() {
        pack.proxmox().respond("GET", "/cluster/status", """
                [{"type":"cluster","id":"cluster","name":"prod","nodes":3,"quorate":0,"version":5},
                 {"type":"node","id":"node/pve1","name":"pve1","nodeid":1,"online":1,"local":1,"ip":"10.0.0.11"},
                 {"type":"node","id":"node/pve2","name":"pve2","nodeid":2,"online":0,"ip":"10.0.0.12"},
                 {"type":"node","id":"node/pve3","name":"pve3","nodeid":3,"online":0,"ip":"10.0.0.13"}]""");
        pack.proxmox().respond("GET", "/cluster/config/nodes", COROSYNC_NODES);
        pack.proxmox().respond("GET", "/cluster/config/qdevice", "{}");

        assertOk("""
                cluster prod: NOT QUORATE, 1/3 nodes online, votes 1/3 (quorum 2), config version 5
                without quorum /etc/pve is read-only: no config changes, guests cannot be started or migrated
                NODE  ID  ONLINE  VOTES  IP         LOCAL
                pve1  1   yes     1      10.0.0.11  yes
                pve2  2   no      1      10.0.0.12  -
                pve3  3   no      1      10.0.0.13  -""", pack.call("proxmox_cluster_status", "{}"));
    }

    @Test
    void qdeviceVoteIsNamedAndNoQuorumFigureIsGuessed() {
        pack.proxmox().respond("GET", "/cluster/status", """
                [{"type":"cluster","id":"cluster","name":"duo","nodes":2,"quorate":1,"version":2},
                 {"type":"node","id":"node/a","name":"a","nodeid":1,"online":1,"local":1,"ip":"10.0.0.1"},
                 {"type":"node","id":"node/b","name":"b","nodeid":2,"online":0,"ip":"10.0.0.2"}]""");
        pack.proxmox().respond("GET", "/cluster/config/nodes", """
                [{"name":"a","nodeid":"1","quorum_votes":"1"},{"name":"b","nodeid":"2","quorum_votes":"1"}]""");
        pack.proxmox().respond("GET", "/cluster/config/qdevice",
                "{\"State\":\"Connected\",\"Model\":\"Net\",\"QNetd host\":\"10.0.0.9:5403\",\"Algorithm\":\"Fifty-Fifty split\"}");

        assertOk("""
                cluster duo: quorate, 1/2 nodes online, votes 1/2 + qdevice, config version 2
                qdevice: Algorithm: Fifty-Fifty split, Model: Net, QNetd host: 10.0.0.9:5403, State: Connected
                NODE  ID  ONLINE  VOTES  IP        LOCAL
                a     1   yes     1      10.0.0.1  yes
                b     2   no      1      10.0.0.2  -""", pack.call("proxmox_cluster_status", "{}"));
    }

    @Test
    void unreadableCorosyncConfigStillAnswersQuorum() {
        pack.proxmox().respond("GET", "/cluster/status", THREE_NODES.formatted("1"));
        pack.proxmox().fail("GET", "/cluster/config/nodes", 403, "Permission check failed (/, Sys.Audit)", Map.of());
        pack.proxmox().fail("GET", "/cluster/config/qdevice", 403, "Permission check failed (/, Sys.Audit)", Map.of());

        assertOk("""
                cluster prod: quorate, 3/3 nodes online, config version 5
                votes: unknown (cannot read /cluster/config/nodes)
                NODE  ID  ONLINE  VOTES  IP         LOCAL
                pve1  1   yes     -      10.0.0.11  yes
                pve2  2   yes     -      10.0.0.12  -
                pve3  3   yes     -      10.0.0.13  -""", pack.call("proxmox_cluster_status", "{}"));
    }

    @Test
    void standaloneNode() {
        pack.proxmox().respond("GET", "/cluster/status", """
                [{"type":"node","id":"node/pve1","name":"pve1","nodeid":0,"online":1,"local":1,"ip":"10.0.0.11","level":""}]""");
        pack.proxmox().respond("GET", "/cluster/config/nodes", "[]");
        pack.proxmox().respond("GET", "/cluster/config/qdevice", "{}");

        assertOk("standalone node pve1 (not in a cluster)", pack.call("proxmox_cluster_status", "{}"));
    }

    @Test
    void statusFailureIsAProxmoxError() {
        pack.proxmox().fail("GET", "/cluster/status", 500, "cfs connection refused", Map.of());
        pack.proxmox().respond("GET", "/cluster/config/nodes", "[]");
        pack.proxmox().respond("GET", "/cluster/config/qdevice", "{}");

        assertEquals("Proxmox API error 500: cfs connection refused",
                pack.error("proxmox_cluster_status", "{}").text().lines().findFirst().orElseThrow());
    }

    @Test
    void corosyncViewShowsNodesLinksTotemAndQdevice() {
        pack.proxmox().respond("GET", "/cluster/config/nodes", COROSYNC_NODES);
        pack.proxmox().respond("GET", "/cluster/config/totem", """
                {"cluster_name":"prod","config_version":"5","interface":{"0":{"linknumber":"0"},"1":{"linknumber":"1"}},
                 "ip_version":"ipv4-6","link_mode":"passive","secauth":"on","version":"2"}""");
        pack.proxmox().respond("GET", "/cluster/config/qdevice", "{}");
        pack.proxmox().respond("GET", "/cluster/config/apiversion", "1");

        assertOk("""
                corosync nodes:
                NODE  ID  VOTES  LINKS
                pve1  1   1      10.0.0.11,10.1.0.11
                pve2  2   1      10.0.0.12,10.1.0.12
                pve3  3   1      10.0.0.13,10.1.0.13
                totem:
                  cluster_name: prod
                  config_version: 5
                  interface: {"0":{"linknumber":"0"},"1":{"linknumber":"1"}}
                  ip_version: ipv4-6
                  link_mode: passive
                  secauth: on
                  version: 2
                qdevice: none
                join API version: 1""", pack.call("proxmox_cluster_get", "{\"view\":\"corosync\"}"));
        assertEquals(List.of("GET /cluster/config/apiversion", "GET /cluster/config/nodes", "GET /cluster/config/qdevice",
                "GET /cluster/config/totem"), pack.lines().stream().sorted().toList());
    }

    @Test
    void joinViewGivesWhatJoiningNeeds() {
        String fp = "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99";
        pack.proxmox().respond("GET", "/cluster/config/join", """
                {"config_digest":"4f1c2e","preferred_node":"pve2","totem":{"cluster_name":"prod"},
                 "nodelist":[{"name":"pve2","nodeid":"2","quorum_votes":"1","pve_addr":"10.0.0.12","ring0_addr":"10.0.0.12",
                              "pve_fp":"%s"}]}""".formatted(fp));

        assertOk("""
                join information (preferred node pve2, config digest 4f1c2e):
                NODE  ID  VOTES  ADDRESS    LINKS      FINGERPRINT
                pve2  2   1      10.0.0.12  10.0.0.12  %s
                to join a node to this cluster: proxmox_cluster_setup action=join with hostname = a member's ADDRESS, \
                fingerprint = its FINGERPRINT, and its root password""".formatted(fp),
                pack.call("proxmox_cluster_get", "{\"view\":\"join\",\"node\":\"pve2\"}"));
        assertRequest(pack.only("GET", "/cluster/config/join"), Map.of("node", "pve2"), Map.of());
    }

    @Test
    void joinOnAStandaloneNodeIsTheProxmoxError() {
        pack.proxmox().fail("GET", "/cluster/config/join", 424, "node is not in a cluster, no join info available!", Map.of());

        assertEquals("Proxmox API error 424: node is not in a cluster, no join info available!",
                pack.error("proxmox_cluster_get", "{\"view\":\"join\"}").text().lines().findFirst().orElseThrow());
        assertRequest(pack.only("GET", "/cluster/config/join"), Map.of(), Map.of());
    }

    @Test
    void logIsBoundedByMax() {
        pack.proxmox().respond("GET", "/cluster/log", """
                [{"uid":2,"time":1710268860,"pri":6,"tag":"pvedaemon","pid":1201,"node":"pve1","user":"root@pam",
                  "msg":"starting task UPID:pve1:000004B1:0000A1B2:65F0A1FC:qmstart:100:root@pam:"},
                 {"uid":1,"time":1710268800,"pri":6,"tag":"pveproxy","pid":900,"node":"pve2","user":"root@pam","msg":"successful auth"}]""");

        assertOk("""
                2024-03-12 18:41:00Z pve1 pvedaemon root@pam: starting task UPID:pve1:000004B1:0000A1B2:65F0A1FC:qmstart:100:root@pam:
                … 1 more lines""", pack.call("proxmox_cluster_get", "{\"view\":\"log\",\"limit\":1}"));
        assertRequest(pack.only("GET", "/cluster/log"), Map.of("max", "1"), Map.of());
    }

    @Test
    void tasksNewestFirstAndBounded() {
        pack.proxmox().respond("GET", "/cluster/tasks", """
                [{"upid":"UPID:pve2:00000A00:00000B00:65F0A000:vzdump::root@pam:","node":"pve2","type":"vzdump","id":"",
                  "user":"root@pam","starttime":1710268416,"endtime":1710268500,"status":"OK"},
                 {"upid":"UPID:pve1:00000C00:00000D00:65F0A1FC:qmstart:100:root@pam:","node":"pve1","type":"qmstart","id":"100",
                  "user":"root@pam","starttime":1710268924}]""");

        assertOk("""
                START                 NODE  TYPE     ID   USER      STATUS   UPID
                2024-03-12 18:42:04Z  pve1  qmstart  100  root@pam  running  UPID:pve1:00000C00:00000D00:65F0A1FC:qmstart:100:root@pam:
                2024-03-12 18:33:36Z  pve2  vzdump   -    root@pam  OK       UPID:pve2:00000A00:00000B00:65F0A000:vzdump::root@pam:""",
                pack.call("proxmox_cluster_get", "{\"view\":\"tasks\"}"));
        assertRequest(pack.only("GET", "/cluster/tasks"), Map.of(), Map.of());
    }

    @Test
    void resourcesOfEveryTypeSortedById() {
        pack.proxmox().respond("GET", "/cluster/resources", """
                [{"id":"storage/pve1/local","type":"storage","node":"pve1","storage":"local","status":"available",
                  "disk":10737418240,"maxdisk":107374182400,"plugintype":"dir","shared":0},
                 {"id":"node/pve1","type":"node","node":"pve1","status":"online","cpu":0.05,"maxcpu":8,
                  "mem":4294967296,"maxmem":17179869184,"disk":5368709120,"maxdisk":53687091200}]""");

        assertOk("""
                ID                  NODE  STATUS     NAME   CPU        MEM                       DISK
                node/pve1           pve1  online     -      5.0% of 8  4.0 GiB/16.0 GiB (25.0%)  5.0 GiB/50.0 GiB (10.0%)
                storage/pve1/local  pve1  available  local  -          -                         10.0 GiB/100.0 GiB (10.0%)""",
                pack.call("proxmox_cluster_get", "{\"view\":\"resources\"}"));
        assertRequest(pack.only("GET", "/cluster/resources"), Map.of(), Map.of());
    }

    @Test
    void resourcesOfOneTypeAreProxmoxsTypeFilterAndTheListIsBounded() {
        pack.proxmox().respond("GET", "/cluster/resources", """
                [{"id":"sdn/pve1/localnetwork","type":"sdn","node":"pve1","sdn":"localnetwork","status":"ok"},
                 {"id":"sdn/pve2/localnetwork","type":"sdn","node":"pve2","sdn":"localnetwork","status":"ok"}]""");

        assertOk("""
                ID                     NODE  STATUS  NAME          CPU  MEM  DISK
                sdn/pve1/localnetwork  pve1  ok      localnetwork  -    -    -
                … 1 more (raise limit or filter)""",
                pack.call("proxmox_cluster_get", "{\"view\":\"sdn\",\"limit\":1}"));
        assertRequest(pack.only("GET", "/cluster/resources"), Map.of("type", "sdn"), Map.of());
    }

    @Test
    void optionsHideProxyCredentials() {
        pack.proxmox().respond("GET", "/cluster/options", """
                {"keyboard":"de","console":"xtermjs","http_proxy":"http://proxyuser:s3cret@proxy.lan:3128",
                 "migration":{"type":"insecure","network":"10.1.0.0/24"},"max_workers":4}""");

        String text = pack.ok("proxmox_cluster_get", "{\"view\":\"options\"}").text();

        assertEquals("""
                console: xtermjs
                http_proxy: http://***@proxy.lan:3128
                keyboard: de
                max_workers: 4
                migration: {"type":"insecure","network":"10.1.0.0/24"}""", text);
    }

    @Test
    void metricsExportForOneNode() {
        pack.proxmox().respond("GET", "/cluster/metrics/export", """
                {"data":[{"id":"node/pve1","metric":"cpu_current","timestamp":1710268800,"type":"gauge","value":0.125},
                         {"id":"node/pve1","metric":"mem_used","timestamp":1710268800,"type":"gauge","value":4294967296}]}""");

        assertOk("""
                ID         METRIC       VALUE       TYPE   TIME
                node/pve1  cpu_current  0.13        gauge  2024-03-12 18:40:00Z
                node/pve1  mem_used     4294967296  gauge  2024-03-12 18:40:00Z""",
                pack.call("proxmox_cluster_get", "{\"view\":\"metrics\",\"node\":\"pve1\"}"));
        assertRequest(pack.only("GET", "/cluster/metrics/export"), Map.of("node-list", "pve1"), Map.of());
    }

    @Test
    void guestsNoBackupJobCovers() {
        pack.proxmox().respond("GET", "/cluster/backup-info/not-backed-up", """
                [{"vmid":105,"type":"lxc","name":"cache"},{"vmid":101,"type":"qemu","name":"db1"}]""");

        assertOk("""
                guests in no backup job:
                VMID  TYPE  NAME
                101   qemu  db1
                105   lxc   cache""", pack.call("proxmox_cluster_get", "{\"view\":\"not_backed_up\"}"));
        pack.proxmox().reset();
        pack.proxmox().respond("GET", "/cluster/backup-info/not-backed-up", "[]");
        assertOk("every guest is in a backup job", pack.call("proxmox_cluster_get", "{\"view\":\"not_backed_up\"}"));
    }

    @Test
    void fieldsOfAnotherViewSendNothing() {
        pack.invalid("proxmox_cluster_get", "{\"view\":\"log\",\"type\":\"vm\"}", "unknown argument(s) [type]");
        pack.invalid("proxmox_cluster_get", "{\"view\":\"tasks\",\"node\":\"pve1\"}", "node is for view=join|metrics");
        pack.invalid("proxmox_cluster_get", "{\"view\":\"options\",\"limit\":5}", "limit is for view=");
        pack.invalid("proxmox_cluster_get", "{\"view\":\"log\",\"limit\":0}", "limit must be between 1 and 5000");
        pack.invalid("proxmox_cluster_get", "{}", "view");
        pack.invalid("proxmox_cluster_get", "{\"view\":\"status\"}", "'status'");
    }

    @Test
    void hostileNodeSendsNothing() {
        pack.invalid("proxmox_cluster_get", "{\"view\":\"join\",\"node\":\"../x\"}", "node: must be a node name");
        pack.invalid("proxmox_cluster_get", "{\"view\":\"metrics\",\"node\":\"a/b\"}", "node: must be a node name");
    }

    @Test
    void scheduleAnalysisListsTheNextRuns() {
        pack.proxmox().respond("GET", "/cluster/jobs/schedule-analyze", """
                [{"timestamp":1710277200,"utc":"2024-03-12 21:00:00"},{"timestamp":1710363600,"utc":"2024-03-13 21:00:00"}]""");

        assertOk("""
                next runs of 'mon..fri 21:00' (UTC):
                2024-03-12 21:00:00Z
                2024-03-13 21:00:00Z""",
                pack.call("proxmox_cluster_schedule_analyze", "{\"schedule\":\"mon..fri 21:00\",\"limit\":2}"));
        assertRequest(pack.only("GET", "/cluster/jobs/schedule-analyze"), Map.of("schedule", "mon..fri 21:00", "iterations", "2"),
                Map.of());
    }

    @Test
    void scheduleAnalysisDefaultsToFiveRuns() {
        pack.proxmox().respond("GET", "/cluster/jobs/schedule-analyze", "[]");

        assertOk("'2020-01-01 00:00' does not fire again",
                pack.call("proxmox_cluster_schedule_analyze", "{\"schedule\":\"2020-01-01 00:00\"}"));
        assertRequest(pack.only("GET", "/cluster/jobs/schedule-analyze"),
                Map.of("schedule", "2020-01-01 00:00", "iterations", "5"), Map.of());
    }

    @Test
    void badScheduleIsTheProxmoxErrorWithItsField() {
        pack.proxmox().fail("GET", "/cluster/jobs/schedule-analyze", 400, "Parameter verification failed.",
                Map.of("schedule", "value does not match the regex pattern"));

        assertEquals("""
                Proxmox API error 400: Parameter verification failed.
                  schedule: value does not match the regex pattern""",
                pack.error("proxmox_cluster_schedule_analyze", "{\"schedule\":\"every tuesday\"}").text());
    }

    @Test
    void scheduleInputIsCheckedFirst() {
        pack.invalid("proxmox_cluster_schedule_analyze", "{}", "schedule");
        pack.invalid("proxmox_cluster_schedule_analyze", "{\"schedule\":\"daily\",\"limit\":101}", "limit must be between 1 and 100");
        pack.invalid("proxmox_cluster_schedule_analyze", "{\"schedule\":\"" + "x".repeat(129) + "\"}", "at most 128");
    }
}
