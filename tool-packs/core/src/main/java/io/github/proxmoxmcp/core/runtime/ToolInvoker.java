package io.github.proxmoxmcp.core.runtime;

import io.github.proxmoxmcp.core.client.ProxmoxApiException;
import io.github.proxmoxmcp.core.client.ProxmoxErrors;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.spi.Unlisted;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Runs one tool call: binds the arguments to the input record, validates them, checks {@code confirm},
 * then calls the handler. Every failure becomes an error result; nothing is thrown to the caller and
 * nothing reaches Proxmox unless the input passed all checks.
 */
@Singleton
public final class ToolInvoker {

    private final JsonMapper json;
    private final Validator validator;

    ToolInvoker(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <I> Mono<ToolResult> invoke(ToolDefinition<I> tool, Map<String, Object> arguments, ToolContext context) {
        return Mono.defer(() -> {
            I input = bind(tool, arguments == null ? Map.of() : arguments);
            Set<ConstraintViolation<I>> violations = validator.validate(input, Default.class, Unlisted.class);
            if (!violations.isEmpty()) {
                throw new ToolInputException(violations.stream()
                        .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                        .sorted()
                        .collect(Collectors.joining("; ")));
            }
            if (tool.confirmWhen().test(input) && !((Confirmable) input).confirmed()) {
                return Mono.just(ToolResult.error(tool.name() + " is destructive: nothing was changed. "
                        + "Check the target, then call again with confirm: true."));
            }
            return tool.handler().handle(input, context);
        }).onErrorResume(failure -> Mono.just(errorResult(failure)));
    }

    private <I> I bind(ToolDefinition<I> tool, Map<String, Object> arguments) {
        Set<String> known = knownProperties(tool.inputType());
        Set<String> unknown = new TreeSet<>(arguments.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new ToolInputException("unknown argument(s) " + unknown + "; " + tool.name() + " takes " + new TreeSet<>(known));
        }
        try {
            return json.readValue(json.writeValueAsBytes(arguments), tool.inputType());
        } catch (IOException | RuntimeException e) {
            throw new ToolInputException(bindingMessage(e, tool.inputType()));
        }
    }

    private static Set<String> knownProperties(Class<?> type) {
        return BeanIntrospection.getIntrospection(type).getBeanProperties().stream()
                .map(ToolInvoker::jsonName)
                .collect(Collectors.toSet());
    }

    private static String jsonName(BeanProperty<?, ?> property) {
        return property.stringValue(com.fasterxml.jackson.annotation.JsonProperty.class).orElse(property.getName());
    }

    private static String bindingMessage(Throwable e, Class<?> inputType) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidPropertyFormatException property) {
                Class<?> type = property.getArgument().getType();
                Throwable reason = property.getCause();
                return "cannot read the arguments: " + fieldName(property, inputType) + ": expected " + expected(type)
                        + (type.isEnum() || reason == null || reason.getMessage() == null
                            ? "" : " (" + reason.getMessage().lines().findFirst().orElse("").trim() + ")");
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return "cannot read the arguments: " + (newline > 0 ? message.substring(0, newline) : message);
    }

    /** The JSON name of the field that could not be read: the last {@code ["name"]} of the serde path. */
    private static String fieldName(InvalidPropertyFormatException property, Class<?> inputType) {
        String path = property.getPathAsString();
        int open = path.lastIndexOf("[\"");
        int close = path.lastIndexOf("\"]");
        String javaName = open >= 0 && close > open ? path.substring(open + 2, close) : property.getArgument().getName();
        return BeanIntrospection.getIntrospection(inputType).getProperty(javaName).map(ToolInvoker::jsonName).orElse(javaName);
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /** The one place failures become text: input problems, Proxmox errors, and anything unexpected. */
    public ToolResult errorResult(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ToolInputException input) {
                return ToolResult.error("Invalid arguments: " + input.getMessage() + ". Nothing was sent to Proxmox.");
            }
        }
        ProxmoxApiException api = ProxmoxErrors.map(failure, json);
        return ToolResult.error(api.userMessage());
    }
}
