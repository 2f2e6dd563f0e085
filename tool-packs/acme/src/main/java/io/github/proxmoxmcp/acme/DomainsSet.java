package io.github.proxmoxmcp.acme;

import static io.github.proxmoxmcp.core.id.PveFormat.ACME_ACCOUNT;
import static io.github.proxmoxmcp.core.id.PveFormat.ACME_DOMAIN;
import static io.github.proxmoxmcp.core.id.PveFormat.ACME_PLUGIN;
import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_acme_domains_set}: the domains a node's ACME certificate is ordered for, with how each is validated,
 * and the account that orders it. They live in the node config ({@code acme}, {@code acmedomain0} to
 * {@code acmedomain5}): the config is read first and written with its digest, so a concurrent edit is refused rather
 * than overwritten. The list given is the whole list: stale entries are deleted.
 */
final class DomainsSet {

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @NotNull List<@PveId(ACME_DOMAIN) String> domains,
                 @PveId(ACME_PLUGIN) String plugin,
                 @PveId(ACME_ACCOUNT) String account) {
    }

    private DomainsSet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_acme_domains_set",
                "Set a node's ACME domains (whole list) and account; plugin: DNS validation, else HTTP.",
                Input.class, ToolHints.IDEMPOTENT_WRITE, DomainsSet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        check(input);
        String node = context.node(input.node());
        CertificateClient client = context.bean(CertificateClient.class);
        return client.config(node).flatMap(r -> client.setConfig(node, form(input, r.dataOrNull()).map()))
                .thenReturn(ToolResult.ok(done(node, input)));
    }

    private static void check(Input input) {
        List<String> domains = input.domains();
        if (domains.size() > Certificates.MAX_DOMAINS) {
            throw new ToolInputException("domains: at most " + Certificates.MAX_DOMAINS + " per node");
        }
        if (new HashSet<>(domains).size() < domains.size()) {
            throw new ToolInputException("domains: each domain once");
        }
        if (input.plugin() == null && domains.stream().anyMatch(d -> d.startsWith("*."))) {
            throw new ToolInputException("a wildcard domain needs DNS validation: give plugin (a DNS plugin)");
        }
        if (domains.isEmpty() && input.plugin() != null) {
            throw new ToolInputException("plugin goes with the domains it validates");
        }
    }

    /**
     * The config update that makes the domains given the node's whole ACME domain list: one acmedomainN each, the
     * stale ones deleted, the account kept unless given, the legacy {@code acme: domains=} list dropped.
     */
    private static Params form(Input input, JsonNode config) {
        Params form = Params.create();
        List<String> delete = new ArrayList<>();
        List<String> domains = input.domains();
        for (int i = 0; i < Certificates.MAX_DOMAINS; i++) {
            String key = "acmedomain" + i;
            if (i < domains.size()) {
                form.put(key, "domain=" + domains.get(i) + (input.plugin() == null ? "" : ",plugin=" + input.plugin()));
            } else if (Json.field(config, key) != null) {
                delete.add(key);
            }
        }
        Map<String, String> acme = Certificates.property(Json.text(config, "acme"), "account");
        String account = input.account() != null ? input.account() : acme.get("account");
        if (account == null) {
            if (Json.field(config, "acme") != null) {
                delete.add("acme");
            }
        } else if (input.account() != null || acme.containsKey("domains")) {
            form.put("acme", "account=" + account);
        }
        return form.delete(delete).put("digest", Json.text(config, "digest"));
    }

    private static String done(String node, Input input) {
        if (input.domains().isEmpty()) {
            return "ACME domains of " + node + " removed" + (input.account() == null ? "" : "; account " + input.account());
        }
        return "ACME domains of " + node + ": " + String.join(", ", input.domains()) + " ("
                + (input.plugin() == null ? "HTTP validation on port 80" : "plugin " + input.plugin()) + ")"
                + (input.account() == null ? "" : ", account " + input.account())
                + "\norder the certificate with proxmox_acme_certificate_manage action=order";
    }
}
