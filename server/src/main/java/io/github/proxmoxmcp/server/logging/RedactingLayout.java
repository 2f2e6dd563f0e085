package io.github.proxmoxmcp.server.logging;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** {@code 12:03:04.567 WARN  i.g.p.core.Client - message}, with the message and any stack trace redacted. */
final class RedactingLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final TargetLengthBasedClassNameAbbreviator logger = new TargetLengthBasedClassNameAbbreviator(20);

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128)
                .append(TIME.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ')
                .append(String.format("%-5s", event.getLevel())).append(' ')
                .append(logger.abbreviate(event.getLoggerName())).append(" - ")
                .append(Redaction.redact(event.getFormattedMessage())).append(System.lineSeparator());
        if (event.getThrowableProxy() != null) {
            line.append(Redaction.redact(ThrowableProxyUtil.asString(event.getThrowableProxy()))).append(System.lineSeparator());
        }
        return line.toString();
    }
}
