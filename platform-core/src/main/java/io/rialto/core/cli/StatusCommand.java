package io.rialto.core.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code rialto status}: the running platform's mode, venues, strategies and counters. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the status of a running platform (GET /api/status).")
public final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    OpsClient ops;

    @Override
    public Integer call() {
        return ops.call(ops.request("/api/status").GET().build(), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
