package io.github.proxmoxmcp.server.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/** The log message with credentials masked: token secrets, tickets, CSRF tokens, passwords. */
public final class RedactingConverter extends ClassicConverter {

    private static final Pattern TOKEN = Pattern.compile("(PVEAPIToken=[^=\\s]+=)[^\\s\"',]+");
    private static final Pattern TICKET = Pattern.compile("PVE(?:VNC)?:[^\\s\"',;]+");
    private static final Pattern KEYED = Pattern.compile(
            "(?i)((?:password|cipassword|secret|token_value|tokenSecret|CSRFPreventionToken|PVEAuthCookie|ticket)\\s*[=:]\\s*)[^\\s\"',&;]+");

    @Override
    public String convert(ILoggingEvent event) {
        return redact(event.getFormattedMessage());
    }

    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = TOKEN.matcher(text).replaceAll("$1***");
        out = TICKET.matcher(out).replaceAll("PVE:***");
        return KEYED.matcher(out).replaceAll("$1***");
    }
}
