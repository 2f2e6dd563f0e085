package io.github.proxmoxmcp.guest;

import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The cloud-init values Proxmox wants in a special shape: URL-encoded SSH keys, ipconfigN, generated passwords. */
final class CloudInit {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CloudInit() {
    }

    /**
     * {@code sshkeys} must itself be percent-encoded (spaces as {@code %20}, newlines as {@code %0A}); form
     * encoding then happens on top. Blank lines are dropped.
     */
    static String sshKeys(String keys) {
        String normalized = Arrays.stream(keys.split("\\R"))
                .map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
        if (normalized.isEmpty()) {
            throw new ToolInputException("sshKeys holds no key");
        }
        return URLEncoder.encode(normalized, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code ip=dhcp} or {@code ip=CIDR[,gw=GW]}; null when no IP was asked for. */
    static String ipConfig(String ip, String gateway) {
        if (ip == null) {
            if (gateway != null) {
                throw new ToolInputException("gw needs ip");
            }
            return null;
        }
        if (ip.equalsIgnoreCase("dhcp")) {
            if (gateway != null) {
                throw new ToolInputException("gw cannot be combined with ip=dhcp");
            }
            return "ip=dhcp";
        }
        if (!ip.contains("/")) {
            throw new ToolInputException("ip must be dhcp or an address with prefix length, e.g. 192.168.1.50/24");
        }
        return "ip=" + ip + (gateway == null ? "" : ",gw=" + gateway);
    }

    /** A 20-character password from a secure random source, without look-alike characters. */
    static String password() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
