package io.github.proxmoxmcp.cluster;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_cluster_setup}: create a cluster or join one. Both act on the node the server is connected to
 * (PROXMOX_HOST): the API has no node in these paths. Removing a node from the cluster configuration is the third
 * action. All three need confirm.
 */
final class ClusterSetup {

    enum Action { create, join, remove }

    private static final Pattern FINGERPRINT = Pattern.compile("([A-Fa-f0-9]{2}:){31}[A-Fa-f0-9]{2}");

    @Serdeable
    record Input(@NotNull Action action,
                 @PveId(NODE) String clustername,
                 String hostname,
                 String fingerprint,
                 String password,
                 List<String> links,
                 @PveId(NODE) String node,
                 Boolean confirm) implements Confirmable, TaskInput {

        /** Creating a cluster takes seconds: always followed to its end. */
        @Override
        public Boolean waitForTask() {
            return true;
        }

        @Override
        public Integer timeout() {
            return null;
        }
    }

    private ClusterSetup() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_cluster_setup",
                "Create or join a cluster from the PROXMOX_HOST node, or remove a node; needs confirm.",
                Input.class, ToolHints.DESTRUCTIVE, ClusterSetup::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        ClusterClient client = context.bean(ClusterClient.class);
        return switch (input.action()) {
            case create -> {
                refuse(input.hostname() != null || input.fingerprint() != null || input.password() != null
                        || input.node() != null, "create");
                if (input.clustername() == null) {
                    throw new ToolInputException("clustername is required for action=create");
                }
                Params form = links(Params.create().put("clustername", input.clustername()), input.links());
                yield Tasks.finish(client.create(form.map()), input, context, "creation of cluster " + input.clustername());
            }
            case join -> {
                refuse(input.clustername() != null || input.node() != null, "join");
                if (input.hostname() == null || input.hostname().isBlank() || input.password() == null
                        || input.fingerprint() == null) {
                    throw new ToolInputException("action=join needs hostname, fingerprint and password of a cluster member "
                            + "(proxmox_cluster_status view=join on that cluster shows address and fingerprint)");
                }
                if (!FINGERPRINT.matcher(input.fingerprint()).matches()) {
                    throw new ToolInputException("fingerprint must be a SHA-256 fingerprint, 32 hex pairs separated by ':'");
                }
                Params form = links(Params.create().put("hostname", input.hostname()).put("fingerprint", input.fingerprint())
                        .put("password", input.password()), input.links());
                // The joining node restarts its cluster services and gets a new certificate: the task cannot be followed
                // over this connection to its end.
                yield client.join(form.map()).map(r -> ToolResult.ok("join of this node to the cluster of " + input.hostname()
                        + " started" + (r.string() == null ? "" : ", task " + r.string())
                        + ". The node's certificate changes: update PROXMOX_TLS_FINGERPRINT or PROXMOX_CA_FILE, then check "
                        + "with proxmox_cluster_status."));
            }
            case remove -> {
                refuse(input.clustername() != null || input.hostname() != null || input.fingerprint() != null
                        || input.password() != null || input.links() != null, "remove");
                if (input.node() == null) {
                    throw new ToolInputException("node is required for action=remove");
                }
                yield client.removeNode(input.node()).thenReturn(ToolResult.ok("node " + input.node()
                        + " removed from the cluster configuration: keep it powered off, and reinstall it before it joins again"));
            }
        };
    }

    /** {@code link0=…}, {@code link1=…}: an address, or {@code address=…,priority=…}; corosync has at most 8. */
    private static Params links(Params form, List<String> links) {
        if (links != null) {
            if (links.size() > 8) {
                throw new ToolInputException("links: corosync takes at most 8 links");
            }
            for (int i = 0; i < links.size(); i++) {
                form.put("link" + i, links.get(i));
            }
        }
        return form;
    }

    private static void refuse(boolean otherFieldsGiven, String action) {
        if (otherFieldsGiven) {
            throw new ToolInputException("a field for another action was given with action=" + action
                    + " (clustername: create; hostname, fingerprint, password: join; links: create, join; node: remove)");
        }
    }
}
