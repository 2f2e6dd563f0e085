package io.github.proxmoxmcp.acme;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.guest.Nodes;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_acme_certificate_get}: one node's certificates (subject, SANs, issuer, validity, SHA-256 fingerprint,
 * which one pveproxy serves) and its ACME domains; without a node, every online node's certificates and their expiry.
 */
final class CertificateGet {

    @Serdeable
    record Input(@PveId(NODE) String node) {
    }

    private CertificateGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_acme_certificate_get",
                "Node certificates (SANs, expiry, SHA-256 fingerprint) and ACME domains; no node: all nodes.",
                Input.class, CertificateGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        CertificateClient client = context.bean(CertificateClient.class);
        if (input.node() != null) {
            String node = input.node();
            return client.info(node).zipWith(client.config(node))
                    .map(both -> ToolResult.ok(node(both.getT1().list()) + "\n" + Certificates.acme(both.getT2().dataOrNull())));
        }
        return Nodes.online(context).flatMap(nodes -> Flux.fromIterable(nodes)
                .concatMap(node -> client.info(node).map(r -> new NodeCertificates(node, r.list())))
                .collectList()
                .map(all -> ToolResult.ok(cluster(all))));
    }

    record NodeCertificates(String node, List<JsonNode> certificates) {
    }

    private static String node(List<JsonNode> certificates) {
        if (certificates.isEmpty()) {
            return "no certificates";
        }
        JsonNode served = Certificates.served(certificates);
        StringBuilder text = new StringBuilder();
        for (JsonNode c : certificates) {
            text.append(Json.text(c, "filename", "?")).append(c == served ? " (served by pveproxy)" : "").append('\n');
            text.append("  subject: ").append(Json.text(c, "subject", "-")).append('\n');
            List<String> san = Text.strings(c, "san");
            if (!san.isEmpty()) {
                text.append("  SANs: ").append(String.join(", ", san)).append('\n');
            }
            text.append("  issuer: ").append(Json.text(c, "issuer", "-")).append('\n');
            text.append("  valid: ").append(Format.time(Json.number(c, "notbefore").orElse(null))).append(" to ")
                    .append(Text.expiry(c)).append('\n');
            text.append("  fingerprint: ").append(Json.text(c, "fingerprint", "-")).append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static String cluster(List<NodeCertificates> all) {
        if (all.isEmpty()) {
            return "no node is online";
        }
        Table table = Table.of("NODE", "FILE", "SERVED", "EXPIRES", "ISSUER");
        for (NodeCertificates n : all) {
            JsonNode served = Certificates.served(n.certificates());
            n.certificates().forEach(c -> table.row(n.node(), Json.text(c, "filename"), c == served ? "yes" : "no",
                    Text.expiry(c), Json.text(c, "issuer")));
        }
        return table.render() + "\n(node: subjects, SANs, fingerprints and ACME domains)";
    }
}
