package org.gridfleet.aggregator.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.function.Function;
import org.gridfleet.aggregator.config.HttpConfig;

/** Serves one router on the configured host and port. */
public final class HttpServerVerticle extends VerticleBase {

    private final HttpConfig config;
    private final Function<Vertx, Router> routerFactory;
    private volatile int actualPort;

    public HttpServerVerticle(HttpConfig config, Function<Vertx, Router> routerFactory) {
        this.config = config;
        this.routerFactory = routerFactory;
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port()))
                .requestHandler(new PathGuard(routerFactory.apply(vertx)))
                .listen()
                .onSuccess(s -> actualPort = s.actualPort());
    }

    /** The bound port once started. */
    public int actualPort() {
        return actualPort;
    }
}
