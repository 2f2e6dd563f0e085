package io.github.proxmoxmcp.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * SDN's global state (pve-network): applying the pending configuration ({@code PUT /cluster/sdn}, a reload task),
 * throwing it away ({@code POST /cluster/sdn/rollback}), and the global lock: while it is held, every SDN write, the
 * apply and the rollback need its token, and applying or rolling back with the token releases it.
 */
final class SdnControl {

    static final String LOCK = "lock-token";
    private static final String INVALID = "invalid lock token provided!";

    private final Cluster c;
    private String token;
    private int issued;

    SdnControl(Cluster c) {
        this.c = c;
    }

    /** A write of an SDN object: refused while the lock is held, unless it carries the token. */
    void checkWrite(Request q) {
        if (!q.method.equals("GET")) {
            check(q.str(LOCK));
        }
    }

    private void check(String given) {
        if (token != null && !token.equals(given)) {
            throw ApiException.fail(INVALID);
        }
    }

    void register(Router r) {
        r.put("/cluster/sdn", LOCK + " release-lock:bool", q -> {
            check(q.str(LOCK));
            c.tables.commit(SdnCollections.GROUP);
            release(q);
            return c.startTask(c.nodes.keySet().iterator().next(), "reloadnetworkall", "", q.user, t -> {
                for (String node : c.nodes.keySet()) {
                    t.log.add(node + ": reloading network config");
                }
            });
        });
        r.post("/cluster/sdn/rollback", LOCK + " release-lock:bool", q -> {
            check(q.str(LOCK));
            c.tables.rollback(SdnCollections.GROUP);
            release(q);
            return null;
        });
        r.post("/cluster/sdn/lock", "allow-pending:bool", q -> {
            if (token != null) {
                throw ApiException.fail("global lock is already held");
            }
            if (!q.flag("allow-pending") && c.tables.pending(SdnCollections.GROUP)) {
                throw ApiException.fail("cannot acquire lock, there are pending changes");
            }
            issued++;
            token = UUID.nameUUIDFromBytes(("sdn-lock-" + c.random.nextLong() + "-" + issued).getBytes())
                    .toString().toLowerCase(Locale.ROOT);
            return token;
        });
        r.delete("/cluster/sdn/lock", LOCK + " force:bool", q -> {
            if (!q.flag("force")) {
                check(q.str(LOCK) == null ? "" : q.str(LOCK));
            }
            token = null;
            return null;
        });
    }

    /** Applying or rolling back with the token releases the lock, unless release-lock=0. */
    private void release(Request q) {
        if (q.str(LOCK) != null && (!q.has("release-lock") || q.flag("release-lock"))) {
            token = null;
        }
    }

    /** For the index of {@code /cluster/sdn}. */
    static List<Map<String, String>> index(boolean pve9) {
        return (pve9 ? List.of("vnets", "zones", "controllers", "ipams", "dns", "fabrics")
                : List.of("vnets", "zones", "controllers", "ipams", "dns")).stream().map(id -> Map.of("id", id)).toList();
    }
}
