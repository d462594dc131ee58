package org.gridfleet.aggregator.openadr.ven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridfleet.aggregator.openadr.grid.EventInterpreter;
import org.gridfleet.aggregator.openadr.grid.EventReportBuilder;
import org.gridfleet.aggregator.openadr.grid.GridObligationListener;
import org.gridfleet.aggregator.openadr.grid.ShedLevels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A VTN that answers 503 to everything: the VEN client retries, then the breaker opens and calls fail fast. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class VenClientOutageIT {

    @Test
    void startShouldFailFastWithOpenBreakerWhenVtnKeepsFailing(Vertx vertx, VertxTestContext testContext) {
        // GIVEN a VTN that is down (503 on every request)
        AtomicInteger hits = new AtomicInteger();
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
        EventInterpreter interpreter = new EventInterpreter(clock, ShedLevels.ofDefaults());
        vertx.createHttpServer().requestHandler(r -> {
            hits.incrementAndGet();
            r.response().setStatusCode(503).end();
        }).listen(0).compose((HttpServer server) -> {
            VenClient ven = new VenClient(vertx, clock,
                    VenClientConfig.of("http://localhost:" + server.actualPort(), "id", "secret", "gridfleet", List.of("s1"))
                            .withRetry(3, Duration.ofMillis(5)),
                    interpreter, new EventReportBuilder(interpreter, (t, f, to) -> Future.failedFuture("unused")),
                    GridObligationListener.NOOP);
            // WHEN it tries to start twice, then once more
            return ven.start().recover(e -> ven.start()).recover(e -> ven.start()).transform(ar -> {
                testContext.verify(() -> {
                    // THEN each start failed without blocking, the breaker opened, and the last call never reached the VTN
                    assertThat(ar.failed()).isTrue();
                    assertThat(ven.guard().breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
                    assertThat(ar.cause()).isInstanceOf(CallNotPermittedException.class);
                    assertThat(hits.get()).isEqualTo(5);
                });
                return server.close();
            });
        }).onComplete(testContext.succeedingThenComplete());
    }
}
