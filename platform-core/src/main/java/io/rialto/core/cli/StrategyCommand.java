package io.rialto.core.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code rialto strategy stop|start ID}: stops or starts one strategy on a running platform. */
@Command(name = "strategy", mixinStandardHelpOptions = true,
        description = "Stop or start a strategy on a running platform.",
        subcommands = {StrategyCommand.Stop.class, StrategyCommand.Start.class})
public final class StrategyCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: stop or start");
    }

    static String path(String id, String action) {
        return "/api/strategies/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/" + action;
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop a strategy; its open orders are cancelled (POST /api/strategies/ID/stop).")
    static final class Stop implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The strategy id.")
        String id;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (audit-logged).")
        String reason;

        @Mixin
        OpsClient ops;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (reason != null) {
                body.put("reason", reason);
            }
            return ops.call(ops.request(path(id, "stop")).header("Content-Type", "application/json")
                    .POST(OpsClient.json(body)).build(), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Start a strategy from a declaration (POST /api/strategies/ID/start).")
    static final class Start implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The new strategy's id.")
        String id;

        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "The strategy kind.")
        String kind;

        @Option(names = "--symbols", required = true, split = ",", paramLabel = "SYMBOL",
                description = "Symbols it trades, comma-separated.")
        List<String> symbols = new ArrayList<>();

        @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "Its account.")
        String account;

        @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A parameter (repeatable).")
        Map<String, String> params = new LinkedHashMap<>();

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (audit-logged).")
        String reason;

        @Mixin
        OpsClient ops;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", kind);
            body.put("symbols", symbols);
            body.put("account", account);
            body.put("params", params);
            if (reason != null) {
                body.put("reason", reason);
            }
            return ops.call(ops.request(path(id, "start")).header("Content-Type", "application/json")
                    .POST(OpsClient.json(body)).build(), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
