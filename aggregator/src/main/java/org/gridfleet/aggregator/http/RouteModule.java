package org.gridfleet.aggregator.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * A module's HTTP surface, mounted by {@link Application} under {@link #mountPoint()} of the one
 * server. The module decides its own authentication; {@link ApiContext#auth()} is the shared bearer
 * handler, and failures reaching the root router become problem+json.
 */
public interface RouteModule {

    /** Path prefix without a trailing slash, e.g. {@code /openadr/3}. */
    String mountPoint();

    /** Builds the module's router; called once, on the event loop of the HTTP verticle. */
    Router router(Vertx vertx, ApiContext context);
}
