package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gridfleet.aggregator.fleet.Site;
import org.gridfleet.aggregator.fleet.Site.NestedLimit;
import org.gridfleet.aggregator.fleet.Vehicle;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.control.ChargingPreference;
import org.gridfleet.v2g.control.LimitNode;
import org.junit.jupiter.api.Test;

class ControllerShapeTest {

    @Test
    void ofShouldNestLimitsByContainmentAndHangVehiclesUnderTheTightest() {
        // GIVEN a feeder over CP-1..CP-3 holding a group of CP-1 and CP-2; CP-4 only under the site
        Site site = LiveFixtures.site(1, 200, List.of(
                new NestedLimit("group", NestedLimit.Kind.CHARGER_GROUP, 30, List.of("CP-1", "CP-2")),
                new NestedLimit("feeder", NestedLimit.Kind.FEEDER, 80, List.of("CP-1", "CP-2", "CP-3"))));
        String s = site.id().toString();
        Vehicle v1 = LiveFixtures.vehicle(1);
        Vehicle v3 = LiveFixtures.vehicle(3);
        Vehicle v4 = LiveFixtures.vehicle(4);
        FleetView view = FleetView.of(List.of(LiveFixtures.siteWith(site,
                LiveFixtures.charger("CP-1", site.id(), 22, false), LiveFixtures.charger("CP-3", site.id(), 22, false),
                LiveFixtures.charger("CP-4", site.id(), 22, false))), List.of(v1, v3, v4));
        // WHEN
        ControllerShape shape = ControllerShape.of(view, Map.of(v1.id().toString(), new EvseRef("CP-1", 1),
                v3.id().toString(), new EvseRef("CP-3", 1), v4.id().toString(), new EvseRef("CP-4", 1)));
        // THEN
        assertThat(shape.nodes()).containsExactlyInAnyOrder(new LimitNode(s + "/group", s + "/feeder", 30, 0),
                new LimitNode(s + "/feeder", s, 80, 0));
        assertThat(shape.vehicleNode()).containsExactlyInAnyOrderEntriesOf(Map.of(
                v1.id().toString(), s + "/group", v3.id().toString(), s + "/feeder"));
        assertThat(shape.preferences()).containsEntry(v4.id().toString(), ChargingPreference.LOWEST_COST);
    }
}
