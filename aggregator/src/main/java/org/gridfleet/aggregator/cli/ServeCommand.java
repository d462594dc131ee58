package org.gridfleet.aggregator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gridfleet.aggregator.app.GridfleetServer;
import org.gridfleet.aggregator.config.ConfigException;
import org.gridfleet.aggregator.config.ConfigLoader;
import org.gridfleet.aggregator.config.GridfleetConfig;
import org.gridfleet.aggregator.openadr.OpenAdrConfig;
import org.gridfleet.aggregator.openadr.ven.VenClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridfleet serve}: runs the HTTP API (with the OpenADR 3 VTN and the market desk), the OCPP gateway, the
 * control loop and, when configured, the OpenADR VEN client until SIGTERM/SIGINT, then
 * shuts down gracefully. Exit 2 for a bad configuration, 1 when the server cannot start (the reason is logged
 * and printed, and a start that hangs is given up after {@link #START_TIMEOUT}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the aggregator: HTTP API, OCPP gateway, control loop, health, metrics; "
                + "embedded PostgreSQL unless GRIDFLEET_DB_URL is set.")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    /** Covers a first start of the embedded PostgreSQL (initdb) and the migrations on this kind of machine. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", description = "HTTP port (overrides GRIDFLEET_HTTP_PORT and the config file).")
    private Integer port;

    @Option(names = "--config", description = "YAML configuration file (see README, Configuration).")
    private Path configFile;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        GridfleetConfig config;
        OpenAdrConfig openAdr;
        try {
            config = new ConfigLoader(Path.of(System.getProperty("user.home")))
                    .load(Optional.ofNullable(configFile), System.getenv());
            if (port != null) {
                config = config.withHttp(config.http().withPort(port));
            }
            openAdr = OpenAdrConfig.fromEnv(System.getenv(), config.http().port());
        } catch (ConfigException e) {
            err.println("gridfleet serve: " + e.getMessage());
            return 2;
        }
        GridfleetServer server;
        try {
            server = startWithin(config, openAdr, START_TIMEOUT);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            String reason = e instanceof TimeoutException
                    ? "did not start within " + START_TIMEOUT.toSeconds() + " s" : reasonOf(cause);
            LOG.error("gridfleet serve: cannot start: {}", reason, cause);
            err.println("gridfleet serve: cannot start: " + reason);
            return 1;
        }
        Optional<VenClient> ven = startVen(server, openAdr, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ven.ifPresent(VenClient::stop);
            server.close();
            stopped.countDown();
        }, "gridfleet-shutdown"));
        spec.commandLine().getOut().println("gridfleet serving on port " + server.port()
                + ", OCPP on port " + server.ocppPort());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    /**
     * Enrols the running server as a VEN at the utility's VTN when {@link OpenAdrConfig#ven()} is set: its events
     * reach the live loop as the VTN face's do. Never fails the start: a VTN that cannot be reached is retried every
     * poll interval while local control runs on.
     */
    public static Optional<VenClient> startVen(GridfleetServer server, OpenAdrConfig openAdr, Clock clock) {
        return openAdr.ven().map(config -> {
            LOG.info("OpenADR VEN {} enrolling at {}, polling every {}", config.venName(), config.vtnBaseUrl(),
                    config.pollInterval());
            return server.gridFaces().openAdr().startVen(server.vertx(), clock, config);
        });
    }

    /** Starts on a daemon thread, so a start stuck in a library cannot keep the process from exiting. */
    private static GridfleetServer startWithin(GridfleetConfig config, OpenAdrConfig openAdr, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        CompletableFuture<GridfleetServer> started = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                started.complete(GridfleetServer.start(config, openAdr, Clock.systemUTC(), List.of()));
            } catch (Exception | Error e) {
                started.completeExceptionally(e);
            }
        }, "gridfleet-start");
        starter.setDaemon(true);
        starter.start();
        return started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The messages of the cause chain, outermost first, without repeats. */
    static String reasonOf(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
            if (out.indexOf(m) < 0) {
                out.append(out.length() == 0 ? "" : ": ").append(m);
            }
        }
        return out.toString();
    }
}
