package io.rialto.core.cli;

import io.rialto.core.kernel.StrategyCatalog;
import io.rialto.core.spi.ParamSpec;
import io.rialto.core.spi.StrategyFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code rialto strategies}: the strategy kinds on the class path, with their parameters. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = "List the strategy kinds found on the class path, with their parameters and defaults.")
public final class StrategiesCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StrategyCatalog catalog = new StrategyCatalog(StrategiesCommand.class.getClassLoader());
        for (StrategyFactory factory : catalog.factories().values()) {
            out.printf("%s  (%s)%n    %s%n", factory.name(), factory.getClass().getName(), factory.description());
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
        out.flush();
        return 0;
    }
}
