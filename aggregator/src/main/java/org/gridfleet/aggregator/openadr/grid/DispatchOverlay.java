package org.gridfleet.aggregator.openadr.grid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.dr.DemandResponseLimit;
import org.gridfleet.market.dr.DemandResponseLimits;
import org.gridfleet.market.dr.LimitDirection;
import org.gridfleet.market.dr.PriceSignal;

/**
 * OpenADR obligations in the dispatcher's terms: the caps for {@code Dispatcher.limits(DemandResponseLimits)} and
 * the prices for the scheduler's tariff. Scopes follow the dispatcher: a site id, or {@link DemandResponseLimit#FLEET}
 * for the portfolio. What has no such form (fleet-targeted obligations, setpoints, SIMPLE levels: they need a fleet
 * scope or a baseline the dispatcher does not take) is listed in {@code notMapped}, never dropped.
 *
 * @param limits    import/export caps per site and for the whole portfolio, each with its window
 * @param prices    import/export prices per kWh per site and for the portfolio
 * @param notMapped obligations the caller must honour another way or report as not honoured
 */
public record DispatchOverlay(DemandResponseLimits limits, List<PriceSignal> prices, List<GridObligation> notMapped) {

    public DispatchOverlay {
        Objects.requireNonNull(limits, "limits");
        prices = List.copyOf(prices);
        notMapped = List.copyOf(notMapped);
    }

    /** Pure: the overlay of {@code obligations} (e.g. {@link ObligationBoard#all()}), in their order. */
    public static DispatchOverlay of(Collection<? extends GridObligation> obligations) {
        List<DemandResponseLimit> limits = new ArrayList<>();
        List<PriceSignal> prices = new ArrayList<>();
        List<GridObligation> notMapped = new ArrayList<>();
        for (GridObligation o : obligations) {
            String scope = scopeOf(o.target());
            DeliveryPeriod window = new DeliveryPeriod(o.from(), o.to());
            if (scope == null) {
                notMapped.add(o);
            } else if (o instanceof GridObligation.ImportCapacityLimit cap) {
                limits.add(new DemandResponseLimit(scope, LimitDirection.IMPORT, cap.limitKw(), window));
            } else if (o instanceof GridObligation.ExportCapacityLimit cap) {
                limits.add(new DemandResponseLimit(scope, LimitDirection.EXPORT, cap.limitKw(), window));
            } else if (o instanceof GridObligation.PriceSignal price) {
                LimitDirection side = price.direction() == GridObligation.Direction.IMPORT
                        ? LimitDirection.IMPORT : LimitDirection.EXPORT;
                prices.add(new PriceSignal(scope, side, price.pricePerKwh(), window));
            } else {
                notMapped.add(o);
            }
        }
        return new DispatchOverlay(new DemandResponseLimits(limits), prices, notMapped);
    }

    /** The dispatcher scope of a target, or null when it has none (a fleet). */
    private static String scopeOf(GridTarget target) {
        if (target instanceof GridTarget.Site site) {
            return site.siteId();
        }
        return target instanceof GridTarget.Portfolio ? DemandResponseLimit.FLEET : null;
    }
}
