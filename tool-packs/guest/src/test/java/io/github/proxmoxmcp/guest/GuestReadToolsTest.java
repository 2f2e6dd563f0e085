package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.testing.PackAssertions.NOT_FOUND_HINT;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.guest.SampleGuests.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class GuestReadToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void listIsOneCallSortedByVmid() {
        resources(pack);

        assertOk("""
                VMID  TYPE  NAME        NODE  STATUS    CPU   MEM                      UPTIME  TAGS
                100   qemu  web1        pve1  running   5.0%  1.0 GiB/4.0 GiB (25.0%)  1h 0m   prod,web
                101   lxc   dns         pve2  stopped   -     512.0 MiB                -
                9000  qemu  ubuntu-tpl  pve1  template  -     2.0 GiB                  -""", pack.call("proxmox_guest_list", "{}"));
        assertEquals(List.of("GET /cluster/resources"), pack.lines());
        assertEquals(Map.of("type", "vm"), pack.request(0).query());
    }

    @Test
    void listFiltersClientSideAndIsBounded() {
        resources(pack);

        assertOk("""
                VMID  TYPE  NAME        NODE  STATUS    CPU  MEM      UPTIME  TAGS
                9000  qemu  ubuntu-tpl  pve1  template  -    2.0 GiB  -""",
                pack.call("proxmox_guest_list", "{\"node\":\"pve1\",\"type\":\"qemu\",\"name\":\"UBUNTU*\"}"));
        assertOk("No guests match.", pack.call("proxmox_guest_list", "{\"tag\":\"db\"}"));
        assertOk("""
                VMID  TYPE  NAME        NODE  STATUS    CPU  MEM      UPTIME  TAGS
                9000  qemu  ubuntu-tpl  pve1  template  -    2.0 GiB  -""", pack.call("proxmox_guest_list", "{\"status\":\"template\"}"));
        assertOk("""
                VMID  TYPE  NAME  NODE  STATUS   CPU  MEM        UPTIME  TAGS
                101   lxc   dns   pve2  stopped  -    512.0 MiB  -""", pack.call("proxmox_guest_list", "{\"status\":\"stopped\"}"));
        assertOk("""
                VMID  TYPE  NAME  NODE  STATUS   CPU   MEM                      UPTIME  TAGS
                100   qemu  web1  pve1  running  5.0%  1.0 GiB/4.0 GiB (25.0%)  1h 0m   prod,web
                … 2 more (raise limit or filter)""", pack.call("proxmox_guest_list", "{\"limit\":1}"));
        assertEquals(5, pack.proxmox().requests().size());
    }

    @Test
    void listRejectsBadLimitWithoutSending() {
        assertError("Invalid arguments: limit: must be greater than or equal to 1. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_list", "{\"limit\":0}"));
        pack.assertNothingSent();
    }

    @Test
    void statusResolvesNodeAndTypeFromTheVmid() {
        resources(pack);
        pack.proxmox().respond("GET", "/nodes/pve2/lxc/101/status/current", """
                {"name":"dns","status":"stopped","cpus":2,"maxmem":536870912,"disk":0,"maxdisk":8589934592,"uptime":0}""");

        assertOk("""
                CT 101 "dns" on pve2
                status: stopped
                uptime: 0m 0s
                cpu: - of 2 cpus
                memory: 512.0 MiB
                disk: 0 B/8.0 GiB (0.0%)
                net in/out: - / -""", pack.call("proxmox_guest_get", "{\"vmid\":101}"));
        assertEquals(List.of("GET /cluster/resources", "GET /nodes/pve2/lxc/101/status/current"), pack.lines());
    }

    @Test
    void statusWithNodeAndTypeSkipsTheLookup() {
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/status/current", """
                {"name":"web1","status":"running","qmpstatus":"paused","cpus":4,"cpu":0.5,"mem":1073741824,"maxmem":4294967296,
                 "maxdisk":34359738368,"uptime":90061,"netin":2048,"netout":1024,"agent":1,"lock":"backup",
                 "ha":{"managed":1,"state":"started"},"running-qemu":"9.2.0"}""");

        assertOk("""
                VM 100 "web1" on pve1
                status: running (paused)
                uptime: 1d 1h
                cpu: 50.0% of 4 cpus
                memory: 1.0 GiB/4.0 GiB (25.0%)
                disk: 32.0 GiB
                net in/out: 2.0 KiB / 1.0 KiB
                lock: backup
                ha: started
                agent: enabled
                qemu: 9.2.0""", pack.call("proxmox_guest_get", "{\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\"}"));
        assertEquals(List.of("GET /nodes/pve1/qemu/100/status/current"), pack.lines());
    }

    @Test
    void unknownVmidIsAClearNotFound() {
        resources(pack);

        assertError("Not found: VMID 555 does not exist in the cluster\n" + NOT_FOUND_HINT,
                pack.call("proxmox_guest_get", "{\"vmid\":555}"));
        assertEquals(List.of("GET /cluster/resources"), pack.lines());
    }

    @Test
    void contradictingTypeOrNodeIsRefused() {
        resources(pack);

        assertError("Not found: VMID 100 is qemu, not lxc\n" + NOT_FOUND_HINT,
                pack.call("proxmox_guest_get", "{\"vmid\":100,\"type\":\"lxc\"}"));
        assertError("Not found: VMID 100 is on node pve1, not pve2\n" + NOT_FOUND_HINT,
                pack.call("proxmox_guest_get", "{\"vmid\":100,\"node\":\"pve2\"}"));
    }

    @Test
    void missingConfigFileBecomesNotFound() {
        pack.proxmox().fail("GET", "/nodes/pve1/qemu/123/config", 500,
                "Configuration file 'nodes/pve1/qemu-server/123.conf' does not exist",
                Map.of());

        assertError("Proxmox API error 500: Configuration file 'nodes/pve1/qemu-server/123.conf' does not exist\n" + NOT_FOUND_HINT,
                pack.call("proxmox_guest_get", "{\"vmid\":123,\"node\":\"pve1\",\"type\":\"qemu\",\"view\":\"config\"}"));
    }

    @Test
    void configViewPassesCurrentAndSnapshot() {
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/config", """
                {"cores":2,"memory":"4096","net0":"virtio=BC:24:11:00:00:01,bridge=vmbr0","digest":"abc123"}""");

        assertOk("""
                VM 100 on pve1 config:
                cores: 2
                digest: abc123
                memory: 4096
                net0: virtio=BC:24:11:00:00:01,bridge=vmbr0""",
                pack.call("proxmox_guest_get", "{\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\",\"view\":\"config\",\"options\":"
                        + "{\"current\":true,\"snapshot\":\"before\"}}"));
        assertEquals(Map.of("current", "1", "snapshot", "before"), pack.last().query());
    }

    @Test
    void pendingViewShowsOnlyChanges() {
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/pending", """
                [{"key":"cores","value":2,"pending":4},{"key":"name","value":"web1"},{"key":"net1","value":"virtio","delete":1}]""");

        assertOk("""
                VM 100 pending changes:
                KEY    VALUE   PENDING  DELETE
                cores  2       4        -
                net1   virtio  -        yes""",
                pack.call("proxmox_guest_get", "{\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\",\"view\":\"pending\"}"));
    }

    @Test
    void rrdViewSummarises() {
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/rrddata", """
                [{"time":1,"cpu":0.1,"mem":1073741824,"netin":1024},{"time":2,"cpu":0.3,"mem":3221225472,"netin":3072}]""");

        assertOk("""
                VM 100 usage over the last day (2 points):
                METRIC  AVG        MAX        LAST
                cpu     20.0%      30.0%      30.0%
                mem     2.0 GiB    3.0 GiB    3.0 GiB
                netin   2.0 KiB/s  3.0 KiB/s  3.0 KiB/s""",
                pack.call("proxmox_guest_get",
                        "{\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\",\"view\":\"rrd\",\"options\":{\"timeframe\":\"day\",\"cf\":\"MAX\"}}"));
        assertEquals(Map.of("timeframe", "day", "cf", "MAX"), pack.last().query());
    }

    @Test
    void featureCheck() {
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/feature", "{\"hasFeature\":1,\"nodes\":[\"pve1\",\"pve2\"]}");

        assertOk("VM 100 clone: supported\nnodes: [\"pve1\",\"pve2\"]",
                pack.call("proxmox_guest_feature", "{\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\",\"feature\":\"clone\"}"));
        assertEquals(Map.of("feature", "clone"), pack.last().query());
    }

    @Test
    void featureNeedsAFeature() {
        assertError("Invalid arguments: feature: must not be null. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_feature", "{\"vmid\":100}"));
        pack.assertNothingSent();
    }

    @Test
    void nextId() {
        pack.proxmox().respond("GET", "/cluster/nextid", "\"104\"");

        assertOk("next free VMID: 104", pack.call("proxmox_guest_nextid", "{}"));
        assertEquals(List.of("GET /cluster/nextid"), pack.lines());
    }
}
