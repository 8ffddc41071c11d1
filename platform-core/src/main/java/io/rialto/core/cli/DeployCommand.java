package io.rialto.core.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rialto deploy plugin.jar}: deploys a strategy plug-in JAR to a running platform. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy a strategy plug-in JAR to a running platform; strategies of the kinds it "
                + "replaces restart on the new version (POST /api/strategies).")
public final class DeployCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "JAR", description = "The plug-in JAR.")
    Path jar;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (audit-logged).")
    String reason;

    @Mixin
    OpsClient ops;

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(jar);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + jar + ": " + e);
        }
        String query = "?name=" + URLEncoder.encode(jar.getFileName().toString(), StandardCharsets.UTF_8)
                + (reason == null ? "" : "&reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
        return ops.call(ops.request("/api/strategies" + query).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
