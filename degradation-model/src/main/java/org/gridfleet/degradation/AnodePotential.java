package org.gridfleet.degradation;

/**
 * Graphite anode open-circuit potential versus Li/Li+ as BLAST-Lite uses it (Safari &amp; Delacourt
 * 2011; Schimpe et al. 2018): calendar fade follows this potential, so it steps with SoC.
 */
public final class AnodePotential {
    private AnodePotential() {
    }

    /**
     * @param soc state of charge, 0..1
     * @return anode potential in volts, e.g. 0.1233 V at SoC 0.5
     */
    public static double volts(double soc) {
        double xa = 0.0085 + soc * (0.78 - 0.0085);
        return 0.6379 + 0.5416 * Math.exp(-305.5309 * xa)
                + 0.044 * Math.tanh(-(xa - 0.1958) / 0.1088)
                - 0.1978 * Math.tanh((xa - 1.0571) / 0.0854)
                - 0.6875 * Math.tanh((xa + 0.0117) / 0.0529)
                - 0.0175 * Math.tanh((xa - 0.5692) / 0.0875);
    }
}
