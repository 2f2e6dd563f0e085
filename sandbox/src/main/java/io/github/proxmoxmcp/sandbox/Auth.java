package io.github.proxmoxmcp.sandbox;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The only credentials the sandbox accepts, derived from the seed: the API token {@code root@pam!sandbox} and the
 * password of {@code root@pam} (for tickets). Tickets stay valid for the life of the sandbox.
 */
final class Auth {

    static final String USER = "root@pam";
    static final String TOKEN_ID = USER + "!sandbox";

    final String tokenSecret;
    final String password;
    private final SplittableRandom random;
    private final Map<String, String> csrfByTicket = new LinkedHashMap<>();

    Auth(long seed) {
        this.random = new SplittableRandom(seed ^ 0x5EED_CAFE_F00DL);
        this.tokenSecret = String.format("%08x-%04x-4%03x-%04x-%012x", random.nextInt() & 0xffffffffL,
                random.nextInt(0x10000), random.nextInt(0x1000), 0x8000 | random.nextInt(0x4000),
                random.nextLong() & 0xffffffffffffL);
        this.password = "sandbox-" + Long.toHexString(random.nextLong() & 0xffffffffffL);
    }

    /**
     * The authenticated user id ({@code root@pam}, or {@code root@pam!sandbox} for the token), or a 401.
     * A ticket needs the CSRF token on every write.
     */
    synchronized String authenticate(String method, String authorization, String cookie, String csrf) {
        if (authorization != null && authorization.startsWith("PVEAPIToken")) {
            String value = authorization.substring("PVEAPIToken".length()).trim();
            if (value.startsWith("=") || value.startsWith(":")) {
                value = value.substring(1).trim();
            }
            if (value.equals(TOKEN_ID + "=" + tokenSecret)) {
                return TOKEN_ID;
            }
            throw unauthorized();
        }
        String ticket = ticketFromCookie(cookie);
        if (ticket != null && csrfByTicket.containsKey(ticket)) {
            if (!method.equals("GET") && !csrfByTicket.get(ticket).equals(csrf)) {
                throw new ApiException(401, "Permission denied - invalid csrf token");
            }
            return USER;
        }
        throw unauthorized();
    }

    /** {@code POST /access/ticket}: the password, or a still valid ticket to renew. */
    synchronized Map<String, Object> login(String username, String realm, String secret, long now) {
        String user = username.contains("@") ? username : username + "@" + (realm == null ? "pam" : realm);
        if (!user.equals(USER) || !(password.equals(secret) || csrfByTicket.containsKey(secret))) {
            throw unauthorized();
        }
        String ticket = "PVE:" + USER + ":" + String.format("%08X", now) + "::" + bytes(256);
        String csrf = String.format("%08X", now) + ":" + bytes(20).replace("/", "").replace("+", "");
        csrfByTicket.put(ticket, csrf);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("username", USER);
        data.put("ticket", ticket);
        data.put("CSRFPreventionToken", csrf);
        data.put("clustername", Cluster.CLUSTER_NAME);
        return data;
    }

    private String bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String ticketFromCookie(String cookie) {
        if (cookie == null) {
            return null;
        }
        for (String part : cookie.split(";")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("PVEAuthCookie")) {
                return Http.percentDecode(kv[1], false);
            }
        }
        return null;
    }

    static ApiException unauthorized() {
        return new ApiException(401, "authentication failure");
    }

    void register(Router router, Cluster cluster) {
        router.post("/access/ticket", "username* password* realm otp path privs tfa-challenge new-format:bool",
                r -> login(r.str("username"), r.str("realm"), r.str("password"), cluster.now()));
        router.get("/access/ticket", "", r -> null);
    }

    static final List<String> UNAUTHENTICATED = List.of("/access/ticket");
}
