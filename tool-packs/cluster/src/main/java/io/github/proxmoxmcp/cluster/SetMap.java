package io.github.proxmoxmcp.cluster;

import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@code set} argument (Proxmox key to value) put into a form, and the one-line summary of a change. */
final class SetMap {

    private SetMap() {
    }

    /**
     * Array keys become one pair per element (a single value is a list of one), list keys a comma-joined value; the
     * others take one value.
     */
    static void putAll(Params form, Map<String, Object> set, Set<String> arrayKeys, Set<String> listKeys) {
        set.forEach((key, value) -> {
            if (value == null || "".equals(value)) {
                throw new ToolInputException("set." + key + " has no value (Proxmox reads an empty one as none); "
                        + "to remove a key, use unset");
            }
            if (arrayKeys.contains(key)) {
                form.putEach(key, value instanceof Collection<?> list ? list : List.of(value));
            } else if (value instanceof Map<?, ?> || value instanceof Collection<?> && !listKeys.contains(key)) {
                throw new ToolInputException("set." + key + " takes one value, not a list or an object");
            } else {
                form.put(key, value);
            }
        });
    }

    /** {@code set a, b; removed c}: names only, values (which may be secret) are never repeated. */
    static String changes(Collection<String> set, List<String> unset) {
        List<String> parts = new ArrayList<>();
        if (!set.isEmpty()) {
            parts.add("set " + String.join(", ", set));
        }
        if (!unset.isEmpty()) {
            parts.add("removed " + String.join(", ", unset));
        }
        return String.join("; ", parts);
    }
}
