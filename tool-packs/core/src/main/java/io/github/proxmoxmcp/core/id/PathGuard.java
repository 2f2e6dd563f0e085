package io.github.proxmoxmcp.core.id;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Proxmox decodes the path before routing and does not normalise {@code ..}: no request may be sent whose
 * decoded path has an empty, {@code .} or {@code ..} segment, a control character, or a {@code /} inside one
 * segment, except where Proxmox lets a parameter take the rest of the path (a volume id under
 * {@code /storage/{storage}/content/}, a CIDR under {@code .../ipset/{name}/}). Input fields are checked against
 * their {@link PveFormat} long before this; a path refused here means a tool missed one.
 */
public final class PathGuard {

    private static final String BASE_PATH = "/api2/json";

    private PathGuard() {
    }

    /** Why the raw path must not be sent, or null when it is safe. */
    public static String problem(String rawPath) {
        String path = rawPath.startsWith(BASE_PATH)
                ? rawPath.substring(BASE_PATH.length()) : rawPath;
        if (!path.startsWith("/")) {
            return "the path does not start with /";
        }
        List<String> raw = List.of(path.substring(1).split("/", -1));
        for (int i = 0; i < raw.size(); i++) {
            String segment;
            try {
                segment = URLDecoder.decode(raw.get(i).replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "segment " + (i + 1) + " is not valid percent-encoding";
            }
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "segment " + (i + 1) + " is " + (segment.isEmpty() ? "empty" : "'" + segment + "'");
            }
            if (segment.chars().anyMatch(Character::isISOControl)) {
                return "segment " + (i + 1) + " holds a control character";
            }
            if (segment.contains("/")) {
                if (!takesRestOfPath(raw, i)) {
                    return "segment " + (i + 1) + " holds a '/'";
                }
                for (String part : segment.split("/", -1)) {
                    if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                        return "segment " + (i + 1) + " holds an empty, '.' or '..' part";
                    }
                }
            }
        }
        return null;
    }

    private static boolean takesRestOfPath(List<String> segments, int index) {
        boolean volume = index >= 3 && segments.get(index - 1).equals("content") && segments.get(index - 3).equals("storage");
        boolean cidr = index >= 2 && segments.get(index - 2).equals("ipset");
        return volume || cidr;
    }

}
