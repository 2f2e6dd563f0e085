package io.github.proxmoxmcp.core.client;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.client.netty.ssl.NettyClientSslBuilder;
import io.micronaut.http.ssl.SslConfiguration;
import javax.net.ssl.TrustManagerFactory;

/**
 * Plugs the {@code PROXMOX_SSL_MODE} trust decision (CA file, pinned fingerprint, insecure) into the HTTP client.
 * Registered by {@link ProxmoxClientSslFactory}: annotated as a bean itself, the class would be skipped by the
 * annotation processor, which cannot resolve the HTTP/3 types of the inherited {@code buildHttp3}.
 */
final class ProxmoxClientSslBuilder extends NettyClientSslBuilder {

    private final ProxmoxConfiguration config;

    ProxmoxClientSslBuilder(ResourceResolver resourceResolver, ProxmoxConfiguration config) {
        super(resourceResolver);
        this.config = config;
    }

    @Override
    protected TrustManagerFactory getTrustManagerFactory(SslConfiguration ssl) {
        return ProxmoxTrust.factory(config).orElseGet(() -> super.getTrustManagerFactory(ssl));
    }
}
