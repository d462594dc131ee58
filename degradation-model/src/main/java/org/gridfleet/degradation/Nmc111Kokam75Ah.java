package org.gridfleet.degradation;

/**
 * NMC111-graphite, Kokam 75 Ah pouch: BLAST-Lite {@code Nmc111_Gr_Kokam75Ah_Battery}, the model of
 * Smith et al., "Life prediction model for grid-connected Li-ion battery energy storage system",
 * ACC 2017 (MODELS.md section 5.4).
 *
 * <p>Capacity is the lesser of a lithium-inventory branch (calendar {@code t^0.357} plus cycling
 * {@code EFC^0.778}) and an active-material branch (sigmoid in EFC). Resistance has matching gains.
 */
public final class Nmc111Kokam75Ah implements AgingModel {
    static final int LLI_TIME = 0;
    static final int LLI_CYCLES = 1;
    static final int LAM = 2;
    static final int R_LLI_TIME = 3;
    static final int R_LLI_CYCLES = 4;

    private static final double T_REF_K = 308.15;
    private static final double UA_REF_V = 0.123;

    @Override
    public AgingState initialState() {
        return output(new double[] {0.0, 0.0, 1e-8, 0.0, 0.0}, 0.0, 0.0);
    }

    @Override
    public Step prepare(DayStress day) {
        double dod = day.depthOfDischarge();
        double meanSoc = day.meanSoc();
        double q1 = day.timeAverage((soc, tk, ua) -> calendarRate(tk, ua));
        // DoD and mean SoC are broadcast scalars: factor them out of the averages (q5 is linear in T).
        double q3 = cycleDepthFactor(dod) * day.timeAverage((soc, tk, ua) -> cycleTemperatureFactor(tk));
        double meanTemperatureC = day.timeAverage((soc, tk, ua) -> tk) - 273.15;
        double q5 = 1e4 + 153.0 * (meanTemperatureC - 55.0) * dod * (meanSoc / 0.6);
        double dt = day.durationDays();
        return before -> {
            double dEfc = day.equivalentFullCycles(before.relativeCapacity());
            double[] y = new double[5];
            y[LLI_TIME] = before.state(LLI_TIME) + StateUpdate.power(before.state(LLI_TIME), dt, q1, 0.357);
            y[LLI_CYCLES] = before.state(LLI_CYCLES) + StateUpdate.power(before.state(LLI_CYCLES), dEfc, q3, 0.778);
            y[LAM] = before.state(LAM) + StateUpdate.sigmoid(before.state(LAM), dEfc, 1.0, 1.0 / q5, 10.0);
            y[R_LLI_TIME] = before.state(R_LLI_TIME)
                    + StateUpdate.power(before.state(R_LLI_TIME), dt, 0.0570 * q1, 1.25);
            y[R_LLI_CYCLES] = before.state(R_LLI_CYCLES)
                    + StateUpdate.power(before.state(R_LLI_CYCLES), dEfc, 4.87 * q3, 0.712);
            return output(y, before.equivalentFullCycles() + dEfc, before.days() + dt);
        };
    }

    /** q1: calendar rate per day^0.357 at a temperature in kelvin and an anode potential in volts. */
    static double calendarRate(double temperatureK, double anodeVolts) {
        double tn = temperatureK / T_REF_K;
        return 2.66e7 * Math.exp(-17.8 / tn) * Math.exp(-5.21 * (anodeVolts / UA_REF_V) / tn);
    }

    /** q3: cycling rate per EFC^0.778 at a temperature in kelvin and a depth of discharge 0..1. */
    static double cycleRate(double temperatureK, double depthOfDischarge) {
        return cycleDepthFactor(depthOfDischarge) * cycleTemperatureFactor(temperatureK);
    }

    private static double cycleDepthFactor(double depthOfDischarge) {
        return 3.80e3 * Math.exp(1.04 * Math.exp(depthOfDischarge * depthOfDischarge));
    }

    private static double cycleTemperatureFactor(double temperatureK) {
        return Math.exp(-18.4 / (temperatureK / T_REF_K));
    }

    private static AgingState output(double[] y, double efc, double days) {
        double qLli = 1.0 - y[LLI_TIME] - y[LLI_CYCLES];
        double qLam = 1.01 - y[LAM];
        double rLli = 1.0 + y[R_LLI_TIME] + y[R_LLI_CYCLES];
        double rLam = -0.08 + 1.09 / qLam;
        return new AgingState(y, Math.min(qLli, qLam), Math.max(rLli, rLam), efc, days);
    }
}
