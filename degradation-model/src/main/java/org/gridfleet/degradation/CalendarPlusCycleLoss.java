package org.gridfleet.degradation;

/**
 * The state shape shared by the BLAST-Lite models whose capacity loss is one calendar power law
 * plus one cycling power law ({@code q = 1 − k_cal·t^p_t − k_cyc·EFC^p_c}), with no resistance.
 */
final class CalendarPlusCycleLoss {
    static final int LOSS_TIME = 0;
    static final int LOSS_CYCLES = 1;

    private CalendarPlusCycleLoss() {
    }

    static AgingState initialState() {
        return new AgingState(new double[] {0.0, 0.0}, 1.0, Double.NaN, 0.0, 0.0);
    }

    /** One step: {@code days} of calendar aging at {@code kcal}, {@code cycles} EFC at {@code kcyc}. */
    static AgingState step(AgingState before, double days, double kcal, double timeExponent, double cycles,
            double kcyc, double cycleExponent) {
        double lossTime = before.state(LOSS_TIME) + StateUpdate.power(before.state(LOSS_TIME), days, kcal, timeExponent);
        double lossCycles = before.state(LOSS_CYCLES)
                + StateUpdate.power(before.state(LOSS_CYCLES), cycles, kcyc, cycleExponent);
        return new AgingState(new double[] {lossTime, lossCycles}, 1.0 - lossTime - lossCycles, Double.NaN,
                before.equivalentFullCycles() + cycles, before.days() + days);
    }
}
