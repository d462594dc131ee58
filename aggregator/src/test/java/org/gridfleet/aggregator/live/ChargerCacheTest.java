package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridfleet.aggregator.fleet.Charger;
import org.gridfleet.aggregator.fleet.ChargerCredentials;
import org.gridfleet.aggregator.fleet.FleetRegistry;
import org.gridfleet.aggregator.fleet.Site;
import org.gridfleet.aggregator.fleet.Vehicle;
import org.gridfleet.v2g.charger.ChargerRecord;
import org.junit.jupiter.api.Test;

class ChargerCacheTest {

    /** What the database holds; {@link ChargerCache#refresh()} reads it. */
    private static final class Registry implements FleetRegistry, ChargerCredentials {
        final List<SiteWithChargers> sites = new ArrayList<>();
        final List<Vehicle> vehicles = new ArrayList<>();

        @Override
        public List<Vehicle> vehicles() {
            return List.copyOf(vehicles);
        }

        @Override
        public Optional<Vehicle> vehicleForSession(String idTokenOrEvId) {
            throw new AssertionError("the cache answers from memory");
        }

        @Override
        public List<SiteWithChargers> sites() {
            return List.copyOf(sites);
        }

        @Override
        public Optional<SiteWithChargers> siteOfCharger(String chargerId) {
            throw new AssertionError("the cache answers from memory");
        }

        @Override
        public Optional<Charger> find(String ocppIdentity) {
            throw new AssertionError("the cache answers from memory");
        }

        @Override
        public boolean verify(String ocppIdentity, String password) {
            return false;
        }
    }

    private final Registry registry = new Registry();
    private final List<Runnable> worker = new ArrayList<>();
    private final ChargerCache cache =
            new ChargerCache(registry, new PreverifiedPasswords(registry, worker::add, new SecureRandom()));

    @Test
    void findShouldAnswerFromTheLastRefreshWithTheFallbackInputs() {
        // GIVEN a 100 kW site (95 kW usable) with two chargers, one discharge-capable
        Site site = LiveFixtures.site(1, 100, List.of());
        registry.sites.add(LiveFixtures.siteWith(site, LiveFixtures.charger("CP-1", site.id(), 22, true),
                LiveFixtures.charger("CP-2", site.id(), 11, false)));
        assertThat(cache.find("CP-1")).isEmpty();
        // WHEN
        cache.refresh();
        // THEN
        ChargerRecord r = cache.find("CP-1").orElseThrow();
        assertThat(r.siteId()).isEqualTo(site.id().toString());
        assertThat(r.admission()).isEqualTo(ChargerRecord.Admission.ACCEPTED);
        assertThat(r.dischargeCapable()).isTrue();
        assertThat(r.maxPowerKw()).isEqualTo(22);
        assertThat(r.siteLimitKw()).isEqualTo(95);
        assertThat(r.chargersAtSite()).isEqualTo(2);
        assertThat(cache.find("CP-2").orElseThrow().dischargeCapable()).isFalse();
        assertThat(cache.find("CP-9")).isEmpty();
    }

    @Test
    void matchShouldFindVehiclesByIdTokenOrEvIdentifierWhenRegistered() {
        // GIVEN
        Vehicle v = LiveFixtures.vehicle(7);
        registry.vehicles.add(v);
        cache.refresh();
        // THEN
        assertThat(cache.match("RFID-7", null)).hasValueSatisfying(m -> {
            assertThat(m.vehicleId()).isEqualTo(v.id().toString());
            assertThat(m.batteryKwh()).isEqualTo(60);
        });
        assertThat(cache.match("unknown-token", "EVCC-7")).map(m -> m.vehicleId()).contains(v.id().toString());
        assertThat(cache.match("unknown-token", null)).isEmpty();
        assertThat(cache.match(null, null)).isEmpty();
    }

    @Test
    void verifyPasswordShouldRefuseWithoutWorkWhenTheChargerIsNotRegistered() {
        // WHEN
        boolean ok = cache.verifyPassword("CP-404", "anything".toCharArray());
        // THEN
        assertThat(ok).isFalse();
        assertThat(worker).isEmpty();
    }
}
