package io.rialto.core.plugin;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Builds plug-in JARs for tests: compiles sources against the test class path and packs them with a services file. */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * @param sources  class name → source
     * @param services lines of META-INF/services/io.rialto.core.spi.StrategyFactory (may name missing classes)
     */
    public static Path build(Path dir, String jarName, Map<String, String> sources, List<String> services)
            throws IOException {
        Path src = Files.createTempDirectory(dir, "src");
        Path classes = Files.createTempDirectory(dir, "classes");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            files.add(file.toString());
        }
        if (!files.isEmpty()) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                    System.getProperty("java.class.path"), "--release", "17"));
            args.addAll(files);
            if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("test plug-in did not compile");
            }
        }
        Path jar = dir.resolve(jarName);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
            jarOut.putNextEntry(new JarEntry("META-INF/services/io.rialto.core.spi.StrategyFactory"));
            jarOut.write(String.join("\n", services).getBytes(StandardCharsets.UTF_8));
            jarOut.closeEntry();
        }
        return jar;
    }

    /** Source of a factory {@code pkg.Name} making a strategy that does nothing; {@code ctorBody} runs in its constructor. */
    public static String factorySource(String pkg, String name, String kind, String ctorBody) {
        return "package " + pkg + ";\n"
                + "import io.rialto.core.spi.*;\n"
                + "import java.util.List;\n"
                + "public final class " + name + " implements StrategyFactory {\n"
                + "  public " + name + "() { " + ctorBody + " }\n"
                + "  public String name() { return \"" + kind + "\"; }\n"
                + "  public String description() { return \"test kind " + kind + "\"; }\n"
                + "  public List<ParamSpec> params() { return List.of(ParamSpec.ofLong(\"qty\", 1, 1, 10, \"lots\")); }\n"
                + "  public Strategy create(StrategyParams p) { return new Strategy() { }; }\n"
                + "}\n";
    }
}
