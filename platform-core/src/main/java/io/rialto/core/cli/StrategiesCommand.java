package io.rialto.core.cli;

import com.typesafe.config.Config;
import io.rialto.core.config.ConfigError;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.config.RialtoSettings;
import io.rialto.core.kernel.StrategyCatalog;
import io.rialto.core.plugin.PluginLoader;
import io.rialto.core.spi.ParamSpec;
import io.rialto.core.spi.StrategyFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code rialto strategies}: the strategy kinds on the class path, with their parameters. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = "List the strategy kinds, built in and from plug-in JARs, with their parameters and defaults.")
public final class StrategiesCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--config", paramLabel = "FILE",
            description = "Configuration, for rialto.plugins.dir (default: conf/application.conf when it exists).")
    private Path config;

    private Path configFile() {
        if (config != null) {
            return config;
        }
        return Files.isReadable(RunCommand.DEFAULT_CONFIG) ? RunCommand.DEFAULT_CONFIG : null;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StrategyCatalog catalog;
        try {
            Config config = ConfigLoader.load(configFile(), List.of(), Map.of());
            catalog = StrategyCatalog.discover(StrategiesCommand.class.getClassLoader(),
                    RialtoSettings.create(config).pluginsDir());
        } catch (ConfigError e) {
            spec.commandLine().getErr().println("rialto: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return CommandLine.ExitCode.USAGE;
        }
        for (StrategyCatalog.Kind kind : catalog.kinds().values()) {
            StrategyFactory factory = kind.factory();
            out.printf("%s  (%s, %s)%n    %s%n", factory.name(), kind.source(), factory.getClass().getName(),
                    factory.description());
            for (ParamSpec p : factory.params()) {
                String range = switch (p.type()) {
                    case LONG -> " in [" + (long) p.min() + ", " + (long) p.max() + "]";
                    case DOUBLE -> " in [" + p.min() + ", " + p.max() + "]";
                    default -> "";
                };
                out.printf("    %-20s %-7s default %-8s%s  %s%n", p.name(), p.type().name().toLowerCase(),
                        p.defaultValue(), range, p.description());
            }
        }
        for (PluginLoader.PluginError error : catalog.pluginErrors()) {
            spec.commandLine().getErr().println("rialto: plug-in not loaded: " + error);
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return 0;
    }
}
