package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.gridfleet.v2g.charger.ChargerControl;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.DispatchResult.Status;
import org.gridfleet.v2g.charger.EvseRef;
import org.junit.jupiter.api.Test;

class SetpointSenderTest {

    private record Sent(EvseRef evse, double kw, CompletableFuture<DispatchResult> result) {
    }

    /** Records every setpoint; the test answers for the charger. */
    private static final class Chargers implements ChargerControl {
        final List<Sent> sent = new ArrayList<>();

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

    @Test
    void sendShouldSendOnlyChangedSetpointsAndZeroForVehiclesLeftOut() {
        // GIVEN
        Map<String, EvseRef> evses = Map.of("va", A, "vb", B);
        sender.send(Map.of("va", 7.0, "vb", 3.0), evses);
        chargers.sent.forEach(s -> s.result().complete(DispatchResult.of(Status.ACCEPTED, "")));
        chargers.sent.clear();
        // WHEN the same values come again THEN nothing goes out
        assertThat(sender.send(Map.of("va", 7.0, "vb", 3.0), evses)).isZero();
        // WHEN one changes and the other is left out THEN both go out, the left-out one at 0 kW
        int sent = sender.send(Map.of("va", 5.0), evses);
        assertThat(sent).isEqualTo(2);
        assertThat(chargers.sent).extracting(Sent::evse, Sent::kw)
                .containsExactlyInAnyOrder(tuple(A, 5.0),
                        tuple(B, 0.0));
    }

    private static final Map<String, EvseRef> BOTH = Map.of("va", A, "vb", B);

    /** A at 2 kW and B at 9 kW swap: B's lower goes out, A's raise waits behind it. */
    private void swapSoThatARaiseWaitsBehindALower() {
        sender.send(Map.of("va", 2.0, "vb", 9.0), BOTH);
        chargers.sent.clear();
        sender.send(Map.of("va", 9.0, "vb", 2.0), BOTH);
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
        sender.send(Map.of("va", 4.0, "vb", 2.0), BOTH);
        chargers.sent.forEach(s -> s.result().complete(DispatchResult.of(Status.ACCEPTED, "")));
        // THEN A gets 4 kW and never the stale 9 kW
        assertThat(chargers.sent).extracting(Sent::evse, Sent::kw).containsExactly(tuple(B, 2.0), tuple(A, 4.0));
    }

    @Test
    void sendShouldResendWhenTheChargerDidNotTakeTheSetpoint() {
        // GIVEN a setpoint that timed out and one that was replaced by a newer value
        sender.send(Map.of("va", 6.0), Map.of("va", A));
        sender.send(Map.of("vb", 4.0), Map.of("vb", B));
        chargers.sent.get(0).result().complete(DispatchResult.of(Status.TIMED_OUT, "no answer"));
        chargers.sent.get(1).result().complete(DispatchResult.of(Status.SUPERSEDED, "newer"));
        chargers.sent.clear();
        // WHEN
        sender.send(Map.of("va", 6.0, "vb", 4.0), Map.of("va", A, "vb", B));
        // THEN only the timed-out one goes again
        assertThat(chargers.sent).extracting(Sent::evse).containsExactly(A);
    }

    @Test
    void sendShouldSendAgainWhenAVehicleReturnsAfterItWasNoLongerSteered() {
        // GIVEN
        sender.send(Map.of("va", 6.0), Map.of("va", A));
        sender.send(Map.of(), Map.of());
        chargers.sent.clear();
        // WHEN
        sender.send(Map.of("va", 6.0), Map.of("va", A));
        // THEN
        assertThat(chargers.sent).extracting(Sent::kw).containsExactly(6.0);
    }
}
