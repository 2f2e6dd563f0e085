package io.github.proxmoxmcp.server.logging;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Log text with credentials masked: the configured secrets wherever they appear, and by shape
 * token headers, tickets, CSRF tokens, password fields and the write-only fields (storage keys and keyrings,
 * metric server tokens, auth headers, proxy logins), as form fields and JSON strings.
 */
public final class Redaction {

    private Redaction() {
    }

    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

    /** Secrets known from the configuration, masked literally in every message from now on. */
    public static void register(Collection<String> secrets) {
        secrets.stream().filter(secret -> secret != null && secret.length() >= 4).forEach(SECRETS::add);
    }

    private static final Pattern TOKEN = Pattern.compile("(PVEAPIToken=[^=\\s]+=)[^\\s\"',]+");
    private static final Pattern TICKET = Pattern.compile("PVE(?:VNC)?:[^\\s\"',;]+");
    /** Names whose values are credentials: the API's own, and the storage keys and keyrings that are write-only. */
    private static final String NAMES = "(?:password|cipassword|secret|token_value|tokenSecret|CSRFPreventionToken|PVEAuthCookie"
            + "|ticket|keyring|encryption-key|master-pubkey"
            // write-only form fields: a metric server's token, OpenTelemetry headers, a proxy URL with its login
            // ("PVEAPIToken=" is not one of them)
            + "|(?<![a-z])token|otel-headers|http_proxy)";
    /** A JSON string value, escaped quotes and spaces included (a key file's JSON, a keyring's lines). */
    private static final Pattern QUOTED = Pattern.compile("(?i)(\"" + NAMES + "\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern KEYED = Pattern.compile("(?i)(" + NAMES + "\"?\\s*[=:]\\s*\"?)[^\\s\"',&;]+");

    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String secret : SECRETS) {
            out = out.replace(secret, "***");
        }
        out = TOKEN.matcher(out).replaceAll("$1***");
        out = TICKET.matcher(out).replaceAll("PVE:***");
        out = QUOTED.matcher(out).replaceAll("$1***\"");
        return KEYED.matcher(out).replaceAll("$1***");
    }
}
