package io.github.proxmoxmcp.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} upload body as pveproxy reads it: the text parts become parameters, the part with a
 * file name is the upload, and its file name is the {@code filename} parameter.
 */
final class Multipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("(?i)content-disposition:\\s*form-data;\\s*name=\"([^\"]*)\"(?:;\\s*filename=\"([^\"]*)\")?");

    private Multipart() {
    }

    /** Adds the text parts to {@code params} and returns the file's bytes (null when there is no file). */
    static byte[] parse(String contentType, byte[] body, Map<String, List<String>> params) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw new ApiException(400, "multipart body without boundary");
        }
        // ISO-8859-1 maps every byte to one char, so offsets in the text are offsets in the body.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary.group(1);
        byte[] file = null;
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int start = at + delimiter.length();
            if (text.startsWith("--", start)) {
                break;
            }
            int headersEnd = text.indexOf("\r\n\r\n", start);
            int next = text.indexOf("\r\n" + delimiter, headersEnd < 0 ? start : headersEnd);
            if (headersEnd < 0 || next < 0) {
                throw new ApiException(400, "malformed multipart body");
            }
            Matcher name = NAME.matcher(text.substring(start, headersEnd));
            if (name.find()) {
                byte[] value = Arrays.copyOfRange(body, headersEnd + 4, next);
                if (name.group(2) != null) {
                    file = value;
                    params.computeIfAbsent("filename", k -> new ArrayList<>()).add(name.group(2));
                } else {
                    params.computeIfAbsent(name.group(1), k -> new ArrayList<>()).add(new String(value, StandardCharsets.UTF_8));
                }
            }
            at = next + 2;
        }
        return file;
    }
}
