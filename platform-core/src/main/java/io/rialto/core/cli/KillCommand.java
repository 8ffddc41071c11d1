package io.rialto.core.cli;

import io.rialto.core.domain.RiskScope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code rialto kill}: pulls the kill switch of a running platform. */
@Command(name = "kill", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Pull the kill switch of a running platform: halt the scope and cancel its open orders "
                + "(POST /api/kill-switch).")
public final class KillCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--scope", required = true, paramLabel = "SCOPE",
            description = "global, account, strategy, instrument or venue.")
    RiskScope scope;

    @Option(names = "--target", paramLabel = "ID", description = "The account, strategy, instrument or venue "
            + "(omitted for global).")
    String target;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (audit-logged).")
    String reason;

    @Mixin
    OpsClient ops;

    @Override
    public Integer call() {
        if ((scope == RiskScope.GLOBAL) != (target == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), scope == RiskScope.GLOBAL
                    ? "--scope global takes no --target" : "--scope " + scope.name().toLowerCase(Locale.ROOT)
                    + " needs --target");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", scope.name().toLowerCase(Locale.ROOT));
        if (target != null) {
            body.put("target", target);
        }
        body.put("reason", reason);
        return ops.call(ops.request("/api/kill-switch").header("Content-Type", "application/json")
                .POST(OpsClient.json(body)).build(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
