package org.gridfleet.aggregator.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped application jar ({@code aggregator/target/gridfleet-app.jar}, built by {@code package} before the
 * ITs run) started as {@code gridfleet serve --port 0} in its own JVM, configured only by environment variables,
 * exactly as {@code ops/deploy} runs it. {@link #close()} stops it the way the container runtime does (SIGTERM).
 */
final class GridfleetProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("gridfleet serving on port (\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final List<String> output;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final int port;

    private GridfleetProcess(Process process, List<String> output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    static GridfleetProcess start(Path jar, Map<String, String> env) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -pl aggregator -am package first");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar.toString(), "serve",
                "--port", "0").redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("GRIDFLEET_"));
        pb.environment().put("GRIDFLEET_OCPP_PORT", "0"); // parallel test JVMs must not fight over 8887
        pb.environment().putAll(env);
        Process process = pb.start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(process, output, port), "gridfleet-process-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new GridfleetProcess(process, output, port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("gridfleet serve did not report its port; output:\n"
                    + String.join("\n", output), e);
        }
    }

    private static void readOutput(Process process, List<String> output, CompletableFuture<Integer> port) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                output.add(line);
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("process exited with " + process.exitValue()));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code path} until it answers 200, as a readiness probe does. */
    void awaitOk(String path, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = get(path).statusCode();
            if (last == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(path + " answered " + last + " after " + timeout + "; output:\n"
                + String.join("\n", output));
    }

    String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
