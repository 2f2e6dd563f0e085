package io.github.proxmoxmcp.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Applies LOG_LEVEL to the root logger (logback writes to stderr only, see logback.xml). */
public final class Logging {

    private Logging() {
    }

    /** Loggers whose trace output prints configuration values, secrets included: never below DEBUG. */
    private static final java.util.List<String> CONFIG_DUMPERS = java.util.List.of("io.micronaut.inject", "io.micronaut.context");

    public static void setLevel(String level) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            Level chosen = Level.toLevel(level, Level.INFO);
            root.setLevel(chosen);
            if (chosen.isGreaterOrEqual(Level.DEBUG)) {
                return;
            }
            CONFIG_DUMPERS.forEach(name -> {
                if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                    logger.setLevel(Level.DEBUG);
                }
            });
        }
    }
}
