package org.gridfleet.aggregator.live;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.gridfleet.aggregator.openadr.grid.DispatchOverlay;
import org.gridfleet.aggregator.openadr.grid.GridObligation;
import org.gridfleet.aggregator.openadr.grid.GridObligationListener;
import org.gridfleet.aggregator.openadr.grid.GridTarget;
import org.gridfleet.aggregator.openadr.grid.ObligationBoard;
import org.gridfleet.market.dr.DemandResponseLimit;
import org.gridfleet.market.dr.DemandResponseLimits;
import org.gridfleet.v2g.control.Tariff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenADR events' hand-off to the control loop: the VTN reports each event's obligations here (on an event
 * loop), this keeps them on an {@link ObligationBoard} and publishes an immutable {@link Snapshot} (the
 * dispatcher's demand-response caps and the schedule's tariff) that the next control tick picks up on its worker.
 * Obligations the live loop cannot honour (fleet targets, setpoints, SIMPLE levels, site-scoped prices) are logged
 * with their event, never dropped silently.
 */
public final class OpenAdrOverlay implements GridObligationListener {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAdrOverlay.class);

    /**
     * What the events ask of the next tick.
     *
     * @param limits import/export caps per site id and for the portfolio ({@link DemandResponseLimit#FLEET})
     * @param tariff the flat prices with portfolio-wide event prices over their intervals, currency/kWh
     */
    public record Snapshot(DemandResponseLimits limits, Tariff tariff) {
    }

    private final ObligationBoard board = new ObligationBoard();
    private final double flatImportPerKwh;
    private final double flatExportPerKwh;
    private final AtomicReference<Snapshot> current;

    /**
     * @param flatImportPerKwh the configured import price outside any price event, currency/kWh
     * @param flatExportPerKwh the configured export price outside any price event, currency/kWh
     */
    public OpenAdrOverlay(double flatImportPerKwh, double flatExportPerKwh) {
        this.flatImportPerKwh = flatImportPerKwh;
        this.flatExportPerKwh = flatExportPerKwh;
        this.current = new AtomicReference<>(snapshot(List.of()));
    }

    /** Serialized so two event loops cannot publish their snapshots out of order. */
    @Override
    public synchronized void obligationsChanged(String eventId, List<GridObligation> obligations) {
        board.obligationsChanged(eventId, obligations);
        current.set(snapshot(board.all()));
        for (GridObligation o : obligations) {
            if (!honoured(o)) {
                LOG.warn("[event: {}] not honoured by the live control loop: {}", eventId, o);
            }
        }
    }

    /** The latest snapshot; any thread. */
    public Snapshot current() {
        return current.get();
    }

    private Snapshot snapshot(List<GridObligation> all) {
        DispatchOverlay overlay = DispatchOverlay.of(all);
        return new Snapshot(overlay.limits(), EventTariff.of(overlay.prices(), flatImportPerKwh, flatExportPerKwh));
    }

    private static boolean honoured(GridObligation o) {
        boolean portfolio = o.target() instanceof GridTarget.Portfolio;
        boolean site = o.target() instanceof GridTarget.Site;
        if (o instanceof GridObligation.PriceSignal) {
            return portfolio;
        }
        return (o instanceof GridObligation.ImportCapacityLimit || o instanceof GridObligation.ExportCapacityLimit)
                && (portfolio || site);
    }
}
