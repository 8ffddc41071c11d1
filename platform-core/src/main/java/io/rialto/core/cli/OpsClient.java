package io.rialto.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The options and the HTTP client shared by the commands that talk to a running platform's operations API
 * ({@code status}, {@code kill}, {@code strategy}, {@code deploy}). The token comes from the
 * {@code RIALTO_OPS_TOKEN} environment variable (or the {@code rialto.ops.token} system property), never
 * from the command line, where other users could read it. Exit codes: 0 done, 1 the platform answered an
 * error (printed) or could not be reached, 2 bad usage.
 */
public final class OpsClient {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--ops-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "Operations API of the running platform (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the platform's answer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    private static String token() {
        String token = System.getenv("RIALTO_OPS_TOKEN");
        if (token == null || token.isBlank()) {
            token = System.getProperty("rialto.ops.token");
        }
        return token == null || token.isBlank() ? null : token;
    }

    HttpRequest.Builder request(String path) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(timeoutSeconds));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--ops-url " + url + ": " + e.getMessage());
        }
        String token = token();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Sends the request, prints the answer (pretty JSON) to out, or the error to err; returns the exit code. */
    int call(HttpRequest request, PrintWriter out, PrintWriter err) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            err.println("rialto: cannot reach the platform at " + url + " (is it running? --ops-url)");
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        } catch (IOException e) {
            err.println("rialto: " + url + ": " + e);
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandLine.ExitCode.SOFTWARE;
        }
        String body = pretty(response.body());
        if (response.statusCode() / 100 == 2) {
            out.println(body);
            out.flush();
            return CommandLine.ExitCode.OK;
        }
        err.println("rialto: the platform answered " + response.statusCode() + ": " + body);
        if (response.statusCode() == 401) {
            err.println("rialto: set RIALTO_OPS_TOKEN to the platform's rialto.ops.token");
        }
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    private static String pretty(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? body : MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            return body;
        }
    }
}
