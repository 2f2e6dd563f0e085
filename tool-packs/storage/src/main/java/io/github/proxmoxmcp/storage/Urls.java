package io.github.proxmoxmcp.storage;

import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.net.URI;
import java.net.URISyntaxException;

/** A URL a node may fetch: http or https with a host, as Proxmox requires. */
final class Urls {

    private Urls() {
    }

    static URI checked(String text) {
        try {
            URI url = new URI(text);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw new ToolInputException("url must be an http:// or https:// URL");
    }
}
