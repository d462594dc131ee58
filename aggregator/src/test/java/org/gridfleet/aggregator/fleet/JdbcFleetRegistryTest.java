package org.gridfleet.aggregator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.storage.Jdbc;
import org.gridfleet.aggregator.tenant.Role;
import org.gridfleet.aggregator.tenant.TenantStore;
import org.gridfleet.aggregator.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdbcFleetRegistryTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static HikariDataSource dataSource;
    private static JdbcFleetRegistry registry;
    private static UUID siteId;

    @BeforeAll
    static void seed() {
        dataSource = TestDatabase.freshSchema(JdbcFleetRegistryTest.class);
        registry = new JdbcFleetRegistry(dataSource);
        PasswordHasher hasher = new PasswordHasher(new SecureRandom(), 1000);
        Jdbc.inTransaction(dataSource, c -> {
            UUID tenant = new TenantStore(java.time.Clock.systemUTC()).create(c, "t", Role.FLEET_OWNER).id();
            Fleet fleet = new Fleet(UUID.randomUUID(), tenant, "f", NOW, NOW);
            new FleetStore().insertFleet(c, fleet);
            new FleetStore().insertVehicle(c, new Vehicle(UUID.randomUUID(), fleet.id(), tenant, "van", 60, Chemistry.LFP,
                    11, 11, 0.2, List.of(), List.of(), ChargingPreference.GREENEST, new V2gConsent.DailyCycleCap(0.5),
                    Optional.empty(), Optional.of("RFID-1"), Optional.of("EVCC-1"), NOW, NOW));
            Site site = new Site(UUID.randomUUID(), tenant, "s", 100, 5, List.of(), NOW, NOW);
            siteId = site.id();
            SiteStore sites = new SiteStore();
            sites.insertSite(c, site);
            sites.insertCharger(c, new Charger("CP-9", site.id(), tenant, 22, true, "m", DischargeCapability.OCPP16_VENDOR,
                    NOW, NOW), hasher.hash("correct-horse-battery"));
            return null;
        });
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void verifyShouldAcceptOnlyTheRegisteredPasswordOfAKnownCharger() {
        assertThat(registry.verify("CP-9", "correct-horse-battery")).isTrue();
        assertThat(registry.verify("CP-9", "correct-horse-batterY")).isFalse();
        assertThat(registry.verify("CP-404", "correct-horse-battery")).isFalse();
    }

    @Test
    void findShouldReturnSiteAndCapabilityWhenChargerIsRegistered() {
        // WHEN
        Charger c = registry.find("CP-9").orElseThrow();
        // THEN
        assertThat(c.siteId()).isEqualTo(siteId);
        assertThat(c.dischargeCapability()).isEqualTo(DischargeCapability.OCPP16_VENDOR);
        assertThat(c.canDischarge()).isTrue();
        assertThat(registry.siteOfCharger("CP-9").orElseThrow().site().usableLimitKw()).isEqualTo(95.0);
    }

    @Test
    void vehicleForSessionShouldMatchByIdTokenOrEvId() {
        assertThat(registry.vehicleForSession("RFID-1")).map(Vehicle::name).contains("van");
        assertThat(registry.vehicleForSession("EVCC-1")).map(Vehicle::name).contains("van");
        assertThat(registry.vehicleForSession("nobody")).isEmpty();
        assertThat(registry.vehicles()).singleElement().satisfies(v ->
                assertThat(v.v2g()).isEqualTo(new V2gConsent.DailyCycleCap(0.5)));
        assertThat(registry.sites()).singleElement().satisfies(s -> assertThat(s.chargers()).hasSize(1));
    }
}
