package org.gridfleet.aggregator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.dr.DemandResponseLimits;
import org.gridfleet.market.replay.SignalCsvReader;
import org.gridfleet.v2g.control.ControlInput;
import org.gridfleet.v2g.control.PriceCurve;
import org.gridfleet.v2g.control.Tariff;
import org.gridfleet.v2g.control.VehicleEnvelope;
import org.gridfleet.v2g.control.VehicleState;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid-service controller and delivery log over recorded signals (PJM RegD 22 July 2020, RTE frequency), with a
 * plant that applies each setpoint after a command latency: scores, full hours and the FCR delivery error.
 */
class DispatchOverSignalsTest {

    private static final Instant T0 = Instant.parse("2026-01-15T00:00:00Z");
    private static final Duration STEP = Duration.ofSeconds(2);

    /** Runs {@code hours} of a window over 60 vans (±7 kW each); setpoints act {@code latencySteps} steps late. */
    private static DeliveryLog.WindowResult run(MarketWindow window, int hours, int latencySteps) {
        List<VehicleState> vans = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            vans.add(new VehicleState("v" + i, "depot", 60, 0.4 + 0.004 * i, 0.2, 0.6, T0.plus(Duration.ofHours(12)),
                    7, 7, 0.93, 0.02 + 0.001 * i, false));
        }
        GridServiceController c = new GridServiceController(input -> Map.of(), List.of(window),
                new DemandResponseLimits(List.of()), DispatchConfig.ofDefaults(), SocBalancing.ofDefaults(),
                DispatchMetrics.NOOP, Map.of());
        DeliveryLog log = new DeliveryLog(DeliveryLog.Prices.ofDefaults());
        List<Map<String, Double>> pending = new ArrayList<>();
        Map<String, Double> actual = new HashMap<>();
        Tariff tariff = new Tariff(PriceCurve.constant(0.2), PriceCurve.constant(0.05), 0);
        for (Instant t = T0; t.isBefore(T0.plus(Duration.ofHours(hours))); t = t.plus(STEP)) {
            Map<String, Double> sp = c.control(new ControlInput(t, STEP, vans, DispatchFixtures.depot(1000), tariff,
                    Map.of()));
            log.step(window, t, window.signalAt(t), c.lastRecord());
            pending.add(new HashMap<>(sp));
            if (pending.size() > latencySteps) {
                actual = pending.remove(0);
            }
            double fleetKw = 0;
            List<VehicleState> next = new ArrayList<>(vans.size());
            for (VehicleState v : vans) {
                double kw = actual.getOrDefault(v.vehicleId(), 0.0);
                fleetKw += kw;
                next.add(v.withEnergyKwh(v.energyKwh() + VehicleEnvelope.batteryDeltaKwh(kw, v.efficiency(),
                        STEP.toMillis() / 3_600_000.0)));
                assertThat(v.soc()).isGreaterThanOrEqualTo(v.reserveSoc() - 1e-9);
            }
            vans = next;
            log.metered(t, fleetKw);
        }
        return log.results().get(0);
    }

    @Test
    void regulationShouldScoreNearPerfectWhenTheFleetCoversTheAwardWithoutLatency() {
        // GIVEN 100 kW of RegD (22 July 2020, 00:00-02:00) on 60 vans of ±7 kW
        SampledSeries regd = SignalCsvReader.read(Path.of("../reference/pjm/regd_2020-07-22_2s.csv"), "regd", T0);
        MarketWindow w = new MarketWindow("regd", ProductKind.REGULATION, DeliveryPeriod.of(T0, Duration.ofHours(2)),
                100, regd);
        // WHEN the plant follows within the step
        DeliveryLog.WindowResult r = run(w, 2, 0);
        // THEN the PJM composite is close to 1, every hour is delivered in full and credits are earned
        assertThat(r.score().composite()).isGreaterThan(0.97);
        assertThat(r.fullHoursShare()).isEqualTo(1.0);
        assertThat(r.revenue()).isPositive();
    }

    @Test
    void regulationShouldScoreLowerWhenChargersAnswerFourSecondsLate() {
        SampledSeries regd = SignalCsvReader.read(Path.of("../reference/pjm/regd_2020-07-22_2s.csv"), "regd", T0);
        MarketWindow w = new MarketWindow("regd", ProductKind.REGULATION, DeliveryPeriod.of(T0, Duration.ofHours(1)),
                100, regd);
        double prompt = run(w, 1, 0).score().composite();
        double late = run(w, 1, 2).score().composite();
        assertThat(late).isLessThan(prompt).isGreaterThan(0.8);
    }

    @Test
    void fcrShouldTrackTheDroopWhenTheFleetCoversTheCapacity() {
        // GIVEN 100 kW of FCR on the RTE frequency of 1 March 2016
        SampledSeries hz = SignalCsvReader.read(Path.of("../reference/frequency/rte_france_2016-03-01_to_03_10s.csv"),
                "freq_hz", T0);
        MarketWindow w = new MarketWindow("fcr", ProductKind.FREQUENCY_CONTAINMENT,
                DeliveryPeriod.of(T0, Duration.ofHours(1)), 100, hz);
        // WHEN the plant follows within the step
        DeliveryLog.WindowResult r = run(w, 1, 0);
        // THEN the mean delivery error stays within 2 % of the capacity
        assertThat(r.fcrError()).isNotNull();
        assertThat(r.fcrError().meanAbsErrorRatio()).isLessThan(0.02);
        assertThat(r.fullHoursShare()).isEqualTo(1.0);
    }
}
