package io.github.proxmoxmcp.sandbox;

import io.github.proxmoxmcp.sandbox.ConfigCollection.Op;
import io.github.proxmoxmcp.sandbox.ConfigCollection.Refusal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ACME: accounts (registered, updated and deactivated through tasks), challenge plugins (a typed SectionConfig), each
 * node's config (where its ACME domains are set) and its certificates, which an ACME order or a custom upload replaces.
 */
final class AcmeCollections {

    static final String ACCOUNTS = "/cluster/acme/account";
    static final String PLUGINS = "/cluster/acme/plugins";
    static final String LETS_ENCRYPT = "https://acme-v02.api.letsencrypt.org/directory";
    private static final String STAGING = "https://acme-staging-v02.api.letsencrypt.org/directory";
    private static final String TOS = "https://letsencrypt.org/documents/LE-SA-v1.5-February-24-2025.pdf";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private AcmeCollections() {
    }

    static void register(Router r, Cluster c) {
        r.get("/cluster/acme", "", q -> NodeApi.names("account", "tos", "meta", "directories", "plugins", "challenge-schema"));
        r.get("/cluster/acme/directories", "", q -> List.of(
                Map.of("name", "Let's Encrypt V2", "url", LETS_ENCRYPT),
                Map.of("name", "Let's Encrypt V2 Staging", "url", STAGING)));
        r.get("/cluster/acme/tos", "directory", q -> TOS);
        ConfigCollection.keyed(ACCOUNTS, "name:pve-configid")
                .fields("contact*:email-list directory tos_url eab-kid eab-hmac-key!")
                .ops(Op.LIST, Op.CREATE, Op.READ, Op.UPDATE, Op.DELETE).noDelete()
                .idFrom(q -> q.str("name", "default")).params(Op.CREATE, "name:pve-configid")
                .task("acmeregister", "acmeupdate", "acmedeactivate").anonymousTasks()
                .duplicate(Refusal.param("name", "ACME account config file '{id}' already exists."))
                .missing(Refusal.param("name", "ACME account config file '{id}' does not exist."))
                .validate(w -> {
                    w.item().putIfAbsent("directory", LETS_ENCRYPT);
                    if (w.before() == null) {
                        w.item().put("created", ISO.format(Instant.ofEpochSecond(c.now())));
                        w.item().put("location", "https://acme-v02.api.letsencrypt.org/acme/acct/" + (2_100_000_000L + c.now() % 99_999_999));
                    }
                })
                .view((q, row, out) -> {
                    if (q.path.equals(ACCOUNTS)) {
                        out.keySet().retainAll(List.of("name"));
                        return;
                    }
                    out.clear();
                    Map<String, Object> account = new LinkedHashMap<>();
                    List<String> contacts = new ArrayList<>();
                    GuestApi.splitList(row.get("contact")).forEach(mail -> contacts.add("mailto:" + mail));
                    account.put("contact", contacts);
                    account.put("createdAt", row.get("created"));
                    account.put("status", "valid");
                    out.put("account", account);
                    out.put("directory", row.get("directory"));
                    out.put("location", row.get("location"));
                    out.put("tos", row.getOrDefault("tos_url", TOS));
                })
                .register(r, c);
        ConfigCollection.keyed(PLUGINS, "id:acme-plugin-id")
                .fields("type*:dns|standalone disable:bool nodes:pve-node-list")
                .typed("type", "dns: api* data validation-delay:int(0..172800)", "standalone:")
                .fixed("type").filterBy("type").insert(ConfigCollection.Insert.SORTED).digest()
                .duplicate(Refusal.fail("ACME plugin ID '{id}' already exists"))
                .missing(Refusal.fail("ACME plugin '{id}' not defined"))
                .view((q, row, out) -> out.put("plugin", out.remove("id")))
                .register(r, c);

        r.get("/cluster/acme/meta", "directory", q -> meta(q.str("directory", LETS_ENCRYPT)));
        r.get("/cluster/acme/challenge-schema", "", q -> CHALLENGE_SCHEMA);

        r.get("/nodes/{node}/certificates", "", q -> NodeApi.names("acme", "custom", "info"));
        r.get("/nodes/{node}/certificates/acme", "", q -> NodeApi.names("certificate"));
        r.get("/nodes/{node}/certificates/info", "", q -> certificates(c, q.node()));
        r.post("/nodes/{node}/certificates/acme/certificate", "force:bool", q -> order(c, q, false));
        r.put("/nodes/{node}/certificates/acme/certificate", "force:bool", q -> order(c, q, true));
        r.delete("/nodes/{node}/certificates/acme/certificate", "", q -> {
            String node = q.node();
            Map<String, String> current = certificate(c, node);
            if (current == null || !"acme".equals(current.get("kind"))) {
                throw ApiException.fail("no ACME certificate found for this node");
            }
            return c.startTask(node, "acmerevoke", "", q.user, t -> {
                t.log.add("Loading ACME account details");
                t.log.add("Revoking old certificate");
                certificateTable(c, node).rows.clear();
                t.log.add("Restarting pveproxy");
            });
        });
        r.post("/nodes/{node}/certificates/custom", "certificates* key force:bool restart:bool", q -> upload(c, q));
        r.delete("/nodes/{node}/certificates/custom", "restart:bool", q -> {
            certificateTable(c, q.node()).rows.clear();
            return null;
        });
        registerNodeConfig(r, c);
        seed(c);
    }

    /**
     * {@code /nodes/{node}/config}: the node's settings, whose {@code acme} and {@code acmedomainN} properties say what
     * an ACME order is for (the domain starts with a request for it: a path ending in {@code /config}).
     */
    private static void registerNodeConfig(Router r, Cluster c) {
        ConfigCollection.single(NODE_CONFIG).fields(NODE_CONFIG_FIELDS).digest()
                .validate(w -> checkAcmeConfig(w.item()))
                .register(r, c);
    }

    static final String NODE_CONFIG = "/nodes/{node}/config";
    private static final String NODE_CONFIG_FIELDS = "acme acmedomain0 acmedomain1 acmedomain2 acmedomain3 acmedomain4 "
            + "acmedomain5 description ballooning-target:int(0..100) "
            + "startall-onboot-delay:int(0..300) wakeonlan";
    private static final java.util.regex.Pattern DOMAIN = java.util.regex.Pattern.compile(
            "(\\*\\.)?([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?\\.)*[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");

    /** pve-manager's checks of the node's ACME properties: valid domains, each domain once. */
    private static void checkAcmeConfig(Map<String, String> config) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, String> domain : acmeDomains(config)) {
            if (!DOMAIN.matcher(domain.getKey()).matches()) {
                throw ApiException.parameter(domain.getValue(), "invalid format - value '" + domain.getKey()
                        + "' does not look like a valid domain name");
            }
            if (!seen.add(domain.getKey())) {
                throw ApiException.fail("duplicate domain '" + domain.getKey() + "' in ACME config properties");
            }
        }
        for (String part : props(config.getOrDefault("acme", ""), "account").keySet()) {
            if (!part.equals("account") && !part.equals("domains")) {
                throw ApiException.parameter("acme", "invalid format - format error\nacme." + part + ": property is not defined in schema");
            }
        }
    }

    /** The node's ACME domains (from acmedomainN and the legacy acme domains list), each with the key it comes from. */
    private static List<Map.Entry<String, String>> acmeDomains(Map<String, String> config) {
        List<Map.Entry<String, String>> domains = new ArrayList<>();
        for (String legacy : config.getOrDefault("acme", "").isEmpty() ? List.<String>of()
                : List.of(props(config.get("acme"), "account").getOrDefault("domains", "").split(";"))) {
            if (!legacy.isBlank()) {
                domains.add(Map.entry(legacy, "acme"));
            }
        }
        for (int i = 0; i < 6; i++) {
            String value = config.get("acmedomain" + i);
            if (value != null) {
                domains.add(Map.entry(props(value, "domain").getOrDefault("domain", ""), "acmedomain" + i));
            }
        }
        return domains;
    }

    /** A property string as a map, a bare value under {@code defaultKey}; an empty string is an empty map. */
    private static Map<String, String> props(String value, String defaultKey) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null || value.isEmpty()) {
            return out;
        }
        Configs.propertyString(value).forEach((k, v) -> out.put(k.equals("default") ? defaultKey : k, v));
        return out;
    }

    private static Map<String, String> nodeConfig(Cluster c, String node) {
        List<Map<String, String>> rows = c.tables.table("/nodes/" + node + "/config", null).rows;
        return rows.isEmpty() ? Map.of() : rows.getFirst();
    }

    /** {@code POST} (order) or {@code PUT} (renew) {@code /nodes/{node}/certificates/acme/certificate}. */
    private static Object order(Cluster c, Request q, boolean renew) {
        String node = q.node();
        Map<String, String> config = nodeConfig(c, node);
        List<String> domains = acmeDomains(config).stream().map(Map.Entry::getKey).toList();
        if (domains.isEmpty()) {
            throw new ApiException(400, "ACME domain list in node configuration is missing!");
        }
        Map<String, String> current = certificate(c, node);
        if (renew) {
            if (current == null || !"acme".equals(current.get("kind"))) {
                throw ApiException.fail("no ACME certificate found for this node, please order one first");
            }
            if (!q.flag("force") && Long.parseLong(current.get("issued")) + 60 * 86_400L > c.now()) {
                throw ApiException.fail("Certificate does not expire within the next 30 days, and force is not set.");
            }
        } else if (current != null && "custom".equals(current.get("kind")) && !q.flag("force")) {
            throw ApiException.fail("Custom certificate exists but 'force' is not set.");
        }
        String account = props(config.getOrDefault("acme", ""), "account").getOrDefault("account", "default");
        if (c.tables.table(ACCOUNTS, null).rows.stream().noneMatch(a -> account.equals(a.get("name")))) {
            throw ApiException.fail("ACME account config file '" + account + "' does not exist.");
        }
        return c.startTask(node, renew ? "acmerenew" : "acmenewcert", "", q.user, t -> {
            t.log.add("Loading ACME account details");
            t.log.add("Placing ACME order");
            t.log.add("Order URL: https://acme-v02.api.letsencrypt.org/acme/order/" + Long.toHexString(c.now()));
            for (int i = 0; i < 6; i++) {
                String value = config.get("acmedomain" + i);
                if (value == null) {
                    continue;
                }
                Map<String, String> domain = props(value, "domain");
                String plugin = domain.getOrDefault("plugin", "standalone");
                Map<String, String> row = c.tables.table(PLUGINS, null).rows.stream()
                        .filter(p -> plugin.equals(p.get("id"))).findFirst().orElse(null);
                if (row == null && !plugin.equals("standalone")) {
                    throw new Task.Failure("plugin '" + plugin + "' for domain '" + domain.get("domain") + "' not found!");
                }
                t.log.add("Getting authorization details for 'https://acme-v02.api.letsencrypt.org/acme/authz-v3/"
                        + Long.toHexString(c.now() + i) + "'");
                t.log.add("The validation for " + domain.get("domain") + " is pending!");
                t.log.add(plugin.equals("standalone") ? "Setting up webserver" : "[" + Instant.ofEpochSecond(c.now())
                        + "] " + plugin + ": Adding TXT record _acme-challenge." + domain.get("domain").replaceFirst("^\\*\\.", ""));
                t.log.add("Status is 'valid', domain '" + domain.get("domain") + "' OK!");
            }
            t.log.add("All domains validated!");
            t.log.add("Creating CSR");
            t.log.add("Checking order status");
            t.log.add("valid!");
            t.log.add("Downloading certificate");
            t.log.add("Setting pveproxy certificate and key");
            setCertificate(c, node, c.now(), domains);
            t.log.add("Restarting pveproxy");
        });
    }

    /** {@code POST /nodes/{node}/certificates/custom}: the certificate is read as the PEM it is. */
    private static Object upload(Cluster c, Request q) {
        String node = q.node();
        Map<String, String> current = certificate(c, node);
        if (current != null && !q.flag("force")) {
            throw ApiException.fail("Custom certificate file exists but force flag is not set.");
        }
        String key = q.str("key");
        if (key == null && current == null) {
            throw ApiException.fail("Attempted to upload custom certificate without (existing) key file");
        }
        if (key != null && !key.contains("PRIVATE KEY-----")) {
            throw ApiException.fail("unable to read private key");
        }
        Map<String, Object> info;
        try {
            info = parsed(q.str("certificates"));
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            throw ApiException.fail("unable to parse certificate - " + e.getClass().getSimpleName());
        }
        Tables.Table table = certificateTable(c, node);
        table.rows.clear();
        Map<String, String> row = table.add("kind", "custom");
        info.forEach((k, v) -> row.put(k, v instanceof List<?> list ? String.join("\n", list.stream().map(String::valueOf).toList())
                : String.valueOf(v)));
        return info;
    }

    /** What {@code certificates/info} shows of a PEM certificate: as Proxmox reads it with OpenSSL. */
    private static Map<String, Object> parsed(String pem) throws java.security.GeneralSecurityException {
        java.security.cert.X509Certificate x509 = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                .getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(x509.getEncoded());
        java.util.StringJoiner fingerprint = new java.util.StringJoiner(":");
        for (byte b : digest) {
            fingerprint.add(String.format("%02X", b));
        }
        List<String> san = new ArrayList<>();
        if (x509.getSubjectAlternativeNames() != null) {
            x509.getSubjectAlternativeNames().forEach(entry -> san.add(String.valueOf(entry.get(1))));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filename", "pveproxy-ssl.pem");
        m.put("fingerprint", fingerprint.toString());
        m.put("subject", oneline(x509.getSubjectX500Principal()));
        m.put("issuer", oneline(x509.getIssuerX500Principal()));
        m.put("notbefore", x509.getNotBefore().toInstant().getEpochSecond());
        m.put("notafter", x509.getNotAfter().toInstant().getEpochSecond());
        m.put("public-key-type", x509.getPublicKey().getAlgorithm().equals("RSA") ? "rsaEncryption" : "id-ecPublicKey");
        m.put("public-key-bits", x509.getPublicKey() instanceof java.security.interfaces.RSAPublicKey rsa ? rsa.getModulus().bitLength()
                : 256);
        if (!san.isEmpty()) {
            m.put("san", san);
        }
        m.put("pem", pem.strip() + "\n");
        return m;
    }

    /** OpenSSL's one-line form of a name, {@code /C=US/O=Org/CN=host}: the RDNs in certificate order. */
    private static String oneline(javax.security.auth.x500.X500Principal name) {
        try {
            List<javax.naming.ldap.Rdn> rdns = new javax.naming.ldap.LdapName(name.getName(javax.security.auth.x500.X500Principal.RFC2253)).getRdns();
            StringBuilder out = new StringBuilder();
            rdns.forEach(rdn -> out.append('/').append(rdn.getType()).append('=').append(rdn.getValue()));
            return out.toString();
        } catch (javax.naming.InvalidNameException e) {
            return "/" + name.getName();
        }
    }

    private static Tables.Table certificateTable(Cluster c, String node) {
        return c.tables.table("/nodes/" + node + "/certificates", null);
    }

    private static Map<String, String> certificate(Cluster c, String node) {
        List<Map<String, String>> rows = certificateTable(c, node).rows;
        return rows.isEmpty() ? null : rows.getFirst();
    }

    private static void setCertificate(Cluster c, String node, long issued, List<String> domains) {
        Tables.Table table = certificateTable(c, node);
        table.rows.clear();
        table.add("kind", "acme", "issued", String.valueOf(issued), "domains", String.join("\n", domains));
    }

    /** {@code GET /nodes/{node}/certificates/info}: the cluster CA, the node's own certificate, and a custom or ACME one. */
    private static List<Map<String, Object>> certificates(Cluster c, String node) {
        NodeState state = c.node(node);
        long created = state.bootTime - 400 * 86_400L;
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(cert("pve-root-ca.pem", "/CN=Proxmox Virtual Environment/OU=" + Configs.sha1("ca-" + c.seed).substring(0, 32)
                        + "/O=PVE Cluster Manager CA", null, created, created + 3650 * 86_400L, List.of(), "ca-" + c.seed, 4096));
        out.add(cert("pve-ssl.pem", "/OU=PVE Cluster Node/O=Proxmox Virtual Environment/CN=" + node + ".lab.example.com",
                "/CN=Proxmox Virtual Environment/OU=" + Configs.sha1("ca-" + c.seed).substring(0, 32) + "/O=PVE Cluster Manager CA",
                created, created + 730 * 86_400L, List.of("127.0.0.1", "0000:0000:0000:0000:0000:0000:0000:0001", "localhost",
                        state.ip, node, node + ".lab.example.com"), nodeCertificate(node), 2048));
        Map<String, String> served = certificate(c, node);
        if (served != null && "acme".equals(served.get("kind"))) {
            long issued = Long.parseLong(served.get("issued"));
            List<String> domains = List.of(served.get("domains").split("\n"));
            out.add(cert("pveproxy-ssl.pem", "/CN=" + domains.getFirst(), "/C=US/O=Let's Encrypt/CN=R11", issued,
                    issued + 90 * 86_400L, domains, "acme-" + node + issued, 2048));
        } else if (served != null) {
            Map<String, Object> custom = new LinkedHashMap<>();
            for (String k : List.of("filename", "fingerprint", "subject", "issuer", "notbefore", "notafter", "public-key-type",
                    "public-key-bits", "san", "pem")) {
                String v = served.get(k);
                if (v != null) {
                    custom.put(k, switch (k) {
                        case "notbefore", "notafter", "public-key-bits" -> Long.parseLong(v);
                        case "san" -> List.of(v.split("\n"));
                        default -> v;
                    });
                }
            }
            out.add(custom);
        }
        return out;
    }

    /** The SHA-256 fingerprint of the certificate made from {@code salt}: 32 hex pairs, colon-separated. */
    static String fingerprint(String salt) {
        String hex = (Configs.sha1(salt) + Configs.sha1(salt + "-2")).substring(0, 64).toUpperCase();
        return hex.replaceAll("(..)(?!$)", "$1:");
    }

    /** The salt of a node's own certificate, {@code pve-ssl.pem}. */
    static String nodeCertificate(String node) {
        return "node-" + node;
    }

    private static Map<String, Object> cert(String file, String subject, String issuer, long notBefore, long notAfter,
                                            List<String> san, String salt, int bits) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filename", file);
        m.put("fingerprint", fingerprint(salt));
        m.put("subject", subject);
        m.put("issuer", issuer == null ? subject : issuer);
        m.put("notbefore", notBefore);
        m.put("notafter", notAfter);
        m.put("public-key-type", "rsaEncryption");
        m.put("public-key-bits", bits);
        if (!san.isEmpty()) {
            m.put("san", san);
        }
        m.put("pem", "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString((subject + "|" + salt).getBytes()) + "\n-----END CERTIFICATE-----\n");
        return m;
    }

    /** {@code GET /cluster/acme/meta}: what the CA's directory says about itself. */
    private static Map<String, Object> meta(String directory) {
        Map<String, Object> meta = new LinkedHashMap<>();
        if (directory.equals(LETS_ENCRYPT) || directory.equals(STAGING)) {
            meta.put("caaIdentities", List.of("letsencrypt.org"));
            meta.put("termsOfService", TOS);
            meta.put("website", "https://letsencrypt.org");
        } else {
            meta.put("externalAccountRequired", 1);
            meta.put("termsOfService", directory.replaceFirst("(https?://[^/]+).*", "$1") + "/terms-of-service.pdf");
        }
        return meta;
    }

    /** {@code GET /cluster/acme/challenge-schema}: standalone and a few of the DNS APIs acme.sh supports. */
    private static final List<Map<String, Object>> CHALLENGE_SCHEMA = List.of(
            Map.of("id", "standalone", "name", "standalone", "type", "standalone", "schema", Map.of()),
            dnsApi("cf", "Cloudflare Managed DNS", Map.of(
                    "CF_Account_ID", field("Cloudflare Account ID", true), "CF_Email", field("Cloudflare Email", true),
                    "CF_Key", field("Cloudflare Global API Key", true), "CF_Token", field("Cloudflare API Token", true),
                    "CF_Zone_ID", field("Cloudflare Zone ID", true))),
            dnsApi("desec", "deSEC", Map.of("DEDYN_TOKEN", field("deSEC API token", false))),
            dnsApi("hetzner", "Hetzner", Map.of("HETZNER_Token", field("Hetzner DNS API token", false))),
            dnsApi("ovh", "OVH", Map.of("OVH_AK", field("OVH application key", false), "OVH_AS", field("OVH application secret", false),
                    "OVH_CK", field("OVH consumer key", false), "OVH_END_POINT", field("OVH endpoint, e.g. ovh-eu", true))));

    private static Map<String, Object> dnsApi(String id, String name, Map<String, Object> fields) {
        return Map.of("id", id, "name", name, "type", "dns", "schema", Map.of("name", name, "fields", new java.util.TreeMap<>(fields)));
    }

    private static Map<String, Object> field(String description, boolean optional) {
        return optional ? Map.of("description", description, "type", "string", "optional", 1)
                : Map.of("description", description, "type", "string");
    }

    // ---- seed: a Let's Encrypt account, a Cloudflare DNS plugin, an ACME certificate on pve1 ----

    private static void seed(Cluster c) {
        long now = c.startTime;
        c.tables.table(ACCOUNTS, null).add("name", "default", "contact", "admin@example.com", "directory", LETS_ENCRYPT,
                "tos_url", TOS, "created", ISO.format(Instant.ofEpochSecond(now - 200 * 86_400L)),
                "location", "https://acme-v02.api.letsencrypt.org/acme/acct/" + (2_100_000_000L + c.seed % 99_999_999));
        c.tables.table(PLUGINS, null).add("id", "cloudflare", "type", "dns", "api", "cf",
                "data", java.util.Base64.getEncoder().encodeToString("CF_Account_ID=0123456789abcdef\nCF_Token=sandbox-not-a-token\n"
                        .getBytes()), "validation-delay", "30");
        c.tables.table(PLUGINS, null).add("id", "standalone", "type", "standalone");
        c.tables.table("/nodes/pve1/config", null).add("acme", "account=default",
                "acmedomain0", "domain=pve1.lab.example.com,plugin=cloudflare");
        setCertificate(c, "pve1", now - 31 * 86_400L, List.of("pve1.lab.example.com"));
    }
}
