package org.gridfleet.aggregator.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.gridfleet.aggregator.storage.Jdbc;

/** {@link FleetRegistry} and {@link ChargerCredentials} read straight from PostgreSQL. */
public final class JdbcFleetRegistry implements FleetRegistry, ChargerCredentials {

    private static final int ALL_ROWS = Integer.MAX_VALUE;

    private final DataSource dataSource;
    private final FleetStore fleets = new FleetStore();
    private final SiteStore sites = new SiteStore();

    public JdbcFleetRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Vehicle> vehicles() {
        return Jdbc.inTransaction(dataSource, c -> fleets.listVehicles(c, Scope.ALL, null, ALL_ROWS, 0));
    }

    @Override
    public Optional<Vehicle> vehicleForSession(String idTokenOrEvId) {
        return Jdbc.inTransaction(dataSource, c -> fleets.findVehicleBySessionIdentifier(c, idTokenOrEvId));
    }

    @Override
    public List<SiteWithChargers> sites() {
        return Jdbc.inTransaction(dataSource, c -> {
            List<SiteWithChargers> out = new ArrayList<>();
            for (Site s : sites.listSites(c, Scope.ALL, ALL_ROWS, 0)) {
                out.add(new SiteWithChargers(s, sites.listChargers(c, Scope.ALL, s.id(), ALL_ROWS, 0)));
            }
            return out;
        });
    }

    @Override
    public Optional<SiteWithChargers> siteOfCharger(String chargerId) {
        return Jdbc.inTransaction(dataSource, c -> {
            Optional<SiteStore.StoredCharger> ch = sites.findChargerByIdentity(c, chargerId);
            if (ch.isEmpty()) {
                return Optional.empty();
            }
            Site site = sites.findSite(c, Scope.ALL, ch.get().charger().siteId()).orElseThrow();
            return Optional.of(new SiteWithChargers(site, sites.listChargers(c, Scope.ALL, site.id(), ALL_ROWS, 0)));
        });
    }

    @Override
    public Optional<Charger> find(String ocppIdentity) {
        return Jdbc.inTransaction(dataSource, c -> sites.findChargerByIdentity(c, ocppIdentity))
                .map(SiteStore.StoredCharger::charger);
    }

    @Override
    public boolean verify(String ocppIdentity, String password) {
        return Jdbc.inTransaction(dataSource, c -> sites.findChargerByIdentity(c, ocppIdentity))
                .map(s -> PasswordHasher.verify(password, s.passwordHash()))
                .orElse(false);
    }
}
