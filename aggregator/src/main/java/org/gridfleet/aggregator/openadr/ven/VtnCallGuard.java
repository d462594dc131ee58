package org.gridfleet.aggregator.openadr.ven;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Resilience4j around Vert.x futures, by hand: each attempt asks the circuit breaker for permission and
 * records its outcome; failed attempts are retried with exponential back-off on Vert.x timers. Nothing
 * blocks. 4xx answers and an open circuit are not retried.
 */
public final class VtnCallGuard {

    private final Vertx vertx;
    private final Retry retry;
    private final CircuitBreaker breaker;

    public VtnCallGuard(Vertx vertx, VenClientConfig config) {
        this.vertx = vertx;
        this.retry = Retry.of("gridfleet-openadr-vtn", RetryConfig.custom()
                .maxAttempts(config.retryMaxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(config.retryBackoff(), 2.0))
                .retryOnException(e -> !(e instanceof CallNotPermittedException)
                        && !(e instanceof VtnCallException call && !call.retryable()))
                .build());
        this.breaker = CircuitBreaker.of("gridfleet-openadr-vtn", CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(config.breakerOpenDuration())
                .ignoreException(e -> e instanceof VtnCallException call && !call.retryable())
                .build());
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    public <T> Future<T> call(Supplier<Future<T>> call) {
        Promise<T> promise = Promise.promise();
        attempt(call, retry.asyncContext(), promise);
        return promise.future();
    }

    private <T> void attempt(Supplier<Future<T>> call, Retry.AsyncContext<T> context, Promise<T> promise) {
        guarded(call).onComplete(ar -> {
            if (ar.succeeded()) {
                context.onComplete();
                promise.complete(ar.result());
                return;
            }
            long delayMs = context.onError(ar.cause());
            if (delayMs < 0) {
                promise.fail(ar.cause());
            } else {
                vertx.setTimer(Math.max(1, delayMs), t -> attempt(call, context, promise));
            }
        });
    }

    private <T> Future<T> guarded(Supplier<Future<T>> call) {
        if (!breaker.tryAcquirePermission()) {
            return Future.failedFuture(CallNotPermittedException.createCallNotPermittedException(breaker));
        }
        long start = breaker.getCurrentTimestamp();
        return call.get().onComplete(ar -> {
            long elapsed = breaker.getCurrentTimestamp() - start;
            if (ar.succeeded()) {
                breaker.onSuccess(elapsed, breaker.getTimestampUnit());
            } else {
                breaker.onError(elapsed, breaker.getTimestampUnit(), ar.cause());
            }
        });
    }
}
