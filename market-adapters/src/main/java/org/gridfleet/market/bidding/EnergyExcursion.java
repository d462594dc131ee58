package org.gridfleet.market.bidding;

import java.time.Instant;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.SampledSeries;

/**
 * The energy one kW of capacity moves when it follows an activation over a delivery period: how far the
 * cumulative energy swings towards import and towards export from the period start, and where it ends. This is the
 * energy headroom (per kW, beyond the baseline schedule) a fleet must hold to follow the product without running
 * out (MARKET-RULES.md §1.1 "Energy demanded", §3.1 "Sizing numbers": 0.24 kWh per kW worst one-sided excursion in
 * an FCR block on the RTE days).
 *
 * @param maxImportKwhPerKw largest cumulative extra import reached, kWh per kW of capacity, &ge; 0
 * @param maxExportKwhPerKw largest cumulative reduced import / extra export reached, kWh per kW, &ge; 0
 * @param netKwhPerKw cumulative energy at the period end, kWh per kW (positive = net import)
 */
public record EnergyExcursion(double maxImportKwhPerKw, double maxExportKwhPerKw, double netKwhPerKw) {

    /**
     * Integrates {@code activation} (per-unit power, positive = import: {@code FcrDroop.activations} for FCR, the
     * negated signal for regulation) over {@code period}; each sample holds for one step, missing samples hold the
     * last valid value (0 before the first).
     */
    public static EnergyExcursion of(SampledSeries activation, DeliveryPeriod period) {
        double hoursPerStep = activation.step().toNanos() / 3.6e12;
        double cumulative = 0;
        double maxImport = 0;
        double maxExport = 0;
        int first = period.start().isBefore(activation.start()) ? 0 : activation.indexAt(period.start());
        if (first < 0) {
            return new EnergyExcursion(0, 0, 0);
        }
        double before = first == 0 ? Double.NaN : activation.lastValidAt(activation.timeAt(first - 1));
        double held = Double.isNaN(before) ? 0 : before;
        for (int i = first; i < activation.size(); i++) {
            Instant t = activation.timeAt(i);
            if (!t.isBefore(period.end())) {
                break;
            }
            double a = activation.valueAt(i);
            held = Double.isNaN(a) ? held : a;
            cumulative += held * hoursPerStep;
            maxImport = Math.max(maxImport, cumulative);
            maxExport = Math.max(maxExport, -cumulative);
        }
        return new EnergyExcursion(maxImport, maxExport, cumulative);
    }

    /** The larger of the two one-sided excursions, kWh per kW. */
    public double worstOneSidedKwhPerKw() {
        return Math.max(maxImportKwhPerKw, maxExportKwhPerKw);
    }
}
