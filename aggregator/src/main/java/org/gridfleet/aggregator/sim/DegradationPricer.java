package org.gridfleet.aggregator.sim;

/**
 * Wear price of battery throughput, currency per kWh cycled out of the battery. The default is the
 * Kempton &amp; Tomi&#263; (2005) throughput cost c_bat / (cycle life &times; DoD) with the worked inputs in
 * reference/MODELS.md section 4.1 (130 USD/kWh pack, DoD 0.8, 3,000 cycles NMC/NCA, 6,000 cycles LFP);
 * the degradation-model module replaces it when it lands.
 */
@FunctionalInterface
public interface DegradationPricer {

    DegradationPricer THROUGHPUT = chemistry -> 130.0 / (("LFP".equals(chemistry) ? 6000 : 3000) * 0.8);

    /** @param chemistry NMC, NCA or LFP */
    double costPerDischargedKwh(String chemistry);
}
