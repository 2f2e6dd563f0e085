package io.github.proxmoxmcp.core.client;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.discovery.ServiceInstanceList;
import io.micronaut.discovery.StaticServiceInstanceList;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The {@link ProxmoxClientFilter#UPLOAD_SERVICE} HTTP service: the Proxmox service's address and settings, with a
 * read timeout of {@code proxmox.upload-timeout}. pveproxy says nothing until the whole file is in, so an upload
 * on the ordinary service would be cut after its read timeout.
 */
@Factory
@Requires(property = "micronaut.http.services." + ProxmoxClientFilter.SERVICE + ".url")
final class UploadServiceFactory {

    @Singleton
    @Named(ProxmoxClientFilter.UPLOAD_SERVICE)
    ServiceInstanceList uploadInstances(@Named(ProxmoxClientFilter.SERVICE) ServiceHttpClientConfiguration proxmox) {
        return new StaticServiceInstanceList(ProxmoxClientFilter.UPLOAD_SERVICE, proxmox.getUrls(), proxmox.getPath().orElse(null));
    }

    @Singleton
    @Named(ProxmoxClientFilter.UPLOAD_SERVICE)
    HttpClientConfiguration uploadConfiguration(@Named(ProxmoxClientFilter.SERVICE) ServiceHttpClientConfiguration proxmox,
                                                ProxmoxConfiguration config) {
        return new UploadConfiguration(proxmox, config);
    }

    /** A copy of the Proxmox service's settings; only the read timeout differs, and redirects are never followed. */
    private static final class UploadConfiguration extends HttpClientConfiguration {

        private final HttpClientConfiguration proxmox;

        UploadConfiguration(HttpClientConfiguration proxmox, ProxmoxConfiguration config) {
            super(proxmox);
            this.proxmox = proxmox;
            setReadTimeout(config.uploadTimeout());
            setFollowRedirects(false);
        }

        @Override
        public ConnectionPoolConfiguration getConnectionPoolConfiguration() {
            return proxmox.getConnectionPoolConfiguration();
        }

        @Override
        public WebSocketCompressionConfiguration getWebSocketCompressionConfiguration() {
            return proxmox.getWebSocketCompressionConfiguration();
        }

        @Override
        public Http2ClientConfiguration getHttp2Configuration() {
            return proxmox.getHttp2Configuration();
        }
    }
}
