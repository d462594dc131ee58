package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gridfleet.v2g.charger.ChargerControl;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.DispatchResult.Status;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.control.VehicleState;
import org.junit.jupiter.api.Test;

class SetpointSenderTest {

    private record Sent(EvseRef evse, double kw, CompletableFuture<DispatchResult> result) {
    }

    /** Records every setpoint; the test answers for the charger. */
    private static final class Chargers implements ChargerControl {
        final List<Sent> sent = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<DispatchResult> setpoint(EvseRef evse, double powerKw) {
            Sent s = new Sent(evse, powerKw, new CompletableFuture<>());
            sent.add(s);
            return s.result();
        }

        @Override
        public CompletionStage<DispatchResult> limit(EvseRef evse, double maxPowerKw) {
            throw new AssertionError("the live loop sends setpoints");
        }
    }

    private static final EvseRef A = new EvseRef("CP-A", 1);
    private static final EvseRef B = new EvseRef("CP-B", 1);
    private final Chargers chargers = new Chargers();
    private final SetpointSender sender = new SetpointSender(chargers);

    /** Sends with every vehicle at site s1. */
    private int send(Map<String, Double> setpointsKw, Map<String, EvseRef> evses) {
        return sender.send(setpointsKw, evses, evses.keySet().stream().map(id -> vehicleAt(id, "s1")).toList());
    }

    private static VehicleState vehicleAt(String id, String site) {
        return new VehicleState(id, site, 40, 0.5, 0.2, 0.8, Instant.parse("2026-01-05T08:00:00Z"), 11, 0, 0.95, 0,
                false);
    }

    @Test
    void sendShouldSendOnlyChangedSetpointsAndZeroForVehiclesLeftOut() {
        // GIVEN
        Map<String, EvseRef> evses = Map.of("va", A, "vb", B);
        send(Map.of("va", 7.0, "vb", 3.0), evses);
        chargers.sent.forEach(s -> s.result().complete(DispatchResult.of(Status.ACCEPTED, "")));
        chargers.sent.clear();
        // WHEN the same values come again THEN nothing goes out
        assertThat(send(Map.of("va", 7.0, "vb", 3.0), evses)).isZero();
        // WHEN one changes and the other is left out THEN both go out, the left-out one at 0 kW
        int sent = send(Map.of("va", 5.0), evses);
        assertThat(sent).isEqualTo(2);
        assertThat(chargers.sent).extracting(Sent::evse, Sent::kw)
                .containsExactlyInAnyOrder(tuple(A, 5.0),
                        tuple(B, 0.0));
    }

    private static final Map<String, EvseRef> BOTH = Map.of("va", A, "vb", B);

    /** A at 2 kW and B at 9 kW swap: B's lower goes out, A's raise waits behind it. */
    private void swapSoThatARaiseWaitsBehindALower() {
        send(Map.of("va", 2.0, "vb", 9.0), BOTH);
        chargers.sent.clear();
        send(Map.of("va", 9.0, "vb", 2.0), BOTH);
    }

    @Test
    void sendShouldRaiseOnlyOnceTheLoweredChargerHasAnsweredWhenSetpointsMoveBothWays() {
        // WHEN
        swapSoThatARaiseWaitsBehindALower();
        // THEN the lower goes out alone
        assertThat(chargers.sent).extracting(Sent::evse).containsExactly(B);
        // WHEN the lowered charger answers (even by timing out) THEN the raise follows
        chargers.sent.get(0).result().complete(DispatchResult.of(Status.TIMED_OUT, "no answer"));
        assertThat(chargers.sent).extracting(Sent::evse, Sent::kw).containsExactly(tuple(B, 2.0), tuple(A, 9.0));
    }

    @Test
    void sendShouldDropAHeldRaiseWhenALaterTickReplacedIt() {
        // GIVEN
        swapSoThatARaiseWaitsBehindALower();
        // WHEN the next tick lowers A again before B answered
        send(Map.of("va", 4.0, "vb", 2.0), BOTH);
        chargers.sent.forEach(s -> s.result().complete(DispatchResult.of(Status.ACCEPTED, "")));
        // THEN A gets 4 kW and never the stale 9 kW
        assertThat(chargers.sent).extracting(Sent::evse, Sent::kw).containsExactly(tuple(B, 2.0), tuple(A, 4.0));
    }

    @Test
    void sendShouldNotHoldARaiseBehindALowerAtAnotherSite() {
        // GIVEN A at site s1, B at site s2
        Map<String, EvseRef> evses = Map.of("va", A, "vb", B);
        List<VehicleState> vehicles = List.of(vehicleAt("va", "s1"), vehicleAt("vb", "s2"));
        sender.send(Map.of("va", 2.0, "vb", 9.0), evses, vehicles);
        chargers.sent.clear();
        // WHEN A rises and B falls
        sender.send(Map.of("va", 9.0, "vb", 2.0), evses, vehicles);
        // THEN both go out at once: B's site is not A's
        assertThat(chargers.sent).extracting(Sent::evse).containsExactlyInAnyOrder(A, B);
    }

    @Test
    void sendShouldRaiseAfterTheHoldWhenTheLoweredChargerNeverAnswers() throws InterruptedException {
        // GIVEN a sender that holds raises at most 50 ms
        SetpointSender held = new SetpointSender(chargers, Duration.ofMillis(50));
        Map<String, EvseRef> evses = Map.of("va", A, "vb", B);
        List<VehicleState> vehicles = List.of(vehicleAt("va", "s1"), vehicleAt("vb", "s1"));
        held.send(Map.of("va", 2.0, "vb", 9.0), evses, vehicles);
        chargers.sent.clear();
        // WHEN B is lowered and never answers
        held.send(Map.of("va", 9.0, "vb", 2.0), evses, vehicles);
        assertThat(chargers.sent).extracting(Sent::evse).containsExactly(B);
        // THEN A's raise goes out once the hold is over
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (chargers.sent.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(chargers.sent).extracting(Sent::evse, Sent::kw).containsExactly(tuple(B, 2.0), tuple(A, 9.0));
    }

    @Test
    void sendShouldResendWhenTheChargerDidNotTakeTheSetpoint() {
        // GIVEN a setpoint that timed out and one that was replaced by a newer value
        send(Map.of("va", 6.0), Map.of("va", A));
        send(Map.of("vb", 4.0), Map.of("vb", B));
        chargers.sent.get(0).result().complete(DispatchResult.of(Status.TIMED_OUT, "no answer"));
        chargers.sent.get(1).result().complete(DispatchResult.of(Status.SUPERSEDED, "newer"));
        chargers.sent.clear();
        // WHEN
        send(Map.of("va", 6.0, "vb", 4.0), Map.of("va", A, "vb", B));
        // THEN only the timed-out one goes again
        assertThat(chargers.sent).extracting(Sent::evse).containsExactly(A);
    }

    @Test
    void sendShouldSendAgainWhenAVehicleReturnsAfterItWasNoLongerSteered() {
        // GIVEN
        send(Map.of("va", 6.0), Map.of("va", A));
        send(Map.of(), Map.of());
        chargers.sent.clear();
        // WHEN
        send(Map.of("va", 6.0), Map.of("va", A));
        // THEN
        assertThat(chargers.sent).extracting(Sent::kw).containsExactly(6.0);
    }
}
