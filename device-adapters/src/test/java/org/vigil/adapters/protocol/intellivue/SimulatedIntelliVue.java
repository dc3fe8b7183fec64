package org.vigil.adapters.protocol.intellivue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The simulator module's IntelliVue impersonator, compiled from its sources for this test: the two sides share no
 * code and no build dependency, and meet only on the bytes. Driven by reflection through its public API
 * ({@code receive(byte[], Instant)}, {@code tick(Instant)}, {@code state()}).
 */
final class SimulatedIntelliVue {

    /** Values for the impersonator's {@code SimulatedNumerics}; {@code null} is "not available". */
    record Numerics(Double heartRate, Double spo2, Double pulseRate, Double respiratoryRate, Double nibpSystolic,
                    Double nibpDiastolic, Double nibpMean) {
    }

    private static final Path SOURCES = Path.of("..", "simulator", "src", "main", "java", "org", "vigil",
            "simulator", "intellivue");
    private static final String PACKAGE = "org.vigil.simulator.intellivue.";
    private static ClassLoader loader;

    private final Object impersonator;
    private final Method receive;
    private final Method tick;
    private final Method state;

    SimulatedIntelliVue(Instant bootedAt, long initialRelativeTime, ZoneId zone, Duration associationTimeout,
                        boolean abortWhenDropping, Function<Instant, Numerics> numerics) {
        try {
            ClassLoader classes = classes();
            Class<?> configType = classes.loadClass(PACKAGE + "ImpersonatorConfig");
            Object config = configType.getConstructor(Duration.class, long.class, ZoneId.class, boolean.class)
                    .newInstance(associationTimeout, initialRelativeTime, zone, abortWhenDropping);
            Class<?> sourceType = classes.loadClass(PACKAGE + "NumericsSource");
            Class<?> numericsType = classes.loadClass(PACKAGE + "SimulatedNumerics");
            Object source = Proxy.newProxyInstance(classes, new Class<?>[] {sourceType}, (proxy, method, args) -> {
                if (!method.getName().equals("read")) {
                    return method.invoke(this, args);
                }
                Numerics n = numerics.apply((Instant) args[0]);
                return numericsType.getConstructors()[0].newInstance(n.heartRate(), n.spo2(), n.pulseRate(),
                        n.respiratoryRate(), n.nibpSystolic(), n.nibpDiastolic(), n.nibpMean());
            });
            Class<?> type = classes.loadClass(PACKAGE + "IntelliVueImpersonator");
            impersonator = type.getConstructor(configType, sourceType, Instant.class)
                    .newInstance(config, source, bootedAt);
            receive = type.getMethod("receive", byte[].class, Instant.class);
            tick = type.getMethod("tick", Instant.class);
            state = type.getMethod("state");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the simulator's impersonator does not have the expected API", e);
        }
    }

    List<byte[]> receive(byte[] bytes, Instant now) {
        return frames(call(receive, bytes, now));
    }

    List<byte[]> tick(Instant now) {
        return frames(call(tick, now));
    }

    String state() {
        return call(state).toString();
    }

    private Object call(Method method, Object... args) {
        try {
            return method.invoke(impersonator, args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("impersonator failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<byte[]> frames(Object value) {
        return (List<byte[]>) value;
    }

    private static synchronized ClassLoader classes() {
        if (loader == null) {
            loader = compile();
        }
        return loader;
    }

    private static ClassLoader compile() {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (Stream<Path> files = Files.list(SOURCES)) {
            Path output = Files.createDirectories(Path.of("target", "simulated-intellivue"));
            List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", output.toString()));
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
            int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("the simulator's IntelliVue sources did not compile");
            }
            return new URLClassLoader(new URL[] {output.toUri().toURL()},
                    SimulatedIntelliVue.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
