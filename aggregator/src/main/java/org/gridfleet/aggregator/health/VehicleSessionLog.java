package org.gridfleet.aggregator.health;

import io.vertx.core.Vertx;
import java.util.UUID;
import javax.sql.DataSource;
import org.gridfleet.aggregator.storage.Jdbc;
import org.gridfleet.v2g.charger.ChargerEvents;
import org.gridfleet.v2g.charger.EvNeeds;
import org.gridfleet.v2g.charger.MeterSample;
import org.gridfleet.v2g.charger.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records which registered vehicle each charging session belongs to ({@code vehicle_charging_sessions}), so its SoC
 * readings (stored per EVSE) can be read as the vehicle's history; forwards every event to {@code delegate}
 * unchanged. The write runs on a worker in event order; the gateway's event loop never waits for it.
 */
public final class VehicleSessionLog implements ChargerEvents {
    private static final Logger LOG = LoggerFactory.getLogger(VehicleSessionLog.class);

    private final Vertx vertx;
    private final DataSource dataSource;
    private final ChargerEvents delegate;
    private final HealthStore store = new HealthStore();

    public VehicleSessionLog(Vertx vertx, DataSource dataSource, ChargerEvents delegate) {
        this.vertx = vertx;
        this.dataSource = dataSource;
        this.delegate = delegate;
    }

    @Override
    public void onConnection(String chargerId, boolean online) {
        delegate.onConnection(chargerId, online);
    }

    @Override
    public void onSession(SessionEvent e) {
        delegate.onSession(e);
        UUID vehicle = vehicleId(e.vehicleId());
        if (e.kind() == SessionEvent.Kind.STARTED && vehicle == null) {
            return;
        }
        vertx.executeBlocking(() -> Jdbc.inTransaction(dataSource, c -> {
            if (e.kind() == SessionEvent.Kind.STARTED) {
                store.sessionStarted(c, vehicle, e.evse().chargerId(), e.evse().evseId(), e.transactionId(), e.at());
            } else {
                store.sessionEnded(c, e.evse().chargerId(), e.evse().evseId(), e.transactionId(), e.at());
            }
            return null;
        }), true).onFailure(x -> LOG.warn("[chargerId: {}] session {} not recorded: {}", e.evse().chargerId(),
                e.transactionId(), x.toString()));
    }

    @Override
    public void onNeeds(EvNeeds needs) {
        delegate.onNeeds(needs);
    }

    @Override
    public void onMeter(MeterSample sample) {
        delegate.onMeter(sample);
    }

    private static UUID vehicleId(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
