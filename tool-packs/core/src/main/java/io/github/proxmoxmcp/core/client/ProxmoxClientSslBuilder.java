package io.github.proxmoxmcp.core.client;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.client.netty.ssl.NettyClientSslBuilder;
import io.micronaut.http.ssl.SslConfiguration;
import jakarta.inject.Singleton;
import javax.net.ssl.TrustManagerFactory;

/** Plugs the {@code PROXMOX_SSL_MODE} trust decision (CA file, pinned fingerprint, insecure) into the HTTP client. */
@Singleton
@Replaces(NettyClientSslBuilder.class)
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
