package org.gridfleet.degradation;

/**
 * LFP-graphite, &gt;250 Ah prismatic cell: BLAST-Lite {@code Lfp_Gr_250AhPrismatic}, the model of
 * Gasper et al., "Degradation and modeling of large-format commercial lithium-ion cells as a
 * function of chemistry, design, and aging conditions", J. Energy Storage 73:109042, 2023
 * (MODELS.md section 5.5). Capacity loss = calendar {@code t^0.526} + cycling {@code EFC^0.828};
 * the model has no resistance output.
 */
public final class LfpGraphite250Ah implements AgingModel {
    @Override
    public AgingState initialState() {
        return CalendarPlusCycleLoss.initialState();
    }

    @Override
    public Step prepare(DayStress day) {
        double kcal = day.timeAverage((soc, tk, ua) -> calendarRate(tk, ua));
        double arrhenius = day.timeAverage((soc, tk, ua) -> cycleTemperatureFactor(tk));
        double dod = day.depthOfDischarge();
        double dt = day.durationDays();
        return before -> {
            double q = before.relativeCapacity();
            // DoD and C-rate are broadcast scalars, so the average factors into stress × mean Arrhenius term.
            double kcyc = cycleStress(dod, day.cRate(q)) * arrhenius;
            return CalendarPlusCycleLoss.step(before, dt, kcal, 0.526, day.equivalentFullCycles(q), kcyc, 0.828);
        };
    }

    /** kcal: calendar rate per day^0.526 at a temperature in kelvin and an anode potential in volts. */
    static double calendarRate(double temperatureK, double anodeVolts) {
        return 8.37e4 * Math.exp(-5.21e3 / temperatureK) * Math.exp(-3.56e3 * anodeVolts / temperatureK);
    }

    /** kcyc: cycling rate per EFC^0.828; DoD 0..1, C-rate in 1/h, temperature in kelvin. */
    static double cycleRate(double depthOfDischarge, double cRate, double temperatureK) {
        return cycleStress(depthOfDischarge, cRate) * cycleTemperatureFactor(temperatureK);
    }

    private static double cycleStress(double depthOfDischarge, double cRate) {
        return 4.38e-8 + 1.55e-8 * depthOfDischarge + 1.68e-7 * cRate;
    }

    private static double cycleTemperatureFactor(double temperatureK) {
        return Math.exp(2.19e3 / temperatureK) + Math.exp(-1.55e5 / temperatureK);
    }
}
