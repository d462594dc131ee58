package org.gridfleet.aggregator.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gridfleet.aggregator.config.ControlConfig;
import org.gridfleet.aggregator.dispatch.DispatchMetrics;
import org.gridfleet.aggregator.health.VehicleWear;
import org.gridfleet.v2g.charger.ChargerControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live control tick: every {@link ControlConfig#tick()} the sessions the chargers reported and the
 * registrations go through the {@link LiveController} (the dispatcher around the schedule controller), and the
 * changed setpoints go to the chargers.
 *
 * <p>A Vert.x timer fires the tick, which runs on a one-thread worker executor: the schedule LP is CPU-heavy
 * and must not hold an event loop, and a tick still running when the timer fires again makes that firing skip,
 * so ticks never overlap and never queue up.
 */
public final class ControlLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ControlLoop.class);

    private final Vertx vertx;
    private final Clock clock;
    private final ControlConfig config;
    private final ChargerCache directory;
    private final LiveFleet fleet;
    private final ControlMetrics metrics;
    private final LiveController controller;
    private final SetpointSender sender;
    private final FleetTicks ticks;
    private final AtomicBoolean ticking = new AtomicBoolean();
    private WorkerExecutor worker;
    private long timerId = -1;

    public ControlLoop(Vertx vertx, Clock clock, ControlConfig config, ChargerCache directory, LiveFleet fleet,
                       ChargerControl chargers, DispatchMetrics dispatchMetrics, ControlMetrics metrics,
                       VehicleWear wear, GridLink grid) {
        this.vertx = vertx;
        this.clock = clock;
        this.config = config;
        this.directory = directory;
        this.fleet = fleet;
        this.metrics = metrics;
        this.controller = new LiveController(config, dispatchMetrics, fleet, wear, grid);
        this.sender = new SetpointSender(chargers);
        this.ticks = grid.ticks();
    }

    /** Starts the periodic tick. */
    public void start() {
        worker = vertx.createSharedWorkerExecutor("gridfleet-control", 1);
        timerId = vertx.setPeriodic(config.tickMs(), id -> fire());
    }

    private void fire() {
        if (!ticking.compareAndSet(false, true)) {
            return;
        }
        worker.executeBlocking(() -> {
            tick();
            return null;
        }, true).onComplete(done -> {
            ticking.set(false);
            if (done.failed()) {
                metrics.tickFailed();
                LOG.warn("control tick failed: {}", done.cause().toString(), done.cause());
            }
        });
    }

    /** One tick: state in, changed setpoints out. Worker thread only. */
    void tick() {
        long started = System.nanoTime();
        LiveController.Decision d = controller.decide(directory.view(), fleet.sessions(), fleet, clock.instant());
        sender.send(d.setpointsKw(), d.live().evseOfVehicle(), d.live().input().vehicles());
        ticks.publish(new FleetTicks.Tick(d.live().input(), d.plannedKw(), d.setpointsKw(), fleet.meteredKw(),
                d.shape().nodes(), d.shape().vehicleNode()));
        if (!d.unsolvedSites().isEmpty()) {
            metrics.scheduleUnsolved(d.unsolvedSites().size());
            LOG.warn("schedule LP found no solution for sites {}: their vehicles run on latest-start floors and"
                    + " limits alone until the next solve", d.unsolvedSites());
        }
        metrics.ticked(System.nanoTime() - started, d.live().evseOfVehicle().size());
    }

    /** Stops the timer and waits for a running tick. */
    public Future<Void> stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        return worker == null ? Future.succeededFuture() : worker.close();
    }
}
