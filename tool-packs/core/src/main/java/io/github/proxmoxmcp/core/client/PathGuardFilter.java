package io.github.proxmoxmcp.core.client;

import io.github.proxmoxmcp.core.id.PathGuard;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.ClientFilterChain;
import io.micronaut.http.filter.HttpClientFilter;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** The last guard before a request leaves: a path {@link PathGuard} refuses is never sent. */
@Filter(serviceId = {ProxmoxClientFilter.SERVICE, ProxmoxClientFilter.UPLOAD_SERVICE})
public final class PathGuardFilter implements HttpClientFilter {

    @Override
    public Publisher<? extends HttpResponse<?>> doFilter(MutableHttpRequest<?> request, ClientFilterChain chain) {
        String problem = PathGuard.problem(request.getUri().getRawPath());
        if (problem != null) {
            return Mono.error(new ToolInputException("refused to send " + request.getMethodName() + " "
                    + request.getUri().getRawPath() + ": " + problem));
        }
        return chain.proceed(request);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
