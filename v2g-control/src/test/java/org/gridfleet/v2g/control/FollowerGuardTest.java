package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.v2g.control.Fixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FollowerGuardTest {
    private static final Duration STEP = Duration.ofMinutes(1);
    private static final Duration MARGIN = Duration.ofMinutes(30);
    private static final Map<String, SiteState> SITE = Fixtures.sites(Fixtures.site(20, 0));
    private static final Tariff TARIFF = Fixtures.flat(0.2, 0);

    /** The controller being guarded: asks for fixed setpoints and records what the guard showed it. */
    private static final class Scripted implements ChargingController {
        final List<ControlInput> seen = new ArrayList<>();
        Map<String, Double> next = Map.of();

        @Override
        public Map<String, Double> control(ControlInput input) {
            seen.add(input);
            return next;
        }

        ControlInput last() {
            return seen.get(seen.size() - 1);
        }
    }

    private final Scripted inner = new Scripted();
    private final MeterReadings readings = new MeterReadings();
    private final FollowerGuard guard = new FollowerGuard(inner, readings, 0.05, MARGIN);
    private long sequence;

    private static VehicleState van(String id, double soc) {
        return Fixtures.vehicle(id, soc, 0.9, 10, 11, 0);
    }

    private void meter(String id, Instant at, double kw, double importKwh) {
        readings.accept(new MeterReading(id, sequence++, at, kw, importKwh, 0));
    }

    private Map<String, Double> step(Instant now, Map<String, Double> wanted, VehicleState... vehicles) {
        inner.next = wanted;
        return guard.control(new ControlInput(now, STEP, List.of(vehicles), SITE, TARIFF, Map.of()));
    }

    @Test
    void controlShouldFreeNoRoomWhenALoweredChargerHasNotYetMeteredTheDrop() {
        // GIVEN a at 10 kW on a 20 kW site, metered at 10 kW
        step(T0, Map.of("a", 10.0, "b", 0.0), van("a", 0.5), van("b", 0.5));
        meter("a", T0.plus(STEP), 10, 0.2);
        meter("b", T0.plus(STEP), 0, 0);
        // WHEN the controller moves the power from a to b
        var out = step(T0.plus(STEP), Map.of("a", 0.0, "b", 15.0), van("a", 0.5), van("b", 0.5));
        // THEN b only gets what fits while a may still draw 10 kW
        assertThat(out.get("a")).isZero();
        assertThat(out.get("b")).isCloseTo(10, within(1e-9));
    }

    @Test
    void controlShouldCountAChargerThatIgnoresItsSetpointAsBaseLoadWhenItKeepsItsPower() {
        // GIVEN a lowered from 10 to 0 kW
        step(T0, Map.of("a", 10.0, "b", 0.0), van("a", 0.5), van("b", 0.5));
        meter("a", T0.plus(STEP), 10, 0.2);
        step(T0.plus(STEP), Map.of("a", 0.0, "b", 10.0), van("a", 0.5), van("b", 0.5));
        // WHEN its meter still shows 10 kW a step later
        Instant now = T0.plus(STEP.multipliedBy(2));
        meter("a", now, 10, 0.4);
        meter("b", now, 10, 0.2);
        var out = step(now, Map.of("b", 20.0), van("a", 0.5), van("b", 0.5));
        // THEN the controller no longer sees a, the site carries a's 10 kW as base load, and a keeps its setpoint
        ControlInput seen = inner.last();
        assertThat(seen.vehicles()).extracting(VehicleState::vehicleId).containsExactly("b");
        assertThat(seen.sites().get("s1").baseLoadKw()).isCloseTo(10, within(1e-9));
        assertThat(out).containsEntry("a", 0.0);
        assertThat(out.get("b") + 10).isLessThanOrEqualTo(20 + 1e-9);
    }

    @Test
    void controlShouldTakeTheChargerBackWhenItsMeterShowsItFollowsAgain() {
        // GIVEN a ignored its lowered setpoint for a step
        step(T0, Map.of("a", 10.0), van("a", 0.5));
        meter("a", T0.plus(STEP), 10, 0.2);
        step(T0.plus(STEP), Map.of("a", 0.0), van("a", 0.5));
        meter("a", T0.plus(STEP.multipliedBy(2)), 10, 0.4);
        step(T0.plus(STEP.multipliedBy(2)), Map.of(), van("a", 0.5));
        // WHEN its meter shows it at its setpoint
        meter("a", T0.plus(STEP.multipliedBy(3)), 0, 0.4);
        step(T0.plus(STEP.multipliedBy(3)), Map.of("a", 5.0), van("a", 0.5));
        // THEN the controller sees it again, without the extra base load
        assertThat(inner.last().vehicles()).extracting(VehicleState::vehicleId).containsExactly("a");
        assertThat(inner.last().sites().get("s1").baseLoadKw()).isZero();
    }

    @Test
    void controlShouldShowTheCountedSocWhenTheReportedSocDriftsAboveIt() {
        // GIVEN a first seen at SoC 0.5 (20 of 40 kWh) with its import register at 0
        meter("a", T0, 0, 0);
        step(T0, Map.of("a", 8.0), van("a", 0.5));
        // WHEN the register shows 4 kWh more but the vehicle reports 0.7
        meter("a", T0.plus(STEP), 8, 4);
        step(T0.plus(STEP), Map.of("a", 8.0), van("a", 0.7));
        // THEN the controller sees the counted 24 kWh = 0.6
        assertThat(inner.last().vehicles().get(0).soc()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void controlShouldKeepTheReportedSocWhenItIsBelowTheCountedOne() {
        // GIVEN a first seen at SoC 0.5, then 4 kWh imported
        meter("a", T0, 0, 0);
        step(T0, Map.of("a", 8.0), van("a", 0.5));
        meter("a", T0.plus(STEP), 8, 4);
        // WHEN the vehicle reports 0.55
        step(T0.plus(STEP), Map.of("a", 8.0), van("a", 0.55));
        // THEN the controller sees the lower, reported 0.55
        assertThat(inner.last().vehicles().get(0).soc()).isCloseTo(0.55, within(1e-9));
    }

    @Test
    void controlShouldPlanAnUnderDeliveringChargerReadyEarlierWhenItMetersBelowItsSetpoint() {
        // GIVEN a sent 8 kW
        meter("a", T0, 0, 0);
        step(T0, Map.of("a", 8.0), van("a", 0.5));
        // WHEN its meter shows only 2 kW a step later (lost setpoint or slow ramp)
        meter("a", T0.plus(STEP), 2, 0.03);
        step(T0.plus(STEP), Map.of("a", 8.0), van("a", 0.5));
        // THEN the controller plans it to be ready 30 minutes before it leaves, plus the ramp margin: 372 of the
        // 480 kWs asked lagged, a ramp of 8^2 / (2 * 372) kW/s, 0 -> 11 kW -> 0 in 255 s
        assertThat(inner.seen.get(0).vehicles().get(0).departure()).isEqualTo(Fixtures.at(10));
        assertThat(inner.last().vehicles().get(0).departure())
                .isEqualTo(Fixtures.at(10).minus(MARGIN).minusSeconds(255));
    }

    @Test
    void constructorShouldRejectANegativeToleranceNamingIt() {
        assertThatThrownBy(() -> new FollowerGuard(inner, readings, -1, MARGIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("toleranceKw");
    }

    @Test
    void controlShouldPlanReadyEarlierByTheRampTimeWhenTheEnergyRegisterShowsASlowRamp() {
        // GIVEN a sent 10 kW from 0 kW, and a minute later its register shows 1/12 kWh: 300 kWs lagged behind the
        // 600 kWs asked, the lag of a ramp of 10^2 / (2 * 300) = 1/6 kW/s
        meter("a", T0, 0, 0);
        step(T0, Map.of("a", 10.0), van("a", 0.5));
        // WHEN that reading arrives, the charger at its setpoint by then
        meter("a", T0.plus(STEP), 10, 300.0 / 3600);
        step(T0.plus(STEP), Map.of("a", 10.0), van("a", 0.5));
        // THEN its vehicle is planned ready early by 0 -> 11 kW -> 0 at 1/6 kW/s: 132 s
        assertThat(inner.last().vehicles().get(0).departure()).isEqualTo(Fixtures.at(10).minusSeconds(132));
    }
}
