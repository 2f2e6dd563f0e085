package io.github.proxmoxmcp.core.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Task ids (UPIDs) shaped like the ones Proxmox returns, and the forms they travel in. */
public final class TaskIds {

    /** The task every {@link PackCalls#taskEndsOk(String, String)} start answers with. */
    public static final String UPID = "UPID:pve1:0000ABCD:0001ABCD:65F0A1B2:srvrestart:pveproxy:root@pam:";
    /** {@link #UPID} as a path segment, spelled out so that the encoding itself is pinned down. */
    public static final String UPID_ENCODED = "UPID%3Apve1%3A0000ABCD%3A0001ABCD%3A65F0A1B2%3Asrvrestart%3Apveproxy%3Aroot%40pam%3A";

    private TaskIds() {
    }

    public static String upid(String node, String type, Object id) {
        return "UPID:" + node + ":0000ABCD:0001ABCD:65F0A1B2:" + type + ":" + id + ":root@pam:";
    }

    /** The UPID as one percent-encoded path segment. */
    public static String encoded(String upid) {
        return URLEncoder.encode(upid, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The UPID as the JSON string a task start answers with. */
    public static String quoted(String upid) {
        return "\"" + upid + "\"";
    }
}
