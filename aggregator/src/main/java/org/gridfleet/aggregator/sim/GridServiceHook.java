package org.gridfleet.aggregator.sim;

import org.gridfleet.aggregator.dispatch.DeliveryLog;
import org.gridfleet.aggregator.dispatch.DispatchConfig;
import org.gridfleet.aggregator.dispatch.DispatchMetrics;
import org.gridfleet.aggregator.dispatch.DispatchRecord;
import org.gridfleet.aggregator.dispatch.GridServiceController;
import org.gridfleet.aggregator.dispatch.MarketWindow;
import org.gridfleet.aggregator.dispatch.SocBalancing;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.dr.DemandResponseLimit;
import org.gridfleet.market.dr.DemandResponseLimits;
import org.gridfleet.market.dr.LimitDirection;
import org.gridfleet.market.replay.SignalCsvReader;
import org.gridfleet.v2g.control.ChargingController;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plugs the grid-service dispatcher into the simulator: the scenario's {@code regulation} and {@code fcr} windows
 * become {@link MarketWindow}s followed by a {@link GridServiceController} around the simulator's controller, and
 * {@code dr-import-limit} windows become demand-response caps it honours; a {@link DeliveryLog} scores what the
 * site meters saw. Trace columns carry the fleet's request and baseline on every site row. Power in kW, + = import.
 */
public final class GridServiceHook implements SiteTargetSource {

    private final List<MarketWindow> windows;
    private final List<String> products;
    private final DemandResponseLimits limits;
    private final double leadSeconds;
    private DeliveryLog log = new DeliveryLog(DeliveryLog.Prices.ofDefaults());
    private GridServiceController controller;
    private Instant loggedAt;

    private GridServiceHook(List<MarketWindow> windows, List<String> products, DemandResponseLimits limits,
                            double leadSeconds) {
        this.windows = windows;
        this.products = products;
        this.limits = limits;
        this.leadSeconds = leadSeconds;
    }

    /**
     * The hook for a validated scenario; signal paths resolve against {@code baseDirectory}. A window of 0 kW
     * has nothing to deliver and is left out.
     *
     * @throws ScenarioException naming the field when a signal file cannot be read as a signal
     */
    public static GridServiceHook of(Scenario s, Path baseDirectory) throws ScenarioException {
        List<MarketWindow> windows = new ArrayList<>();
        List<String> products = new ArrayList<>();
        List<DemandResponseLimit> caps = new ArrayList<>();
        for (int k = 0; k < s.markets().size(); k++) {
            Scenario.Market m = s.markets().get(k);
            DeliveryPeriod period = new DeliveryPeriod(m.from(), m.to());
            if ("dr-import-limit".equals(m.product())) {
                caps.add(new DemandResponseLimit(m.site(), LimitDirection.IMPORT, m.limitKw(), period));
            } else if (m.capacityKw() > 0) {
                boolean regulation = "regulation".equals(m.product());
                String field = "markets[" + k + "]." + (regulation ? "signal" : "frequency");
                windows.add(new MarketWindow(m.product() + "-" + k,
                        regulation ? ProductKind.REGULATION : ProductKind.FREQUENCY_CONTAINMENT, period,
                        m.capacityKw(), read(field, regulation ? m.signal() : m.frequency(), baseDirectory)));
                products.add(m.product());
            }
        }
        // the signal is extrapolated over the command latency plus 0.2 s of ramp, at most a minute
        double lead = Math.min(60, s.chargers().commandLatencyMs() / 1000.0 + 0.2);
        return new GridServiceHook(List.copyOf(windows), List.copyOf(products), new DemandResponseLimits(caps), lead);
    }

    private static SampledSeries read(String field, Scenario.Signal signal, Path baseDirectory)
            throws ScenarioException {
        try {
            return SignalCsvReader.read(baseDirectory.resolve(signal.file()), signal.column(), signal.firstRowAt());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ScenarioException(field + ".file", e.getMessage());
        }
    }

    @Override
    public int stepSecondsAt(Instant now, int scheduledSeconds) {
        long step = scheduledSeconds;
        for (MarketWindow w : windows) {
            if (w.period().contains(now)) {
                long signalSeconds = Math.max(1, w.signal().step().toSeconds());
                return (int) Math.min(signalSeconds, Duration.between(now, w.period().end()).toSeconds());
            }
            if (w.period().start().isAfter(now)) {
                step = Math.min(step, Duration.between(now, w.period().start()).toSeconds());
            }
        }
        return (int) Math.max(1, step);
    }

    @Override
    public ChargingController wrap(ChargingController schedule) {
        log = new DeliveryLog(DeliveryLog.Prices.ofDefaults());
        controller = new GridServiceController(schedule, windows, limits,
                DispatchConfig.ofDefaults().withLeadSeconds(leadSeconds), SocBalancing.ofDefaults(),
                DispatchMetrics.NOOP, Map.of());
        return controller;
    }

    @Override
    public Map<String, Double> targetsKw(Instant now) {
        return Map.of();    // the dispatcher acts inside the wrapped controller
    }

    @Override
    public void metered(Instant stepStart, String siteId, double evKw) {
        MarketWindow w = controller == null ? null : controller.windowAt(stepStart);
        if (w == null || !stepStart.equals(controller.lastAt())) {
            return;
        }
        if (!stepStart.equals(loggedAt)) {
            log.step(w, stepStart, w.signalAt(stepStart), controller.lastRecord());
            loggedAt = stepStart;
        }
        log.metered(stepStart, evKw);
    }

    @Override
    public MarketTrace trace(Instant now, String siteId) {
        MarketWindow w = controller == null ? null : controller.windowAt(now);
        if (w == null || !now.equals(controller.lastAt())) {
            return null;
        }
        DispatchRecord r = controller.lastRecord();
        return new MarketTrace(r.requestedKw(), r.baselineKw(), products.get(windows.indexOf(w)), w.signalAt(now));
    }

    @Override
    public List<SimulationReport.MarketResult> results() {
        List<SimulationReport.MarketResult> out = new ArrayList<>();
        for (DeliveryLog.WindowResult r : log.results()) {
            out.add(new SimulationReport.MarketResult(products.get(windows.indexOf(r.window())),
                    r.window().capacityKw(), new SimulationReport.Score(r.score().accuracy(), r.score().delay(),
                    r.score().precision(), r.score().composite()), r.hours(), r.scoredHours(), r.fullHours(),
                    r.revenue()));
        }
        return out;
    }

    @Override
    public double revenue() {
        double sum = 0;
        for (DeliveryLog.WindowResult r : log.results()) {
            sum += r.revenue();
        }
        return sum;
    }
}
