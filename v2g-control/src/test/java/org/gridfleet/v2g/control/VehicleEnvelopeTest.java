package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.v2g.control.Fixtures.T0;
import static org.gridfleet.v2g.control.Fixtures.at;
import static org.gridfleet.v2g.control.Fixtures.vehicle;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VehicleEnvelopeTest {
    private static final double LAG_HOURS = VehicleEnvelope.LAG_ALLOWANCE_HOURS;

    @Test
    void floorKwhShouldRiseAlongTheLatestStartLineWhenDepartureNears() {
        // GIVEN target 36 kWh, 10 kW, efficiency 1, reserve 8 kWh, departure at 8 h
        var v = vehicle("v", 0.5, 0.9, 8, 10, 0);
        // THEN the floor is the reserve early, then target minus what full power still adds by the lag allowance
        // before departure, and the target from then on
        assertThat(VehicleEnvelope.floorKwh(v, T0)).isCloseTo(8, within(1e-9));
        assertThat(VehicleEnvelope.floorKwh(v, at(6))).isCloseTo(36 - 10 * (2 - LAG_HOURS), within(1e-9));
        assertThat(VehicleEnvelope.floorKwh(v, at(8 - LAG_HOURS))).isCloseTo(36, within(1e-9));
        assertThat(VehicleEnvelope.floorKwh(v, at(8))).isCloseTo(36, within(1e-9));
        assertThat(VehicleEnvelope.floorKwh(v, at(9))).isCloseTo(36, within(1e-9));
    }

    @Test
    void targetReachableShouldNotCountTheLagAllowanceWhenJudgingARequest() {
        // GIVEN exactly 2 h of full power missing, 2 h before departure
        var v = vehicle("v", 0.4, 0.9, 8, 10, 0);
        // THEN the target is reachable (the allowance is a margin, not a refusal), though below the floor
        assertThat(VehicleEnvelope.targetReachable(v, at(6))).isTrue();
        assertThat(v.energyKwh()).isLessThan(VehicleEnvelope.floorKwh(v, at(6)));
        assertThat(VehicleEnvelope.targetReachable(v, at(6.01))).isFalse();
    }

    @Test
    void rangeShouldAimAtTheTargetTheLagAllowanceEarlyInTheLastStep() {
        // GIVEN 1 kWh short of the target and of full, 10 kW, efficiency 1, leaving at the end of a 10-minute step
        var v = new VehicleState("v", "s1", 40, 39.0 / 40, 0.2, 1.0, at(8), 10, 0, 1.0, 0, false);
        // WHEN
        var r = VehicleEnvelope.range(v, at(8 - 10 / 60.0), Duration.ofMinutes(10));
        // THEN it must (and may) deliver the kWh within the step minus the allowance, not 6 kW over the whole step
        assertThat(r.minKw()).isCloseTo(1 / (10 / 60.0 - LAG_HOURS), within(1e-9));
        assertThat(r.maxKw()).isCloseTo(r.minKw(), within(1e-9));
    }

    @Test
    void rangeShouldForceFullPowerWhenTheVehicleIsOnItsFloor() {
        // GIVEN 20 kWh at 6.4 h: the floor is 36 - 10 * 1.6 = 20 kWh
        var v = vehicle("v", 0.5, 0.9, 8, 10, 10);
        // WHEN
        var r = VehicleEnvelope.range(v, at(6.4), Duration.ofMinutes(1));
        // THEN
        assertThat(r.minKw()).isCloseTo(10, within(1e-6));
        assertThat(r.maxKw()).isCloseTo(10, within(1e-9));
    }

    @Test
    void rangeShouldStopDischargeAtTheReserveWhenV2gIsAllowed() {
        // GIVEN 0.1 kWh above an 8 kWh reserve, efficiency 1, 10 kW discharge allowed
        var v = new VehicleState("v", "s1", 40, 8.1 / 40, 0.2, 0.2, at(8), 10, 10, 1.0, 0, false);
        // WHEN over one hour
        var r = VehicleEnvelope.range(v, T0, Duration.ofHours(1));
        // THEN only 0.1 kW can come out
        assertThat(r.hardMinKw()).isCloseTo(-0.1, within(1e-9));
    }

    @Test
    void rangeShouldForbidDischargeWhenTheVehicleLeavesWithinTheStep() {
        // GIVEN a consenting vehicle well above reserve and target that leaves 11 s into a 60 s step
        var v = new VehicleState("v", "s1", 40, 0.8, 0.2, 0.5, T0.plusSeconds(11), 10, 10, 1.0, 0, false);
        // WHEN
        var r = VehicleEnvelope.range(v, T0, Duration.ofMinutes(1));
        // THEN it gives nothing another vehicle could lean on for the 49 s it is gone
        assertThat(r.hardMinKw()).isZero();
        assertThat(r.minKw()).isZero();
        assertThat(r.maxKw()).isPositive();
    }

    @Test
    void rangeShouldForbidDischargeWhenTheOwnerDidNotConsent() {
        // GIVEN
        var v = vehicle("v", 0.9, 0.5, 8, 10, 0);
        // WHEN
        var r = VehicleEnvelope.range(v, T0, Duration.ofMinutes(1));
        // THEN
        assertThat(r.hardMinKw()).isZero();
        assertThat(r.minKw()).isZero();
    }

    @Test
    void rangeShouldNotOverfillTheBatteryWhenNearlyFull() {
        // GIVEN 0.1 kWh of room
        var v = new VehicleState("v", "s1", 40, 39.9 / 40, 0.2, 0.8, at(8), 10, 0, 1.0, 0, false);
        // WHEN over 30 minutes
        var r = VehicleEnvelope.range(v, T0, Duration.ofMinutes(30));
        // THEN
        assertThat(r.maxKw()).isCloseTo(0.2, within(1e-9));
    }
}
