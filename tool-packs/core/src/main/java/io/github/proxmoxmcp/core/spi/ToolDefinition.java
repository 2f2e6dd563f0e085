package io.github.proxmoxmcp.core.spi;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One MCP tool: its name, description, input record, tier, hints and handler.
 *
 * @param confirmWhen inputs for which {@code confirm: true} is required before anything is sent
 */
public record ToolDefinition<I>(
        String name,
        String description,
        Class<I> inputType,
        Tier tier,
        ToolHints hints,
        Predicate<? super I> confirmWhen,
        ToolHandler<I> handler) {

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputType, "inputType");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(hints, "hints");
        Objects.requireNonNull(confirmWhen, "confirmWhen");
        Objects.requireNonNull(handler, "handler");
        if (tier == Tier.BASIC && !hints.readOnly()) {
            throw new IllegalArgumentException(name + ": a BASIC tool must be read-only");
        }
        if (tier == Tier.ELEVATED && hints.readOnly()) {
            throw new IllegalArgumentException(name + ": an ELEVATED tool cannot be read-only");
        }
        if (!Confirmable.class.isAssignableFrom(inputType) && hints.destructive()) {
            throw new IllegalArgumentException(name + ": a destructive tool needs a Confirmable input");
        }
    }

    /** A read-only tool. */
    public static <I> ToolDefinition<I> read(String name, String description, Class<I> inputType, ToolHandler<I> handler) {
        return new ToolDefinition<>(name, description, inputType, Tier.BASIC, ToolHints.READ, input -> false, handler);
    }

    /** A tool that changes something. */
    public static <I> ToolDefinition<I> write(String name, String description, Class<I> inputType, ToolHints hints,
                                              ToolHandler<I> handler) {
        return new ToolDefinition<>(name, description, inputType, Tier.ELEVATED, hints, input -> hints.destructive(), handler);
    }

    /** The same tool, requiring {@code confirm: true} only for the inputs the predicate accepts. */
    public ToolDefinition<I> confirmWhen(Predicate<? super I> predicate) {
        if (!Confirmable.class.isAssignableFrom(inputType)) {
            throw new IllegalArgumentException(name + ": confirmation needs a Confirmable input");
        }
        return new ToolDefinition<>(name, description, inputType, tier, hints, predicate, handler);
    }

    public boolean elevated() {
        return tier == Tier.ELEVATED;
    }
}
