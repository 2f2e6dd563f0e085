package io.github.proxmoxmcp.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RedactingLayoutTest {

    private static String line(Throwable thrown, String message, Object... arguments) {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("io.github.proxmoxmcp.core.client.ProxmoxClient");
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.start();
        return layout.doLayout(new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, thrown, arguments));
    }

    @Test
    void aLineIsTimeLevelAbbreviatedLoggerAndTheRedactedMessage() {
        String line = line(null, "retrying {} with password={}", "POST /access/ticket", "hunter2");
        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  i\\.g\\.p\\.c\\.c\\.ProxmoxClient - "
                + "retrying POST /access/ticket with password=\\*\\*\\*\\R"), line);
    }

    @Test
    void aStackTraceIsRedactedToo() {
        String line = line(new IllegalStateException("PVEAPIToken=root@pam!mcp=0e4c-secret-uuid refused"), "call failed");
        assertTrue(line.contains("java.lang.IllegalStateException: PVEAPIToken=root@pam!mcp=*** refused"), line);
        assertFalse(line.contains("0e4c-secret-uuid"), line);
    }

    @Test
    void theServerConfiguresLogbackWithoutXml() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertEquals("STDERR", root.iteratorForAppenders().next().getName());
        assertEquals(Level.WARN, ((Logger) LoggerFactory.getLogger("io.modelcontextprotocol")).getLevel());
    }
}
