package io.github.proxmoxmcp.core.client;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.client.netty.ssl.ClientSslBuilder;
import io.micronaut.http.client.netty.ssl.NettyClientSslBuilder;
import jakarta.inject.Singleton;

/** Replaces the HTTP client's SSL builder with {@link ProxmoxClientSslBuilder}. */
@Factory
final class ProxmoxClientSslFactory {

    @Singleton
    @Replaces(NettyClientSslBuilder.class)
    ClientSslBuilder proxmoxClientSslBuilder(ResourceResolver resourceResolver, ProxmoxConfiguration config) {
        return new ProxmoxClientSslBuilder(resourceResolver, config);
    }
}
