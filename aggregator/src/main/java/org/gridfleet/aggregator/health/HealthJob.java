package org.gridfleet.aggregator.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.gridfleet.aggregator.fleet.FleetStore;
import org.gridfleet.aggregator.fleet.Scope;
import org.gridfleet.aggregator.fleet.Vehicle;
import org.gridfleet.aggregator.storage.Jdbc;
import org.gridfleet.degradation.AgingModel;
import org.gridfleet.degradation.AgingState;
import org.gridfleet.degradation.BatteryHealth;
import org.gridfleet.degradation.BatteryPack;
import org.gridfleet.degradation.DayStress;
import org.gridfleet.degradation.SocProfile;
import org.gridfleet.degradation.budget.DegradationBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every vehicle's battery health up to date from its metered SoC history, on a worker thread: each pass
 * reads the vehicle's new samples, charges the energy it gave back to the grid to its wear ledger, steps its
 * aging model over each newly completed day (days counted from its first sample), estimates its remaining life
 * at its last day's usage, stores the result (one transaction per vehicle) and then replaces the
 * {@link VehicleWear} snapshot the control loop reads.
 */
public final class HealthJob {
    private static final Logger LOG = LoggerFactory.getLogger(HealthJob.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final VehicleWear wear;
    private final HealthStore store = new HealthStore();
    private final FleetStore fleets = new FleetStore();
    private final WearPricing pricing = new WearPricing();

    public HealthJob(DataSource dataSource, Clock clock, VehicleWear wear) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.wear = wear;
    }

    /** Runs a pass now and then every {@code every}, each on a worker (passes never overlap); returns the timer id. */
    public long start(Vertx vertx, Duration every) {
        runNow(vertx);
        return vertx.setPeriodic(every.toMillis(), id -> runNow(vertx));
    }

    /** One pass on a worker thread, on demand. */
    public Future<Integer> runNow(Vertx vertx) {
        return vertx.executeBlocking(this::runPass, true)
                .onFailure(e -> LOG.warn("battery health pass failed: {}", e.toString()));
    }

    /** One pass on the calling thread (never an event loop); returns the number of vehicles updated. */
    public int runPass() {
        List<Vehicle> vehicles = Jdbc.inTransaction(dataSource,
                c -> fleets.listVehicles(c, Scope.ALL, null, Integer.MAX_VALUE, 0));
        Map<UUID, DegradationBudget> budgets = Jdbc.inTransaction(dataSource, store::ownerBudgets);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<UUID, VehicleWear.Entry> next = new HashMap<>();
        int updated = 0;
        for (Vehicle v : vehicles) {
            try {
                Optional<HealthRecord> rec = Jdbc.inTransaction(dataSource, c -> update(c, v));
                BatteryPack pack = WearPricing.pack(v);
                BatteryHealth health = rec.map(r -> BatteryHealth.of(pack, r.state())).orElse(BatteryHealth.fresh(pack));
                WearLedger ledger = rec.map(HealthRecord::ledger).orElse(WearLedger.empty(today));
                next.put(v.id(), pricing.entry(pricing.pricePerKwh(health), v.batteryCapacityKwh(),
                        OwnerBudget.effective(Optional.ofNullable(budgets.get(v.id())), v.v2g())
                                .map(b -> ledger.account(b.budget(), today))));
                updated += rec.isPresent() ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("[vehicleId: {}] battery health not updated: {}", v.id(), e.toString());
            }
        }
        wear.replace(next);
        return updated;
    }

    /** Brings one vehicle's health up to its latest samples; empty while it has none. */
    Optional<HealthRecord> update(Connection c, Vehicle v) throws SQLException {
        Optional<HealthRecord> found = store.find(c, v.id());
        HealthRecord rec;
        List<MeteredSoc.Sample> samples;
        if (found.isPresent()) {
            rec = found.get();
            samples = store.samplesFrom(c, v.id(), rec.wearThrough());
        } else {
            samples = store.allSamples(c, v.id());
            if (samples.isEmpty()) {
                return Optional.empty();
            }
            Instant origin = samples.get(0).time();
            BatteryPack pack = WearPricing.pack(v);
            rec = new HealthRecord(v.id(), origin, pack.chemistry(), pack.chemistry().model().initialState(),
                    OptionalDouble.empty(), WearLedger.empty(LocalDate.ofInstant(origin, ZoneOffset.UTC)), origin, 0);
        }
        MeteredSoc metered = MeteredSoc.of(rec.origin(), samples);
        if (metered.isEmpty()) {
            return found;
        }
        rec = charged(rec, metered, v.batteryCapacityKwh());
        if (!metered.last().isBefore(rec.asOf().plusSeconds((long) SocProfile.SECONDS_PER_DAY))) {
            rec = aged(rec, MeteredSoc.of(rec.origin(), store.samplesFrom(c, v.id(), rec.asOf())), v);
        }
        store.save(c, rec, clock.instant());
        return Optional.of(rec);
    }

    /** The record with the discharges metered after its {@code wearThrough} charged to its ledger. */
    private HealthRecord charged(HealthRecord rec, MeteredSoc metered, double nominalKwh) {
        SortedMap<LocalDate, Double> discharged = metered.dischargedSocAfter(rec.wearThrough());
        double q = rec.state().relativeCapacity();
        double price = pricing.pricePerKwh(BatteryHealth.of(new BatteryPack(rec.model(), nominalKwh), rec.state()));
        WearLedger ledger = rec.ledger();
        double kwh = 0;
        for (Map.Entry<LocalDate, Double> day : discharged.entrySet()) {
            double batteryKwh = day.getValue() * nominalKwh * q;
            ledger = ledger.after(day.getKey(), pricing.wear(price, nominalKwh, batteryKwh));
            kwh += batteryKwh;
        }
        Instant through = metered.last().isAfter(rec.wearThrough()) ? metered.last() : rec.wearThrough();
        return new HealthRecord(rec.vehicleId(), rec.origin(), rec.model(), rec.state(), rec.remainingLifeYears(),
                ledger, through, rec.dischargedKwh() + kwh);
    }

    /** The record aged over every whole day the samples complete, with the remaining life at the last one. */
    private HealthRecord aged(HealthRecord rec, MeteredSoc metered, Vehicle v) {
        List<SocProfile> days = metered.wholeDays(rec.daysStepped(), WearPricing.temperatureC());
        if (days.isEmpty()) {
            return rec;
        }
        AgingModel model = rec.model().model();
        AgingState state = rec.state();
        for (SocProfile day : days) {
            state = model.step(state, DayStress.of(day));
        }
        OptionalDouble life = BatteryHealth.of(new BatteryPack(rec.model(), v.batteryCapacityKwh()), state)
                .remainingLifeYears(days.get(days.size() - 1), WearPricing.endOfLifeCapacity(),
                        WearPricing.HORIZON_YEARS);
        return new HealthRecord(rec.vehicleId(), rec.origin(), rec.model(), state, life, rec.ledger(),
                rec.wearThrough(), rec.dischargedKwh());
    }
}
