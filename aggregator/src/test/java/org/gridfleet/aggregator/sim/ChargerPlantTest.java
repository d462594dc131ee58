package org.gridfleet.aggregator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChargerPlantTest {

    @Test
    void advanceShouldWaitForLatencyThenRampWhenASetpointIsSent() {
        // GIVEN latency 1 s, ramp 2 kW/s, efficiency 1, an empty 100 kWh battery
        ChargerPlant plant = new ChargerPlant(1.0, 2.0, 1.0, new double[] {100}, new double[] {0});
        // WHEN 6 kW is sent at t=0 and 10 s pass
        plant.command(0, 6, 0);
        double gridKwh = plant.advance(0, 0, 10);
        // THEN nothing for 1 s, ramp 0->6 kW over 3 s (9 kWs), then 6 kW for 6 s (36 kWs)
        assertThat(gridKwh).isCloseTo(45.0 / 3600, within(1e-12));
        assertThat(plant.powerKw(0)).isEqualTo(6);
    }

    @Test
    void advanceShouldStillBeRampingWhenTheStepEndsFirst() {
        // GIVEN no latency, ramp 1 kW/s
        ChargerPlant plant = new ChargerPlant(0, 1.0, 1.0, new double[] {100}, new double[] {50});
        // WHEN 10 kW is sent and 4 s pass
        plant.command(0, 10, 0);
        double gridKwh = plant.advance(0, 0, 4);
        // THEN power reached 4 kW, energy is the triangle 0.5 * 4 s * 4 kW
        assertThat(plant.powerKw(0)).isEqualTo(4);
        assertThat(gridKwh).isCloseTo(8.0 / 3600, within(1e-12));
    }

    @Test
    void advanceShouldApplyEfficiencyBothWaysWhenChargingAndDischarging() {
        // GIVEN efficiency 0.9, instant ramp
        ChargerPlant plant = new ChargerPlant(0, 1e9, 0.9, new double[] {100}, new double[] {50});
        // WHEN charging 10 kW for one hour
        plant.command(0, 10, 0);
        double charged = plant.advance(0, 0, 3600);
        // THEN the battery gains 9 kWh for 10 grid kWh
        assertThat(charged).isCloseTo(10, within(1e-6));
        assertThat(plant.energyKwh(0)).isCloseTo(59, within(1e-6));
        // WHEN discharging 9 kW for one hour
        plant.command(0, -9, 3600);
        double discharged = plant.advance(0, 3600, 3600);
        // THEN the grid gets 9 kWh and the battery gives 10 kWh
        assertThat(discharged).isCloseTo(-9, within(1e-6));
        assertThat(plant.energyKwh(0)).isCloseTo(49, within(1e-6));
    }

    @Test
    void advanceShouldStopDrawingWhenTheBatteryIsFull() {
        // GIVEN a 10 kWh battery 1 kWh short of full, efficiency 0.5
        ChargerPlant plant = new ChargerPlant(0, 1e9, 0.5, new double[] {10}, new double[] {9});
        // WHEN 10 kW is asked for an hour
        plant.command(0, 10, 0);
        double gridKwh = plant.advance(0, 0, 3600);
        // THEN only 2 grid kWh flow, the battery is full and power dropped to 0
        assertThat(gridKwh).isCloseTo(2, within(1e-9));
        assertThat(plant.energyKwh(0)).isEqualTo(10);
        assertThat(plant.powerKw(0)).isZero();
    }

    @Test
    void commandShouldBeAcknowledgedAndDroppedWhenTheChargerIgnoresSetpoints() {
        // GIVEN instant ramp; the charger ignores setpoints from second 100 on
        ChargerFault ignoring = new ChargerFault(100, 1, 0, 0, 0, 0);
        ChargerPlant plant = new ChargerPlant(0, 1e9, 1.0, new double[] {100}, new double[] {50},
                new ChargerFault[] {ignoring}, FaultInjection.none());
        plant.command(0, 7, 0);
        plant.advance(0, 0, 100);
        // WHEN 0 kW is sent at second 100
        boolean acked = plant.command(0, 0, 100);
        plant.advance(0, 100, 60);
        // THEN it acknowledged, still draws 7 kW and says it misbehaves
        assertThat(acked).isTrue();
        assertThat(plant.powerKw(0)).isEqualTo(7);
        assertThat(plant.misbehaving(0, 100)).isTrue();
    }

    @Test
    void advanceShouldRampAtTheFaultsShareWhenTheChargerRampsSlowerThanDeclared() {
        // GIVEN a declared ramp of 1 kW/s that the charger achieves at a tenth
        ChargerFault slow = new ChargerFault(Double.POSITIVE_INFINITY, 0.1, 0, 0, 0, 0);
        ChargerPlant plant = new ChargerPlant(0, 1.0, 1.0, new double[] {100}, new double[] {50},
                new ChargerFault[] {slow}, FaultInjection.none());
        // WHEN 10 kW is sent and 10 s pass
        plant.command(0, 10, 0);
        plant.advance(0, 0, 10);
        // THEN it reached 1 kW, not 10, and is still short of its target
        assertThat(plant.powerKw(0)).isCloseTo(1, within(1e-12));
        assertThat(plant.misbehaving(0, 10)).isTrue();
    }

    @Test
    void commandShouldBeNeitherAcknowledgedNorAppliedWhenItIsLost() {
        // GIVEN a charger that loses setpoints with a chance just below 1, drawn from a fixed seed
        ChargerFault lossy = new ChargerFault(Double.POSITIVE_INFINITY, 1, 0.999_999, 0, 0, 0);
        ChargerPlant plant = new ChargerPlant(0, 1e9, 1.0, new double[] {100}, new double[] {50},
                new ChargerFault[] {lossy}, FaultInjection.mixed(7, 0));
        // WHEN 10 kW is sent
        boolean acked = plant.command(0, 10, 0);
        plant.advance(0, 0, 60);
        // THEN no acknowledgement and no power
        assertThat(acked).isFalse();
        assertThat(plant.powerKw(0)).isZero();
    }

    @Test
    void constructorShouldNameTheFieldWhenAFaultIsImpossible() {
        assertThatThrownBy(() -> new ChargerFault(Double.POSITIVE_INFINITY, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rampFactor");
        assertThatThrownBy(() -> new ChargerFault(Double.POSITIVE_INFINITY, 1, 1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ackLossProbability");
    }
}
