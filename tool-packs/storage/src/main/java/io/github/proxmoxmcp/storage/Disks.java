package io.github.proxmoxmcp.storage;

import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.regex.Pattern;

/** A block device as Proxmox takes it: {@code /dev/} then letters, digits and {@code /}. */
final class Disks {

    private static final Pattern DEVICE = Pattern.compile("/dev/[a-zA-Z0-9/]+");

    private Disks() {
    }

    /** The device, required and of the Proxmox form, else an input error naming the field. */
    static String checked(String field, String device) {
        if (device == null) {
            throw new ToolInputException(field + " is required, e.g. /dev/sdb");
        }
        if (!DEVICE.matcher(device).matches()) {
            throw new ToolInputException(field + " must be a block device such as /dev/sdb or /dev/nvme0n1; got " + device);
        }
        return device;
    }
}
