package org.gridfleet.degradation;

/**
 * NCA-graphite, Panasonic 3 Ah 18650: BLAST-Lite {@code Nca_Gr_Panasonic3Ah_Battery} (MODELS.md
 * section 5.6). Capacity loss = calendar {@code t^0.512} (rate rising with per-sample SoC) + cycling
 * {@code EFC^0.699}; the cycling rate has practically no temperature effect. No resistance output.
 */
public final class NcaPanasonic3Ah implements AgingModel {
    @Override
    public AgingState initialState() {
        return CalendarPlusCycleLoss.initialState();
    }

    @Override
    public Step prepare(DayStress day) {
        double kcal = day.timeAverage((soc, tk, ua) -> calendarRate(tk, soc));
        double temperatureFactor = day.timeAverage((soc, tk, ua) -> Math.exp(3.34e-11 / tk) + Math.exp(-2.81e-9 / tk));
        double dod = day.depthOfDischarge();
        double dt = day.durationDays();
        return before -> {
            double q = before.relativeCapacity();
            double kcyc = (1.86e-6 + 4.74e-11 * day.cRate(q) + 1.77e-4 * dod) * temperatureFactor;
            return CalendarPlusCycleLoss.step(before, dt, kcal, 0.512, day.equivalentFullCycles(q), kcyc, 0.699);
        };
    }

    /** k_cal: calendar rate per day^0.512 at a temperature in kelvin and a SoC 0..1. */
    static double calendarRate(double temperatureK, double soc) {
        return 75.4 * Math.exp(-3.34e3 / temperatureK) * Math.exp(353.0 * soc / temperatureK);
    }
}
