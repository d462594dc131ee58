package org.gridfleet.aggregator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.openadr.grid.EventInterpreter;
import org.gridfleet.aggregator.openadr.grid.EventReportBuilder;
import org.gridfleet.aggregator.openadr.grid.GridObligationListener;
import org.gridfleet.aggregator.openadr.grid.ShedLevels;
import org.gridfleet.aggregator.openadr.ven.VenClient;
import org.gridfleet.aggregator.openadr.ven.VenClientConfig;
import org.gridfleet.v2g.control.ControlInput;
import org.gridfleet.v2g.control.PriceCurve;
import org.gridfleet.v2g.control.ScheduledController;
import org.gridfleet.v2g.control.ScheduledControllerConfig;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.Tariff;
import org.gridfleet.v2g.control.VehicleState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, "market and VTN outages: local control never waits on them". A VTN that accepts the connection and
 * never answers (the worst outage: nothing fails fast) while the VEN client enrols, and the control core ticking on
 * the same Vert.x event loop: every tick runs while the VEN's call is still hanging (a VEN that held the loop would
 * let the ticks run only after its call ended); the VEN's call then fails on its request timeout after its retries.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class VtnOutageIT {
    private static final int TICKS = 10;
    private static final long TICK_MS = 100;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final double SITE_LIMIT_KW = 20;

    @Test
    void controlShouldKeepTickingWhenTheVtnHangs(Vertx vertx, VertxTestContext testContext) {
        // GIVEN a VTN that never answers, and the control core for a 20 kW site with three 11 kW vans
        Clock clock = Clock.systemUTC();
        EventInterpreter interpreter = new EventInterpreter(clock, ShedLevels.ofDefaults());
        Context loop = vertx.getOrCreateContext();
        vertx.createHttpServer().requestHandler(request -> { }).listen(0).onComplete(testContext.succeeding(vtn -> {
            VenClient ven = new VenClient(vertx, clock, new VenClientConfig("http://localhost:" + vtn.actualPort(),
                    "id", "secret", "gridfleet", List.of("depot"), VenClientConfig.DEFAULT_POLL_INTERVAL,
                    REQUEST_TIMEOUT, 2, Duration.ofMillis(50), VenClientConfig.DEFAULT_BREAKER_OPEN_DURATION),
                    interpreter, new EventReportBuilder(interpreter, (t, f, to) -> Future.failedFuture("unused")),
                    GridObligationListener.NOOP);
            ScheduledController control = new ScheduledController(ScheduledControllerConfig.ofDefaults());
            loop.runOnContext(v -> {
                // WHEN the VEN enrols and the control loop ticks on the same event loop
                Future<Void> enrolment = ven.start();
                List<Double> siteKw = new ArrayList<>();
                vertx.setPeriodic(TICK_MS, TICK_MS, timer -> {
                    siteKw.add(tick(control, clock.instant()));
                    if (siteKw.size() < TICKS) {
                        return;
                    }
                    vertx.cancelTimer(timer);
                    boolean pendingAfterTicks = !enrolment.isComplete();
                    enrolment.onComplete(ar -> testContext.verify(() -> {
                        // THEN all ticks ran while the VEN still waited, within the site limit, and the VEN failed
                        assertThat(pendingAfterTicks).as("VEN call still hanging after %d ticks", TICKS).isTrue();
                        assertThat(siteKw).allSatisfy(kw -> assertThat(kw).isLessThanOrEqualTo(SITE_LIMIT_KW));
                        assertThat(ar.failed()).as("enrolment against a silent VTN").isTrue();
                        vtn.close();
                        testContext.completeNow();
                    }));
                });
            });
        }));
    }

    /** One control step of three vans wanting 11 kW each; returns the site's EV power, kW. */
    private static double tick(ScheduledController control, Instant now) {
        List<VehicleState> vans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            vans.add(new VehicleState("van-" + i, "depot", 60, 0.3, 0.2, 0.9, now.plus(Duration.ofHours(4)), 11, 0,
                    0.95, 0, false));
        }
        Map<String, Double> setpoints = control.control(new ControlInput(now, Duration.ofMinutes(1), vans,
                Map.of("depot", new SiteState("depot", SITE_LIMIT_KW, 5, 0, 0)),
                new Tariff(PriceCurve.constant(0.2), PriceCurve.constant(0), 0), Map.of()));
        return setpoints.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
