package io.github.proxmoxmcp.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Applies LOG_LEVEL to the root logger (logback writes to stderr only, see logback.xml). */
public final class Logging {

    private Logging() {
    }

    /**
     * Loggers whose trace output prints secrets: configuration values, and the HTTP client's request and response
     * bodies (passwords in a form, a new API token's secret in its create answer). Never below DEBUG.
     */
    private static final java.util.List<String> SECRET_TRACERS = java.util.List.of("io.micronaut.inject", "io.micronaut.context",
            "io.micronaut.http.client");

    public static void setLevel(String level) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            Level chosen = Level.toLevel(level, Level.INFO);
            root.setLevel(chosen);
            if (chosen.isGreaterOrEqual(Level.DEBUG)) {
                return;
            }
            SECRET_TRACERS.forEach(name -> {
                if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                    logger.setLevel(Level.DEBUG);
                }
            });
        }
    }
}
