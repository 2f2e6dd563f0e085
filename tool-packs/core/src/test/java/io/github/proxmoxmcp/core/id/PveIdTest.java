package io.github.proxmoxmcp.core.id;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;
import static io.github.proxmoxmcp.core.id.PveFormat.VOLUME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.client.ProxmoxClientFilter;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Identifier fields are checked before anything is built, and the client refuses unsafe paths as a last guard. */
@MicronautTest
class PveIdTest implements MockProxmoxTest {

    @Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
    interface ProbeClient {
        @Get("/nodes/{node}/status")
        Mono<PveResponse> status(String node);

        @Get("/nodes/{node}/storage/{storage}/content/{volume}")
        Mono<PveResponse> volume(String node, String storage, String volume);
    }

    @Serdeable
    record Checked(@PveId(NODE) String node, @PveId(VMID) Integer vmid, @PveId(VOLUME) String volume,
                   List<@PveId(NODE) String> nodes) {
    }

    @Serdeable
    record Unchecked(String node, String storage, String volume) {
    }

    public static final class ProbePack implements ToolPack {
        @Override
        public String name() {
            return "probe";
        }

        @Override
        public String summary() {
            return "identifier checks";
        }

        @Override
        public List<ToolDefinition<?>> tools() {
            return List.of(
                    ToolDefinition.read("probe_checked", "checked", Checked.class, (in, ctx) -> ctx.bean(ProbeClient.class)
                            .status(in.node() == null ? "pve1" : in.node()).map(r -> ToolResult.ok("sent"))),
                    ToolDefinition.read("probe_status", "unchecked node", Unchecked.class, (in, ctx) ->
                            ctx.bean(ProbeClient.class).status(in.node()).map(r -> ToolResult.ok("sent"))),
                    ToolDefinition.read("probe_volume", "unchecked volume", Unchecked.class, (in, ctx) ->
                            ctx.bean(ProbeClient.class).volume(in.node(), in.storage(), in.volume())
                                    .map(r -> ToolResult.ok("sent"))));
        }
    }

    @Inject
    PackCalls pack;

    @Test
    void aHostileNodeNamesTheFieldAndTheExpectedForm() {
        pack.invalid("probe_checked", "{\"node\":\"pve1/../../cluster\"}",
                "node: must be a node name: letters, digits and inner '-', e.g. pve1; got 'pve1/../../cluster'");
    }

    @Test
    void everyIdentifierFieldIsChecked() {
        pack.invalid("probe_checked", "{\"vmid\":42}", "vmid: must be a VMID: 100 to 999999999; got '42'");
        pack.invalid("probe_checked", "{\"volume\":\"../../etc\"}", "volume: must be a volume id storage:path");
        pack.invalid("probe_checked", "{\"nodes\":[\"pve1\",\"a/b\"]}", "must be a node name");
        pack.invalid("probe_checked", "{\"node\":\"\"}", "node: must be a node name: letters, digits and inner '-', "
                + "e.g. pve1; got an empty string");
        pack.invalid("probe_checked", "{\"node\":\"${java.version}{x}\"}", "got '${java.version}{x}'");
    }

    @Test
    void validIdentifiersGoThrough() {
        pack.proxmox().respond("GET", "/nodes/pve-2/status", "{}");

        assertEquals("sent", pack.ok("probe_checked", "{\"node\":\"pve-2\",\"vmid\":100,\"volume\":\"local:iso/a.iso\","
                + "\"nodes\":[\"pve1\"]}").text());
        pack.only("GET", "/nodes/pve-2/status");
    }

    @Test
    void theClientRefusesADotDotSegment() {
        pack.invalid("probe_status", "{\"node\":\"..\"}", "refused to send GET /api2/json/nodes/../status: segment 2 is '..'");
        pack.invalid("probe_status", "{\"node\":\".\"}", "segment 2 is '.'");
    }

    @Test
    void theClientRefusesASlashInsideOneSegment() {
        pack.invalid("probe_status", "{\"node\":\"pve1/../../access/users\"}", "refused to send GET");
        pack.invalid("probe_status", "{\"node\":\"x/y\"}", "refused to send GET");
        pack.invalid("probe_status", "{\"node\":\"a\\u0000b\"}", "control character");
    }

    @Test
    void aVolumeIdMayTakeTheRestOfThePathButNotDotDot() {
        pack.proxmox().respond("GET", "/nodes/pve1/storage/local/content/local%3Aiso%2Fa.iso", "{}");

        assertEquals("sent", pack.ok("probe_volume", "{\"node\":\"pve1\",\"storage\":\"local\",\"volume\":\"local:iso/a.iso\"}")
                .text());
        pack.proxmox().reset();
        pack.invalid("probe_volume", "{\"node\":\"pve1\",\"storage\":\"local\",\"volume\":\"local:../../../x\"}",
                "holds an empty, '.' or '..' part");
        pack.invalid("probe_volume", "{\"node\":\"pve1\",\"storage\":\"a/b\",\"volume\":\"local:iso/a.iso\"}", "holds a '/'");
    }

    @Test
    void pathProblemsAreFoundOnTheRawPath() {
        assertEquals(null, PathGuard.problem("/api2/json/nodes/pve1/qemu/100/status/current"));
        assertEquals("segment 2 is '..'", PathGuard.problem("/api2/json/nodes/%2E%2E/qemu"));
        assertEquals("segment 4 holds a '/'", PathGuard.problem("/api2/json/nodes/pve1/tasks/UPID%3Ax%2Fy/status"));
        assertEquals(null, PathGuard.problem("/api2/json/cluster/firewall/ipset/blocked/10.0.0.0%2F24"));
        assertEquals("segment 2 holds a '/'", PathGuard.problem("/api2/json/nodes/x%2Fy/status"));
        assertEquals("segment 2 is empty", PathGuard.problem("/api2/json/nodes//status"));
        assertEquals("segment 2 holds a control character", PathGuard.problem("/api2/json/nodes/a%0Ab/status"));
    }
}
