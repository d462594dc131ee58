package org.gridfleet.degradation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class DegradationPricerTest {
    private static final PackEconomics ECONOMICS = new PackEconomics(130.0, 0.8);
    private static final BatteryPack LFP_60KWH = new BatteryPack(Chemistry.LFP_250AH, 60.0);
    private static final BatteryPack KOKAM_60KWH = new BatteryPack(Chemistry.NMC111_KOKAM_75AH, 60.0);

    /** One day: down from 0.8 to 0.3 over 5 h, back up over 5 h, rest. */
    private static SocProfile cyclingDay() {
        return SocProfile.atTemperature(new double[] {0, 18000, 36000, 86400}, new double[] {0.8, 0.3, 0.8, 0.8}, 25);
    }

    @Test
    void pricePerKwhShouldEqualTheCycleLossSlopeWhenThePackHasCycled() {
        // GIVEN an LFP pack after 30 cycling days, so the cycle-loss state y0 > 0
        BatteryHealth health = BatteryHealth.fresh(LFP_60KWH);
        for (int d = 0; d < 30; d++) {
            health = health.afterMetered(cyclingDay());
        }
        double y0 = health.state().state(CalendarPlusCycleLoss.LOSS_CYCLES);
        OperatingPoint point = new OperatingPoint(0.6, 0.2, 0.1, 25.0, 0.25);
        double kcyc = LfpGraphite250Ah.cycleRate(0.2, 0.1, 298.15);

        // WHEN
        double price = new DegradationPricer(ECONOMICS).pricePerKwh(health, point);

        // THEN d(loss)/d(EFC) of y = k·EFC^0.828 at y0, priced at 130 / (1 − 0.8) per unit of q
        double slope = kcyc * 0.828 * Math.pow(y0 / kcyc, (0.828 - 1.0) / 0.828);
        assertThat(y0).isPositive();
        assertThat(price).isCloseTo(650.0 * slope, Percentage.withPercentage(1e-9));
    }

    @Test
    void pricePerKwhShouldEqualTheLithiumInventorySlopeWhenKokamHasCycled() {
        // GIVEN a Kokam pack after 30 cycling days; capacity is the lithium-inventory branch
        BatteryHealth health = BatteryHealth.fresh(KOKAM_60KWH);
        for (int d = 0; d < 30; d++) {
            health = health.afterMetered(cyclingDay());
        }
        double y0 = health.state().state(Nmc111Kokam75Ah.LLI_CYCLES);
        double q3 = Nmc111Kokam75Ah.cycleRate(298.15, 0.2);

        // WHEN
        double price = new DegradationPricer(ECONOMICS).pricePerKwh(health, new OperatingPoint(0.6, 0.2, 0.1, 25, 0.25));

        // THEN slope of y = q3·EFC^0.778 at y0, priced at 130 / (1 − 0.8)
        double slope = q3 * 0.778 * Math.pow(y0 / q3, (0.778 - 1.0) / 0.778);
        assertThat(price).isCloseTo(650.0 * slope, Percentage.withPercentage(1e-6));
    }

    @Test
    void pricePerKwhShouldScaleWithPackPriceWhenAllElseIsEqual() {
        // GIVEN
        BatteryHealth health = BatteryHealth.fresh(KOKAM_60KWH);

        // WHEN
        double cheap = new DegradationPricer(new PackEconomics(100.0, 0.8)).pricePerKwh(health, 25.0);
        double dear = new DegradationPricer(new PackEconomics(200.0, 0.8)).pricePerKwh(health, 25.0);

        // THEN
        assertThat(cheap).isPositive();
        assertThat(dear).isCloseTo(2.0 * cheap, within(1e-15));
    }

    @Test
    void pricePerKwhShouldRiseWhenTheCellIsHotter() {
        // GIVEN
        BatteryHealth health = BatteryHealth.fresh(KOKAM_60KWH);
        DegradationPricer pricer = new DegradationPricer(ECONOMICS);

        // WHEN / THEN
        assertThat(pricer.pricePerKwh(health, 40.0)).isGreaterThan(pricer.pricePerKwh(health, 15.0));
    }

    @Test
    void costShouldBeZeroWhenProposalEqualsBaseline() {
        // GIVEN
        BatteryHealth health = BatteryHealth.fresh(KOKAM_60KWH);

        // WHEN
        DegradationImpact impact = new DegradationPricer(ECONOMICS).cost(health, cyclingDay(), cyclingDay());

        // THEN
        assertThat(impact).isEqualTo(DegradationImpact.NONE);
    }

    @Test
    void costShouldChargeTheExtraCyclesWhenProposalCyclesAboveTheBaseline() {
        // GIVEN baseline holds 0.5; the proposal charges to 0.7 and discharges back to 0.5 (cycling
        // below the baseline could instead lower calendar fade by more than it adds cycle fade)
        BatteryHealth health = BatteryHealth.fresh(LFP_60KWH);
        SocProfile baseline = SocProfile.constantDay(0.5, 25.0);
        SocProfile proposed = SocProfile.atTemperature(new double[] {0, 14400, 28800, 86400},
                new double[] {0.5, 0.7, 0.5, 0.5}, 25.0);

        // WHEN
        DegradationImpact impact = new DegradationPricer(ECONOMICS).cost(health, baseline, proposed);

        // THEN 0.4 of SoC moved = 0.2 EFC; the cost is the capacity loss priced at 130·60/(1 − 0.8)
        assertThat(impact.extraCycles()).isCloseTo(0.2, within(1e-12));
        assertThat(impact.capacityLoss()).isPositive();
        assertThat(impact.cost()).isCloseTo(39_000.0 * impact.capacityLoss(), within(1e-12));
    }

    @Test
    void costShouldBeNegativeWhenProposalKeepsSocLowerWithoutCycling() {
        // GIVEN Kokam calendar fade is much faster at 90 % than at 50 %
        BatteryHealth health = BatteryHealth.fresh(KOKAM_60KWH);

        // WHEN
        DegradationImpact impact = new DegradationPricer(ECONOMICS)
                .cost(health, SocProfile.constantDay(0.9, 25.0), SocProfile.constantDay(0.5, 25.0));

        // THEN
        assertThat(impact.cost()).isNegative();
        assertThat(impact.extraCycles()).isZero();
    }

    @Test
    void costShouldRejectProfilesWhenHorizonsDiffer() {
        // GIVEN
        BatteryHealth health = BatteryHealth.fresh(LFP_60KWH);
        SocProfile halfDay = SocProfile.atTemperature(new double[] {0, 43200}, new double[] {0.5, 0.5}, 25);

        // WHEN / THEN
        assertThatThrownBy(() -> new DegradationPricer(ECONOMICS).cost(health, SocProfile.constantDay(0.5, 25), halfDay))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same horizon");
    }

    @Test
    void packEconomicsShouldRejectEndOfLifeWhenNotBelowOne() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> new PackEconomics(130.0, 1.0))
                .hasMessage("endOfLifeCapacity must be within (0, 1), but was 1.0");
    }
}
