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
 * ACME: accounts (registered, updated and deactivated through tasks), challenge plugins (a typed SectionConfig), and
 * each node's certificates, which an ACME order replaces.
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

        r.get("/nodes/{node}/certificates", "", q -> NodeApi.names("acme", "custom", "info"));
        r.get("/nodes/{node}/certificates/acme", "", q -> NodeApi.names("certificate"));
        r.get("/nodes/{node}/certificates/info", "", q -> certificates(c, q.node()));
        for (String method : List.of("POST", "PUT")) {
            r.add(method, "/nodes/{node}/certificates/acme/certificate", ParamSpec.of("force:bool"), q -> {
                String node = q.node();
                Map<String, String> account = first(c, ACCOUNTS);
                if (account == null) {
                    throw ApiException.fail("ACME account config file 'default' does not exist.");
                }
                boolean renew = method.equals("PUT");
                if (renew && certificate(c, node) == null) {
                    throw ApiException.fail("no ACME certificate found for this node, please order one first");
                }
                return c.startTask(node, renew ? "acmerenew" : "acmenewcert", "", q.user, t -> {
                    t.log.add("Loading ACME account details");
                    t.log.add("Placing ACME order");
                    t.log.add("Order URL: https://acme-v02.api.letsencrypt.org/acme/order/" + Long.toHexString(c.now()));
                    setCertificate(c, node, c.now());
                    t.log.add("Certificate is valid, installing it");
                });
            });
        }
        r.delete("/nodes/{node}/certificates/acme/certificate", "", q -> {
            String node = q.node();
            if (certificate(c, node) == null) {
                throw ApiException.fail("no ACME certificate found for this node");
            }
            return c.startTask(node, "acmerevoke", "", q.user, t -> {
                t.log.add("Revoking old certificate");
                c.tables.table("/nodes/" + node + "/certificates", null).rows.clear();
            });
        });
        seed(c);
    }

    private static Map<String, String> first(Cluster c, String table) {
        List<Map<String, String>> rows = c.tables.table(table, null).rows;
        return rows.isEmpty() ? null : rows.getFirst();
    }

    private static Map<String, String> certificate(Cluster c, String node) {
        return first(c, "/nodes/" + node + "/certificates");
    }

    private static void setCertificate(Cluster c, String node, long issued) {
        Tables.Table table = c.tables.table("/nodes/" + node + "/certificates", null);
        table.rows.clear();
        table.add("issued", String.valueOf(issued), "domain", node + ".lab.example.com");
    }

    /** {@code GET /nodes/{node}/certificates/info}: the cluster CA, the node's own certificate and an ACME one. */
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
        Map<String, String> acme = certificate(c, node);
        if (acme != null) {
            long issued = Long.parseLong(acme.get("issued"));
            out.add(cert("pveproxy-ssl.pem", "/CN=" + acme.get("domain"), "/C=US/O=Let's Encrypt/CN=R11", issued,
                    issued + 90 * 86_400L, List.of(acme.get("domain")), "acme-" + node + issued, 2048));
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
        setCertificate(c, "pve1", now - 31 * 86_400L);
    }
}
