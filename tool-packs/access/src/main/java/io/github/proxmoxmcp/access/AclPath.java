package io.github.proxmoxmcp.access;

import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An access control path such as {@code /}, {@code /vms/100}, {@code /pool/dev} or {@code /storage/local}: the
 * characters pve-access-control accepts, absolute, without an empty segment or a trailing slash.
 */
final class AclPath {

    private static final Pattern PATH = Pattern.compile("/|(/[A-Za-z0-9._-]+)+");

    private AclPath() {
    }

    /** The path when it is one, else an input error naming the field. */
    static String check(String field, String path) {
        if (path == null) {
            return null;
        }
        if (path.length() > 256 || !PATH.matcher(path).matches() || path.contains("/./") || path.contains("/../")
                || path.endsWith("/.") || path.endsWith("/..")) {
            throw new ToolInputException(field + " must be an ACL path such as /, /vms/100, /pool/dev or /storage/local");
        }
        return path;
    }

    /** The path and its parents, nearest first: {@code /vms/100}, {@code /vms}, {@code /}. */
    static List<String> withParents(String path) {
        List<String> paths = new ArrayList<>();
        for (String p = path; ; p = p.substring(0, Math.max(1, p.lastIndexOf('/')))) {
            paths.add(p);
            if (p.equals("/")) {
                return paths;
            }
        }
    }
}
