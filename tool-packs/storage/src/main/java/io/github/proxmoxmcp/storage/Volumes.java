package io.github.proxmoxmcp.storage;

import io.github.proxmoxmcp.core.spi.ToolInputException;

/** A volume id names its storage ({@code local:iso/x.iso} is on {@code local}): the storage need not be given too. */
final class Volumes {

    private Volumes() {
    }

    /** The storage of the volume, or the one given when there is no volume; both given must agree. */
    static String storage(String storage, String volume) {
        if (volume == null) {
            return storage;
        }
        String own = volume.substring(0, volume.indexOf(':'));
        if (storage != null && !storage.equals(own)) {
            throw new ToolInputException("volume " + volume + " is on storage " + own + ", not " + storage);
        }
        return own;
    }
}
