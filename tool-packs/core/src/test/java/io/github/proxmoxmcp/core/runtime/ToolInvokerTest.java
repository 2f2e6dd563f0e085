package io.github.proxmoxmcp.core.runtime;

import static io.github.proxmoxmcp.core.testing.PackAssertions.FORBIDDEN_HINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.VersionClient;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolPack;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.spi.Unlisted;
import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.github.proxmoxmcp.core.testing.PackHarness;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Bind, validate, confirm, handle: every failure is an error result and nothing is sent unless the input passed. */
@MicronautTest
class ToolInvokerTest implements MockProxmoxTest {

    @Serdeable
    record Read(@NotBlank String node, @Min(1) Integer vmid, @JsonProperty("wait") Boolean waitForTask) {
    }

    @Serdeable
    record Destroy(@NotBlank String node, @JsonPropertyDescription("Must be true") Boolean confirm) implements Confirmable {
    }

    @Serdeable
    record Crud(@NotBlank String action, Boolean confirm) implements Confirmable {
    }

    @Serdeable
    record Quiet(@Min(value = 1, groups = Unlisted.class) Integer cores, @InInstructions String node) {
    }

    @Serdeable
    record Power(@JsonProperty("mode") Mode powerMode) {
        enum Mode { shutdown, stop }
    }

    private static Mono<ToolResult> version(Object input, io.github.proxmoxmcp.core.spi.ToolContext context) {
        return context.bean(VersionClient.class).version()
                .map(response -> ToolResult.ok(input + " -> " + Json.text(response.data(), "version")));
    }

    public static final class TestPack implements ToolPack {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public String summary() {
            return "tools to drive the invoker";
        }

        @Override
        public List<ToolDefinition<?>> tools() {
            return List.of(
                    ToolDefinition.read("test_read", "read", Read.class, ToolInvokerTest::version),
                    ToolDefinition.write("test_destroy", "destroy", Destroy.class, ToolHints.DESTRUCTIVE, ToolInvokerTest::version),
                    ToolDefinition.write("test_crud", "crud", Crud.class, ToolHints.WRITE, ToolInvokerTest::version)
                            .confirmWhen(in -> in.action().equals("delete")),
                    ToolDefinition.read("test_throws", "throws", Read.class, (in, ctx) -> {
                        throw new IllegalStateException("handler bug");
                    }),
                    ToolDefinition.read("test_error_signal", "errors", Read.class,
                            (in, ctx) -> Mono.error(new NullPointerException())),
                    ToolDefinition.read("test_input_error", "input", Read.class, (in, ctx) -> Mono.fromSupplier(() -> {
                        throw new ToolInputException("vmid is required for action=create");
                    })),
                    ToolDefinition.read("test_enum", "enum", Power.class, ToolInvokerTest::version),
                    ToolDefinition.read("test_quiet", "quiet", Quiet.class, ToolInvokerTest::version),
                    ToolDefinition.read("test_node", "node", Read.class,
                            (in, ctx) -> Mono.just(ToolResult.ok(ctx.node(in.node().equals("-") ? null : in.node())))));
        }
    }

    @Inject
    PackCalls pack;

    @BeforeEach
    void answerVersion() {
        pack.proxmox().respond("GET", "/version", "{\"version\":\"9.1.2\"}");
    }

    @Test
    void validInputReachesTheHandler() {
        ToolResult result = pack.call("test_read", "{\"node\":\"pve1\",\"vmid\":100,\"wait\":false}");
        assertEquals(ToolResult.ok("Read[node=pve1, vmid=100, waitForTask=false] -> 9.1.2"), result);
        assertEquals(List.of("GET /version"), pack.lines());
    }

    @Test
    void unknownArgumentIsRejectedWithTheKnownOnes() {
        ToolResult result = pack.call("test_read", "{\"node\":\"pve1\",\"waitForTask\":true,\"extra\":1}");
        assertEquals(ToolResult.error("Invalid arguments: unknown argument(s) [extra, waitForTask]; test_read takes "
                + "[node, vmid, wait]. Nothing was sent to Proxmox."), result);
        pack.assertNothingSent();
    }

    @Test
    void constraintViolationsAreListed() {
        ToolResult result = pack.call("test_read", "{\"node\":\" \",\"vmid\":0}");
        assertEquals(ToolResult.error("Invalid arguments: node: must not be blank; vmid: must be greater than or equal to 1. "
                + "Nothing was sent to Proxmox."), result);
        pack.assertNothingSent();
    }

    @Test
    void unlistedConstraintsAreCheckedAndInstructedFieldsAccepted() {
        assertEquals(ToolResult.error("Invalid arguments: cores: must be greater than or equal to 1. Nothing was sent to Proxmox."),
                pack.call("test_quiet", "{\"cores\":0}"));
        pack.assertNothingSent();
        assertEquals(ToolResult.ok("Quiet[cores=2, node=pve1] -> 9.1.2"), pack.call("test_quiet", "{\"cores\":2,\"node\":\"pve1\"}"));
    }

    @Test
    void missingRequiredFieldIsAViolation() {
        ToolResult result = pack.call("test_read", "{}");
        assertEquals(ToolResult.error("Invalid arguments: node: must not be blank. Nothing was sent to Proxmox."), result);
        pack.assertNothingSent();
    }

    @Test
    void aStringForAnIntegerIsABindingError() {
        ToolResult result = pack.call("test_read", "{\"node\":\"pve1\",\"vmid\":\"abc\"}");
        assertEquals(ToolResult.error("Invalid arguments: cannot read the arguments: vmid: expected integer "
                + "(Unable to coerce string to integer). Nothing was sent to Proxmox."), result);
        pack.assertNothingSent();
    }

    @Test
    void anUnknownEnumValueNamesTheAllowedOnes() {
        ToolResult result = pack.call("test_enum", "{\"mode\":\"halt\"}");
        assertEquals(ToolResult.error("Invalid arguments: cannot read the arguments: mode: expected one of [shutdown, stop]. "
                + "Nothing was sent to Proxmox."), result);
        pack.assertNothingSent();
    }

    @Test
    void destructiveToolWithoutConfirmIsRefused() {
        for (String arguments : List.of("{\"node\":\"pve1\"}", "{\"node\":\"pve1\",\"confirm\":false}")) {
            ToolResult result = pack.call("test_destroy", arguments);
            assertEquals(ToolResult.error("test_destroy is destructive: nothing was changed. Check the target, then call "
                    + "again with confirm: true."), result);
        }
        pack.assertNothingSent();
    }

    @Test
    void destructiveToolWithConfirmRuns() {
        ToolResult result = pack.call("test_destroy", "{\"node\":\"pve1\",\"confirm\":true}");
        assertEquals(ToolResult.ok("Destroy[node=pve1, confirm=true] -> 9.1.2"), result);
    }

    @Test
    void confirmWhenOnlyGuardsTheDestructiveAction() {
        assertEquals(ToolResult.ok("Crud[action=create, confirm=null] -> 9.1.2"), pack.call("test_crud", "{\"action\":\"create\"}"));
        assertEquals(ToolResult.error("test_crud is destructive: nothing was changed. Check the target, then call again with "
                + "confirm: true."), pack.call("test_crud", "{\"action\":\"delete\"}"));
        assertEquals(1, pack.proxmox().requests().size());
    }

    @Test
    void aHandlerThatThrowsYieldsAnErrorResult() {
        ToolResult result = pack.call("test_throws", "{\"node\":\"pve1\"}");
        assertEquals(ToolResult.error("Internal error in proxmox-mcp: IllegalStateException: handler bug\n"
                + "This is a fault in proxmox-mcp, not in the request; check the cluster state before retrying."), result);
        pack.assertNothingSent();
    }

    @Test
    void aHandlerErrorSignalWithoutMessageYieldsAnErrorResult() {
        ToolResult result = pack.call("test_error_signal", "{\"node\":\"pve1\"}");
        assertEquals(ToolResult.error("Internal error in proxmox-mcp: NullPointerException\n"
                + "This is a fault in proxmox-mcp, not in the request; check the cluster state before retrying."), result);
    }

    @Test
    void aToolInputExceptionFromTheHandlerIsAnInputError() {
        ToolResult result = pack.call("test_input_error", "{\"node\":\"pve1\"}");
        assertEquals(ToolResult.error("Invalid arguments: vmid is required for action=create. Nothing was sent to Proxmox."),
                result);
    }

    @Test
    void aProxmoxFailureBecomesAnErrorResult() {
        pack.proxmox().reset();
        pack.proxmox().fail("GET", "/version", 403, "Permission check failed (/, Sys.Audit)", Map.of());
        ToolResult result = pack.call("test_read", "{\"node\":\"pve1\"}");
        assertEquals(true, result.error());
        assertEquals("Proxmox API error 403: Permission check failed (/, Sys.Audit)\n" + FORBIDDEN_HINT,
                result.text());
    }

    @Test
    void nodeFallsBackToTheDefaultOrAsksForIt() {
        assertEquals(ToolResult.ok("pve1"), pack.call("test_node", "{\"node\":\"pve1\"}"));
        assertEquals(ToolResult.error("Invalid arguments: node is required (or set PROXMOX_DEFAULT_NODE); list nodes with "
                + "proxmox_node_list. Nothing was sent to Proxmox."), pack.call("test_node", "{\"node\":\"-\"}"));
        try (PackHarness withDefault = PackHarness.start(new TestPack(), Map.of("proxmox.default-node", "pve9"))) {
            assertEquals(ToolResult.ok("pve9"), withDefault.call("test_node", "{\"node\":\"-\"}"));
        }
    }

    @Test
    void definitionsRejectInconsistentTiersAndHints() {
        assertThrows(IllegalArgumentException.class,
                () -> ToolDefinition.write("bad", "d", Read.class, ToolHints.READ, ToolInvokerTest::version));
        assertThrows(IllegalArgumentException.class,
                () -> ToolDefinition.write("bad", "d", Read.class, ToolHints.DESTRUCTIVE, ToolInvokerTest::version));
        assertThrows(IllegalArgumentException.class,
                () -> ToolDefinition.read("bad", "d", Read.class, ToolInvokerTest::version).confirmWhen(in -> true));
    }
}
