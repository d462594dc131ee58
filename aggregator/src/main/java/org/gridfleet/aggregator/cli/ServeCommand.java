package org.gridfleet.aggregator.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gridfleet.aggregator.app.GridfleetServer;
import org.gridfleet.aggregator.config.ConfigException;
import org.gridfleet.aggregator.config.ConfigLoader;
import org.gridfleet.aggregator.config.GridfleetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gridfleet serve}: runs the HTTP API until SIGTERM/SIGINT, then shuts down gracefully. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the aggregator: HTTP API, health, metrics; embedded PostgreSQL unless GRIDFLEET_DB_URL is set.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (overrides GRIDFLEET_HTTP_PORT and the config file).")
    private Integer port;

    @Option(names = "--config", description = "YAML configuration file (see README, Configuration).")
    private Path configFile;

    @Override
    public Integer call() throws Exception {
        GridfleetConfig config;
        try {
            config = new ConfigLoader(Path.of(System.getProperty("user.home")))
                    .load(Optional.ofNullable(configFile), System.getenv());
            if (port != null) {
                config = config.withHttp(config.http().withPort(port));
            }
        } catch (ConfigException e) {
            System.err.println("gridfleet serve: " + e.getMessage());
            return 2;
        }
        GridfleetServer server = GridfleetServer.start(config, Clock.systemUTC(), List.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "gridfleet-shutdown"));
        System.out.println("gridfleet serving on port " + server.port());
        stopped.await();
        return 0;
    }
}
