package org.gridfleet.aggregator.sim;

import java.util.List;
import org.gridfleet.v2g.control.PriceCurve;
import org.gridfleet.v2g.control.Tariff;

/** The scenario's piecewise-constant inputs as the control core's curves. */
final class ScenarioCurves {
    private ScenarioCurves() {
    }

    /** The site's base load in kW over time (0 when the scenario gives none). */
    static PriceCurve baseLoad(Scenario.Site site) {
        return site.baseLoadKw().isEmpty() ? PriceCurve.constant(0)
                : new PriceCurve(site.baseLoadKw().stream().map(b -> new PriceCurve.Step(b.from(), b.kw())).toList());
    }

    /** Import and export prices and the demand charge. */
    static Tariff tariff(Scenario s) {
        return new Tariff(prices(s.tariff().importPricePerKwh()), prices(s.tariff().exportPricePerKwh()),
                s.tariff().demandChargePerKw());
    }

    private static PriceCurve prices(List<Scenario.TimedPrice> steps) {
        return new PriceCurve(steps.stream().map(p -> new PriceCurve.Step(p.from(), p.price())).toList());
    }
}
