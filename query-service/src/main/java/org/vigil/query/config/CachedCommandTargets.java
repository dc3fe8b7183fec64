package org.vigil.query.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds the aggregate a command is for as Axon's {@code AnnotationCommandTargetResolver} does — the field, else the
 * method, annotated {@link TargetAggregateIdentifier} (and {@link TargetAggregateVersion}) — but looks for the
 * annotations once per command class instead of once per command. Axon's resolver searches every field and method
 * of the command and its annotations each time, on the thread that stores the device messages, for every message.
 */
final class CachedCommandTargets implements CommandTargetResolver {

    private final Map<Class<?>, Target> targets = new ConcurrentHashMap<>();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Target target = targets.computeIfAbsent(command.getPayloadType(), CachedCommandTargets::targetOf);
        Object identifier;
        Long version;
        try {
            identifier = target.identifier() == null ? null : target.identifier().read(payload);
            version = target.version() == null ? null : asLong(target.version().read(payload));
        } catch (InvocationTargetException | IllegalAccessException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information from "
                    + "a command", e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException(String.format("Invalid command. It does not identify the target "
                    + "aggregate. Make sure at least one of the fields or methods in the [%s] class contains the "
                    + "@TargetAggregateIdentifier annotation and that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier, version);
    }

    private static Target targetOf(Class<?> type) {
        return new Target(accessorOf(type, TargetAggregateIdentifier.class),
                accessorOf(type, TargetAggregateVersion.class));
    }

    private static Accessor accessorOf(Class<?> type, Class<? extends Annotation> annotation) {
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                Field readable = ReflectionUtils.ensureAccessible(field);
                return readable::get;
            }
        }
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                Method callable = ReflectionUtils.ensureAccessible(method);
                return callable::invoke;
            }
        }
        return null;
    }

    private static Long asLong(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
    }

    private record Target(Accessor identifier, Accessor version) {
    }

    @FunctionalInterface
    private interface Accessor {
        Object read(Object command) throws InvocationTargetException, IllegalAccessException;
    }
}
