package io.github.proxmoxmcp.core.testing;

import java.util.function.Supplier;

/** What a blocking call returned or threw, and how long it took. */
public record Timed<T>(T value, RuntimeException failure, long millis) {

    public static <T> Timed<T> run(Supplier<T> call) {
        long started = System.nanoTime();
        try {
            T value = call.get();
            return new Timed<>(value, null, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            return new Timed<>(null, e, (System.nanoTime() - started) / 1_000_000);
        }
    }

    public RuntimeException failureOrFail() {
        if (failure == null) {
            throw new AssertionError("expected a failure, got " + value + " after " + millis + " ms");
        }
        return failure;
    }

    public T valueOrFail() {
        if (failure != null) {
            throw new AssertionError("expected success after " + millis + " ms, got " + failure, failure);
        }
        return value;
    }
}
