package org.gridfleet.aggregator.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import java.util.function.Function;
import org.gridfleet.aggregator.config.HttpConfig;

/** Serves one router on the configured host and port, over TLS when configured, behind the {@link PathGuard}. */
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
        HttpServerOptions options = new HttpServerOptions().setHost(config.host()).setPort(config.port());
        config.tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(tls.certPath().toString()).setKeyPath(tls.keyPath().toString())));
        return vertx.createHttpServer(options)
                .requestHandler(new PathGuard(routerFactory.apply(vertx)))
                .listen()
                .onSuccess(s -> actualPort = s.actualPort());
    }

    /** The bound port once started. */
    public int actualPort() {
        return actualPort;
    }
}
