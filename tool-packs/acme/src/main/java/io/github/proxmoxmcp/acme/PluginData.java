package io.github.proxmoxmcp.acme;

import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DNS plugin's {@code data}: the DNS API's settings as {@code KEY=value} lines, sent base64-encoded. The values
 * are credentials: they are sent and never shown; reads show the keys only.
 */
final class PluginData {

    private PluginData() {
    }

    /** The settings of a plugin as Proxmox answered them (base64, or the plain lines), by key. */
    static Map<String, String> decode(String data) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (data == null || data.isBlank()) {
            return settings;
        }
        for (String line : plain(data.strip()).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                settings.put(line.substring(0, eq).strip(), line.substring(eq + 1));
            }
        }
        return settings;
    }

    /** The settings as Proxmox takes them: {@code KEY=value} lines, base64-encoded. */
    static String encode(Map<String, String> settings) {
        StringBuilder lines = new StringBuilder();
        settings.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
        return Base64.getEncoder().encodeToString(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Keys are the DNS API's variable names; a value is one line (a newline would start another setting). */
    static void check(Map<String, String> settings) {
        settings.forEach((key, value) -> {
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
                throw new ToolInputException("data: keys are the DNS API's field names, e.g. CF_Token (see proxmox_acme_get "
                        + "view=schema api=...)");
            }
            if (value == null || value.chars().anyMatch(Character::isISOControl)) {
                throw new ToolInputException("data." + key + ": give the value as one line of text");
            }
        });
    }

    private static String plain(String data) {
        for (Base64.Decoder decoder : new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
            try {
                String text = new String(decoder.decode(data), StandardCharsets.UTF_8);
                if (text.contains("=")) {
                    return text;
                }
            } catch (IllegalArgumentException notBase64) {
                // the next decoder, or the data as it is
            }
        }
        return data;
    }
}
