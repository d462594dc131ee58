package org.gridfleet.aggregator.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.gridfleet.market.dr.DemandResponseLimit;
import org.gridfleet.market.dr.LimitDirection;
import org.gridfleet.market.dr.PriceSignal;
import org.gridfleet.v2g.control.PriceCurve;
import org.gridfleet.v2g.control.Tariff;

/**
 * The schedule's tariff with OpenADR PRICE / EXPORT_PRICE intervals laid over the configured flat prices: inside
 * an interval its price holds, outside it the flat price. Only portfolio-wide prices apply, because the control
 * input has one tariff for the whole fleet; site-scoped prices are left out (and logged by {@link OpenAdrOverlay}).
 * Where intervals overlap, the one listed last wins. Prices in currency/kWh.
 */
final class EventTariff {

    private EventTariff() {
    }

    /** Pure: the tariff of {@code prices} over the flat import and export prices. */
    static Tariff of(List<PriceSignal> prices, double flatImportPerKwh, double flatExportPerKwh) {
        return new Tariff(curve(prices, LimitDirection.IMPORT, flatImportPerKwh),
                curve(prices, LimitDirection.EXPORT, flatExportPerKwh), 0);
    }

    private static PriceCurve curve(List<PriceSignal> prices, LimitDirection side, double flatPerKwh) {
        List<PriceSignal> mine = new ArrayList<>();
        // the curve steps on whole seconds; the first step at the epoch makes the flat price hold before any interval
        TreeSet<Long> breaks = new TreeSet<>(List.of(Instant.EPOCH.getEpochSecond()));
        for (PriceSignal p : prices) {
            if (p.direction() == side && p.scopeId().equals(DemandResponseLimit.FLEET)) {
                mine.add(p);
                breaks.add(p.window().start().getEpochSecond());
                breaks.add(p.window().end().getEpochSecond());
            }
        }
        if (mine.isEmpty()) {
            return PriceCurve.constant(flatPerKwh);
        }
        List<PriceCurve.Step> steps = new ArrayList<>();
        double previous = Double.NaN;
        for (long second : breaks) {
            Instant at = Instant.ofEpochSecond(second);
            double price = flatPerKwh;
            for (PriceSignal p : mine) {
                if (p.window().contains(at)) {
                    price = p.pricePerKwh();
                }
            }
            if (price != previous) {
                steps.add(new PriceCurve.Step(at, price));
                previous = price;
            }
        }
        return new PriceCurve(steps);
    }
}
