package org.gridfleet.aggregator.live;

import static org.gridfleet.aggregator.live.LiveFixtures.NOW;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.gridfleet.aggregator.config.ControlConfig;
import org.gridfleet.aggregator.dispatch.DispatchMetrics;
import org.gridfleet.aggregator.fleet.Charger;
import org.gridfleet.aggregator.fleet.FleetRegistry.SiteWithChargers;
import org.gridfleet.aggregator.fleet.Site;
import org.gridfleet.aggregator.fleet.V2gConsent;
import org.gridfleet.aggregator.fleet.Vehicle;
import org.gridfleet.aggregator.health.VehicleWear;
import org.gridfleet.v2g.charger.EvseRef;

/**
 * Times {@link LiveController#decide} (the CPU part of a live tick) for N plugged-in vehicles spread over sites of
 * 50 chargers: the first tick (every site's LP solved) and steady ticks (allocation only). Prints figures for
 * BENCHMARKS.md; asserts nothing. Args: vehicle count (default 1000), steady ticks (default 200).
 */
public final class LiveTickBench {

    private LiveTickBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int ticks = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Random r = new Random(42);
        List<SiteWithChargers> sites = new ArrayList<>();
        List<Vehicle> vehicles = new ArrayList<>();
        List<PluggedSession> sessions = new ArrayList<>();
        for (int s = 0; s * 50 < n; s++) {
            Site site = LiveFixtures.site(s, 400, List.of());
            List<Charger> chargers = new ArrayList<>();
            for (int i = s * 50; i < Math.min(n, (s + 1) * 50); i++) {
                chargers.add(LiveFixtures.charger("CP-" + i, site.id(), 11, true));
                Vehicle v = LiveFixtures.vehicle(i, new V2gConsent.DailyCycleCap(1), List.of(), List.of());
                vehicles.add(v);
                sessions.add(new PluggedSession(new EvseRef("CP-" + i, 1), "tx-" + i, v.id().toString(),
                        0.2 + 0.6 * r.nextDouble(), null, null));
            }
            sites.add(new SiteWithChargers(site, chargers));
        }
        FleetView view = FleetView.of(sites, vehicles);
        LiveController controller = new LiveController(ControlConfig.DEFAULT, DispatchMetrics.NOOP,
                new LiveFleet(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60)), new VehicleWear(), GridLink.of(ControlConfig.DEFAULT));
        long t0 = System.nanoTime();
        controller.decide(view, sessions, (charger, now) -> 0, NOW);
        long firstNs = System.nanoTime() - t0;
        long[] steady = new long[ticks];
        for (int k = 0; k < ticks; k++) {
            long t = System.nanoTime();
            controller.decide(view, sessions, (charger, now) -> 0, NOW.plus(Duration.ofSeconds(5L * (k + 1))));
            steady[k] = System.nanoTime() - t;
        }
        Arrays.sort(steady);
        System.out.printf("vehicles=%d sites=%d first tick (LP) %.1f ms, steady tick p50 %.2f ms p99 %.2f ms%n",
                n, sites.size(), firstNs / 1e6, steady[ticks / 2] / 1e6, steady[(int) (ticks * 0.99)] / 1e6);
    }
}
