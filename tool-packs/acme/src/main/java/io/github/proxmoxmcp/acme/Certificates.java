package io.github.proxmoxmcp.acme;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * A node's certificates and its ACME settings. pveproxy serves {@code pveproxy-ssl.pem} (a custom or ACME
 * certificate) when there is one, else the cluster-signed {@code pve-ssl.pem}; its fingerprint is the one clients pin.
 */
final class Certificates {

    static final String CUSTOM = "pveproxy-ssl.pem";
    static final String OWN = "pve-ssl.pem";
    /** acmedomain0 to acmedomain5. */
    static final int MAX_DOMAINS = 6;

    private Certificates() {
    }

    /** The certificate pveproxy serves, or null. */
    static JsonNode served(List<JsonNode> certificates) {
        JsonNode own = null;
        for (JsonNode c : certificates) {
            if (CUSTOM.equals(Json.text(c, "filename"))) {
                return c;
            }
            if (OWN.equals(Json.text(c, "filename"))) {
                own = c;
            }
        }
        return own;
    }

    /** The line that says which certificate the node now serves and what its fingerprint is. */
    static String fingerprintNotice(String node, JsonNode certificate) {
        if (certificate == null) {
            return "read the new fingerprint with proxmox_acme_certificate_get node=" + node;
        }
        return node + " now serves " + Json.text(certificate, "filename", "?") + ", SHA-256 fingerprint "
                + Json.text(certificate, "fingerprint", "?") + "\nthe fingerprint changed: clients pinning the old one "
                + "(PROXMOX_TLS_FINGERPRINT) must pin this one";
    }

    /** Reads the node's certificates after a change and says which one it serves. */
    static Mono<String> notice(String node, ToolContext context) {
        return context.bean(CertificateClient.class).info(node)
                .map(r -> fingerprintNotice(node, served(r.list())))
                .onErrorReturn(fingerprintNotice(node, null));
    }

    /** A property string {@code key=value,key=value} (a bare first value under {@code defaultKey}). */
    static Map<String, String> property(String value, String defaultKey) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (value == null) {
            return parts;
        }
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                parts.put(defaultKey, part.strip());
            } else {
                parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return parts;
    }

    /** The node's ACME settings as one line: account and domains with their validation. */
    static String acme(JsonNode config) {
        Map<String, String> acme = property(Json.text(config, "acme"), "account");
        List<String> domains = new ArrayList<>();
        String legacy = acme.get("domains");
        if (legacy != null) {
            for (String d : legacy.split(";")) {
                if (!d.isBlank()) {
                    domains.add(d.strip() + " (standalone)");
                }
            }
        }
        for (int i = 0; i < MAX_DOMAINS; i++) {
            Map<String, String> domain = property(Json.text(config, "acmedomain" + i), "domain");
            if (domain.containsKey("domain")) {
                String plugin = domain.getOrDefault("plugin", "standalone");
                String alias = domain.containsKey("alias") ? ", alias " + domain.get("alias") : "";
                domains.add(domain.get("domain") + " (" + plugin + alias + ")");
            }
        }
        String account = acme.getOrDefault("account", "default");
        return "ACME: " + (domains.isEmpty() ? "no domains (set them with proxmox_acme_domains_set)"
                : "account " + account + ", domains " + String.join(", ", domains));
    }
}
