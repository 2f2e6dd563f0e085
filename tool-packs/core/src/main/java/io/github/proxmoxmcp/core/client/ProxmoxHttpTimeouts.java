package io.github.proxmoxmcp.core.client;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Fits the HTTP client of the Proxmox service to the timeouts {@link ProxmoxClientFilter} enforces. Micronaut wraps
 * every call, client filters included, in one overall request timeout (read timeout + 1 s unless set): the retries
 * and the wait for a concurrency slot would all share it, and Netty's own read timeout defaults to 10 s. So each
 * attempt is bounded instead: the read timeout is {@code proxmox.timeout}, the filter adds a hard limit per attempt,
 * and the overall timeout is switched off.
 */
@Singleton
final class ProxmoxHttpTimeouts implements BeanCreatedEventListener<ServiceHttpClientConfiguration> {

    /** Micronaut applies no request timeout when it is negative. */
    private static final Duration NO_OVERALL_TIMEOUT = Duration.ofMillis(-1);

    private final BeanProvider<ProxmoxConfiguration> config;

    ProxmoxHttpTimeouts(BeanProvider<ProxmoxConfiguration> config) {
        this.config = config;
    }

    @Override
    public ServiceHttpClientConfiguration onCreated(BeanCreatedEvent<ServiceHttpClientConfiguration> event) {
        ServiceHttpClientConfiguration client = event.getBean();
        if (ProxmoxClientFilter.SERVICE.equals(client.getServiceId())) {
            // ends an attempt when Proxmox sends nothing for that long, and closes its connection
            client.setReadTimeout(config.get().timeout());
            client.setRequestTimeout(NO_OVERALL_TIMEOUT);
        }
        return client;
    }
}
