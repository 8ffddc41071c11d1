package io.rialto.core.plugin;

import io.rialto.core.spi.StrategyFactory;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;

/**
 * Loads strategy plug-ins: JAR files, each in a class loader of its own whose parent is the platform's,
 * each listing its {@link StrategyFactory}s in {@code META-INF/services/io.rialto.core.spi.StrategyFactory}.
 * A broken JAR (not a JAR, a bad manifest, a listed class that is missing, a factory whose constructor
 * throws) is reported by file name with what is wrong; the other JARs still load.
 */
public final class PluginLoader {
    private final ClassLoader parent;

    public PluginLoader(ClassLoader parent) {
        this.parent = parent;
    }

    /** One loaded JAR: its class loader (close it to release the JAR) and the kinds it provides. */
    public record Plugin(Path jar, URLClassLoader loader, List<StrategyFactory> factories) implements AutoCloseable {
        public String name() {
            return jar.getFileName().toString();
        }

        @Override
        public void close() throws IOException {
            loader.close();
        }
    }

    /** A JAR that could not be loaded, or a provider in it that could not be made. */
    public record PluginError(Path jar, String problem) {
        @Override
        public String toString() {
            return jar.getFileName() + ": " + problem;
        }
    }

    /** What a scan found. */
    public record Scan(List<Plugin> plugins, List<PluginError> errors) {
    }

    /** Every {@code *.jar} in {@code dir}, in name order; a missing directory holds no plug-ins. */
    public Scan scan(Path dir) {
        List<Plugin> plugins = new ArrayList<>();
        List<PluginError> errors = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Scan(plugins, errors);
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jar")) {
            stream.forEach(jars::add);
        } catch (IOException e) {
            errors.add(new PluginError(dir, "cannot list the plug-in directory: " + e.getMessage()));
            return new Scan(plugins, errors);
        }
        jars.sort(null);
        for (Path jar : jars) {
            Scan one = load(jar);
            plugins.addAll(one.plugins());
            errors.addAll(one.errors());
        }
        return new Scan(plugins, errors);
    }

    /**
     * Loads one JAR. Providers that fail are reported and skipped; the JAR's other providers still load.
     * A JAR that cannot be opened, or that provides nothing, yields no plug-in.
     */
    public Scan load(Path jar) {
        List<PluginError> errors = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.getManifest(); // a corrupt manifest fails here, by name, not later inside a class load
        } catch (IOException | SecurityException e) {
            errors.add(new PluginError(jar, "not a readable JAR: " + e.getMessage()));
            return new Scan(List.of(), errors);
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            errors.add(new PluginError(jar, "bad path: " + e.getMessage()));
            return new Scan(List.of(), errors);
        }
        List<StrategyFactory> factories = new ArrayList<>();
        Iterator<StrategyFactory> it = ServiceLoader.load(StrategyFactory.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                StrategyFactory factory = it.next();
                if (factory.getClass().getClassLoader() == loader) { // the platform's own kinds are not this JAR's
                    factories.add(factory);
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                errors.add(new PluginError(jar, describe(e)));
            }
        }
        if (factories.isEmpty()) {
            if (errors.isEmpty()) {
                errors.add(new PluginError(jar, "provides no strategy (no META-INF/services/"
                        + StrategyFactory.class.getName() + " entry)"));
            }
            closeQuietly(loader);
            return new Scan(List.of(), errors);
        }
        return new Scan(List.of(new Plugin(jar, loader, List.copyOf(factories))), errors);
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause);
        }
        return text.toString();
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing was loaded from it; an unclosed handle is all that is left
        }
    }
}
