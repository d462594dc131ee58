package org.gridfleet.aggregator.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.gridfleet.aggregator.metrics.MetricNames;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.ocpp.GatewayMetrics;
import org.gridfleet.v2g.ocpp.OcppActions;
import org.gridfleet.v2g.ocpp.OcppErrorCode;
import org.gridfleet.v2g.ocpp.OcppVersion;

/**
 * What the live gateway reports: chargers online and the fate of every setpoint sent; {@link #wire} adds
 * the per-frame view for operations.
 */
public interface OcppMetrics {

    /** Gauge, tag {@code version}: open OCPP WebSockets by negotiated version. */
    String CONNECTIONS = "gridfleet.ocpp.connections";
    /** Counter, tags {@code version}, {@code action}, {@code direction} (in = from the charger): CALLs and SENDs. */
    String MESSAGES = "gridfleet.ocpp.messages";
    /** Counter, tags {@code code}, {@code direction} (in = from the charger): CALLERRORs. */
    String CALL_ERRORS = "gridfleet.ocpp.callerrors";
    /** Timer with histogram, tags {@code version}, {@code action}: Gridfleet's CALLs until answered. */
    String CALL_ROUND_TRIP = "gridfleet.ocpp.call.roundtrip";
    /**
     * Counter, tag {@code direction}: CALLs that passed the full schema validator; the rest of {@link #MESSAGES}
     * repeated a proven shape and had only their changed values checked.
     */
    String PROVEN_IN_FULL = "gridfleet.ocpp.schema.full";

    OcppMetrics NOOP = new OcppMetrics() {
        @Override
        public void setpointSent() {
        }

        @Override
        public void setpointAnswered(DispatchResult.Status status) {
        }
    };

    /** A setpoint or limit went on the wire. */
    void setpointSent();

    /** A charger answered (or failed to answer) one; {@code ACCEPTED} counts as acked, the rest as failed. */
    void setpointAnswered(DispatchResult.Status status);

    /** Micrometer-backed; the online gauge reads {@code online} at scrape time. */
    static OcppMetrics micrometer(MeterRegistry registry, IntSupplier online) {
        Gauge.builder(MetricNames.OCPP_CHARGERS_ONLINE, online::getAsInt).register(registry);
        Counter sent = Counter.builder(MetricNames.OCPP_SETPOINTS_SENT).register(registry);
        Counter acked = Counter.builder(MetricNames.OCPP_SETPOINTS_ACKED).register(registry);
        // One counter per status, made once, so an answer never looks a meter up by name.
        Map<DispatchResult.Status, Counter> failed = new EnumMap<>(DispatchResult.Status.class);
        for (DispatchResult.Status s : DispatchResult.Status.values()) {
            failed.put(s, Counter.builder(MetricNames.OCPP_SETPOINTS_FAILED)
                    .tag("status", s.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        return new OcppMetrics() {
            @Override
            public void setpointSent() {
                sent.increment();
            }

            @Override
            public void setpointAnswered(DispatchResult.Status status) {
                (status == DispatchResult.Status.ACCEPTED ? acked : failed.get(status)).increment();
            }
        };
    }

    /**
     * Micrometer-backed frame metrics. Every meter is registered here, before the first frame, so a freshly
     * started Gridfleet already exports every series a dashboard names: per version, a message counter for
     * each action a charger may send ({@link OcppActions#inbound}, plus {@link GatewayMetrics#UNKNOWN_ACTION})
     * and for each CALL Gridfleet sends ({@link OcppActions#outbound}), a round-trip timer for each of the
     * latter, and the connection gauges and CALLERROR counters. The frame path only looks meters up (no
     * strings built, no allocation).
     */
    static GatewayMetrics wire(MeterRegistry registry) {
        return new WireMetrics(registry);
    }

    /** The {@link #wire} implementation. */
    final class WireMetrics implements GatewayMetrics {
        private static final int DIRECTIONS = Direction.values().length;
        private final MeterRegistry registry;
        private final Map<OcppVersion, AtomicInteger> connections = new EnumMap<>(OcppVersion.class);
        /** [version][direction]: action → counter; filled at start, so a lookup finds its meter. */
        private final Map<String, Counter>[][] messages;
        private final Map<OcppVersion, Map<String, Timer>> roundTrips = new EnumMap<>(OcppVersion.class);
        private final Counter[][] callErrors = new Counter[OcppErrorCode.values().length][DIRECTIONS];
        private final Counter[] provenInFull = new Counter[DIRECTIONS];

        @SuppressWarnings("unchecked")
        private WireMetrics(MeterRegistry registry) {
            this.registry = registry;
            messages = new Map[OcppVersion.values().length][DIRECTIONS];
            for (OcppVersion v : OcppVersion.values()) {
                AtomicInteger open = new AtomicInteger();
                connections.put(v, open);
                Gauge.builder(CONNECTIONS, open, AtomicInteger::get).tag("version", v.label()).register(registry);
                Map<String, Counter> in = new ConcurrentHashMap<>();
                Map<String, Counter> out = new ConcurrentHashMap<>();
                Map<String, Timer> timers = new ConcurrentHashMap<>();
                messages[v.ordinal()][Direction.IN.ordinal()] = in;
                messages[v.ordinal()][Direction.OUT.ordinal()] = out;
                roundTrips.put(v, timers);
                for (String action : OcppActions.inbound(v)) {
                    in.put(action, messageCounter(v, action, Direction.IN));
                }
                in.put(UNKNOWN_ACTION, messageCounter(v, UNKNOWN_ACTION, Direction.IN));
                for (String action : OcppActions.outbound(v)) {
                    out.put(action, messageCounter(v, action, Direction.OUT));
                    timers.put(action, roundTripTimer(v, action));
                }
            }
            for (Direction d : Direction.values()) {
                provenInFull[d.ordinal()] = Counter.builder(PROVEN_IN_FULL).tag("direction", tag(d))
                        .register(registry);
            }
            for (OcppErrorCode code : OcppErrorCode.values()) {
                for (Direction d : Direction.values()) {
                    callErrors[code.ordinal()][d.ordinal()] = Counter.builder(CALL_ERRORS)
                            .tag("code", code.name()).tag("direction", tag(d)).register(registry);
                }
            }
        }

        private static String tag(Direction d) {
            return d.name().toLowerCase(Locale.ROOT);
        }

        private Counter messageCounter(OcppVersion version, String action, Direction direction) {
            return Counter.builder(MESSAGES).tag("version", version.label()).tag("action", action)
                    .tag("direction", tag(direction)).register(registry);
        }

        private Timer roundTripTimer(OcppVersion version, String action) {
            return Timer.builder(CALL_ROUND_TRIP).tag("version", version.label()).tag("action", action)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                    .register(registry);
        }

        @Override
        public void connected(OcppVersion version) {
            connections.get(version).incrementAndGet();
        }

        @Override
        public void disconnected(OcppVersion version) {
            connections.get(version).decrementAndGet();
        }

        @Override
        public void call(OcppVersion version, String action, Direction direction) {
            Map<String, Counter> byAction = messages[version.ordinal()][direction.ordinal()];
            Counter counter = byAction.get(action);
            if (counter == null) { // only if an adapter sends an action OcppActions.outbound does not list
                counter = byAction.computeIfAbsent(action, a -> messageCounter(version, a, direction));
            }
            counter.increment();
        }

        @Override
        public void callError(OcppErrorCode code, Direction direction) {
            callErrors[code.ordinal()][direction.ordinal()].increment();
        }

        @Override
        public void roundTrip(OcppVersion version, String action, long nanos) {
            Map<String, Timer> byAction = roundTrips.get(version);
            Timer timer = byAction.get(action);
            if (timer == null) { // only if an adapter sends an action OcppActions.outbound does not list
                timer = byAction.computeIfAbsent(action, a -> roundTripTimer(version, a));
            }
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void provenInFull(Direction direction) {
            provenInFull[direction.ordinal()].increment();
        }
    }
}
