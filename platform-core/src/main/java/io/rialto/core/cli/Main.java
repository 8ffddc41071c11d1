package io.rialto.core.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rialto} command line. Exit codes: 0 success, 1 a failure while running (including a
 * run whose reconciliation found a discrepancy), 2 bad usage, option or configuration.
 */
@Command(name = "rialto", mixinStandardHelpOptions = true, version = "Rialto 0.1.0",
        description = "Actor-based multi-strategy trading platform.",
        subcommands = {RunCommand.class, MatchCommand.class, StrategiesCommand.class, StatusCommand.class,
                KillCommand.class, StrategyCommand.class, DeployCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((ex, args) -> {
                    CommandLine cmd = ex.getCommandLine();
                    cmd.getErr().println("rialto: " + ex.getMessage());
                    if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr())) {
                        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
                    }
                    return CommandLine.ExitCode.USAGE;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
