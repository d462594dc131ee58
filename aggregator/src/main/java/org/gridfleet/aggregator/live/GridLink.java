package org.gridfleet.aggregator.live;

import java.util.Objects;
import org.gridfleet.aggregator.config.ControlConfig;
import org.gridfleet.aggregator.dispatch.DispatchConfig;
import org.gridfleet.market.regulation.ScoringConfig;

/**
 * What the grid faces (OpenADR VTN, market desk) and the live control loop share: the faces write on their own
 * threads, the control tick reads on its worker, and nothing blocks either side.
 *
 * @param openAdr the OpenADR events' caps, setpoints, shed levels and prices, applied from the next tick on
 * @param markets the market desk's obligations and signals, applied at the next tick
 * @param ticks   the latest tick and the sites' metered history, for bids and reports
 * @param deliveries each market obligation's signal and metered response, for its settlement score
 */
public record GridLink(OpenAdrOverlay openAdr, MarketInbox markets, FleetTicks ticks, LiveDeliveryScores deliveries) {

    public GridLink {
        Objects.requireNonNull(openAdr, "openAdr");
        Objects.requireNonNull(markets, "markets");
        Objects.requireNonNull(ticks, "ticks");
        Objects.requireNonNull(deliveries, "deliveries");
    }

    /** A link with no event and no obligation yet, over the configured flat tariff, scoring as PJM defaults. */
    public static GridLink of(ControlConfig control) {
        LiveDeliveryScores deliveries = new LiveDeliveryScores(ScoringConfig.ofDefaults());
        FleetTicks ticks = new FleetTicks();
        // setpoint bands match the hysteresis of the dispatcher LiveController runs
        return new GridLink(new OpenAdrOverlay(control.importPricePerKwh(), control.exportPricePerKwh(),
                DispatchConfig.ofDefaults().hysteresisKw(), ticks), new MarketInbox(deliveries), ticks, deliveries);
    }
}
