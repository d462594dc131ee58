package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.gridfleet.v2g.ocpp.GatewayMetrics;
import org.gridfleet.v2g.ocpp.GatewayMetrics.Direction;
import org.gridfleet.v2g.ocpp.OcppActions;
import org.gridfleet.v2g.ocpp.OcppErrorCode;
import org.gridfleet.v2g.ocpp.OcppVersion;
import org.junit.jupiter.api.Test;

/** The gateway's frame metrics as an operator's Prometheus sees them. */
class OcppWireMetricsTest {

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GatewayMetrics metrics = OcppMetrics.wire(prometheus);

    @Test
    void scrapeShouldCountOpenConnectionsByNegotiatedVersionWhenChargersComeAndGo() {
        // GIVEN WHEN two 2.1 chargers and one 1.6 charger connect and one 2.1 charger leaves
        metrics.connected(OcppVersion.V2_1);
        metrics.connected(OcppVersion.V2_1);
        metrics.connected(OcppVersion.V1_6);
        metrics.disconnected(OcppVersion.V2_1);
        // THEN
        String text = prometheus.scrape();
        assertThat(text).contains("gridfleet_ocpp_connections{version=\"2.1\"} 1.0")
                .contains("gridfleet_ocpp_connections{version=\"1.6\"} 1.0")
                .contains("gridfleet_ocpp_connections{version=\"2.0.1\"} 0.0");
    }

    @Test
    void scrapeShouldCountMessagesByVersionActionAndDirectionWhenCallsFlow() {
        // WHEN three MeterValues come in on 1.6, one SetChargingProfile goes out on 2.1, one made-up action comes in
        for (int i = 0; i < 3; i++) {
            metrics.call(OcppVersion.V1_6, "MeterValues", Direction.IN);
        }
        metrics.call(OcppVersion.V2_1, "SetChargingProfile", Direction.OUT);
        metrics.call(OcppVersion.V2_1, GatewayMetrics.UNKNOWN_ACTION, Direction.IN);
        // THEN
        String text = prometheus.scrape();
        assertThat(text)
                .contains("gridfleet_ocpp_messages_total{action=\"MeterValues\",direction=\"in\",version=\"1.6\"} 3.0")
                .contains("gridfleet_ocpp_messages_total{action=\"SetChargingProfile\",direction=\"out\",version=\"2.1\"} 1.0")
                .contains("gridfleet_ocpp_messages_total{action=\"unknown\",direction=\"in\",version=\"2.1\"} 1.0")
                .doesNotContain("action=\"MeterValues\",direction=\"out\"");
    }

    @Test
    void scrapeShouldCountCallErrorsByCodeAndDirectionWhenErrorsAreSentAndReceived() {
        // WHEN Gridfleet answers two FormatViolations and a charger answers one NotSupported
        metrics.callError(OcppErrorCode.FormatViolation, Direction.OUT);
        metrics.callError(OcppErrorCode.FormatViolation, Direction.OUT);
        metrics.callError(OcppErrorCode.NotSupported, Direction.IN);
        // THEN every code is present from the start, and the sent and received ones are counted apart
        String text = prometheus.scrape();
        assertThat(text).contains("gridfleet_ocpp_callerrors_total{code=\"FormatViolation\",direction=\"out\"} 2.0")
                .contains("gridfleet_ocpp_callerrors_total{code=\"NotSupported\",direction=\"in\"} 1.0")
                .contains("gridfleet_ocpp_callerrors_total{code=\"FormatViolation\",direction=\"in\"} 0.0");
    }

    @Test
    void scrapeShouldPublishARoundTripHistogramPerActionWhenCallsAreAnswered() {
        // WHEN two UpdateDynamicSchedule calls are answered after 20 ms and 400 ms
        metrics.roundTrip(OcppVersion.V2_1, "UpdateDynamicSchedule", TimeUnit.MILLISECONDS.toNanos(20));
        metrics.roundTrip(OcppVersion.V2_1, "UpdateDynamicSchedule", TimeUnit.MILLISECONDS.toNanos(400));
        // THEN count, sum and buckets that split them are scraped
        String text = prometheus.scrape();
        String series = "action=\"UpdateDynamicSchedule\",version=\"2.1\"";
        assertThat(text).contains("gridfleet_ocpp_call_roundtrip_seconds_count{" + series + "} 2")
                .contains("gridfleet_ocpp_call_roundtrip_seconds_sum{" + series + "} 0.42")
                .containsPattern("gridfleet_ocpp_call_roundtrip_seconds_bucket\\{" + series + ",le=\"0\\.02[0-9]*\"} 1")
                .contains("gridfleet_ocpp_call_roundtrip_seconds_bucket{" + series + ",le=\"+Inf\"} 2");
    }

    @Test
    void scrapeShouldCountFullSchemaValidationsByDirectionWhenCallsAreProvenInFull() {
        // WHEN two inbound CALLs and one outbound CALL pass the full validator
        metrics.provenInFull(Direction.IN);
        metrics.provenInFull(Direction.IN);
        metrics.provenInFull(Direction.OUT);
        // THEN
        String text = prometheus.scrape();
        assertThat(text).contains("gridfleet_ocpp_schema_full_total{direction=\"in\"} 2.0")
                .contains("gridfleet_ocpp_schema_full_total{direction=\"out\"} 1.0");
    }

    @Test
    void scrapeShouldExportEveryKnownActionAtZeroWhenNoFrameHasFlowedYet() {
        // WHEN nothing has happened yet
        String text = prometheus.scrape();
        // THEN what a charger may send, what Gridfleet sends and its round trips are there from the start
        assertThat(text)
                .contains("gridfleet_ocpp_messages_total{action=\"TransactionEvent\",direction=\"in\",version=\"2.1\"} 0.0")
                .contains("gridfleet_ocpp_messages_total{action=\"MeterValues\",direction=\"in\",version=\"1.6\"} 0.0")
                .contains("gridfleet_ocpp_messages_total{action=\"unknown\",direction=\"in\",version=\"2.0.1\"} 0.0")
                .contains("gridfleet_ocpp_messages_total{action=\"UpdateDynamicSchedule\",direction=\"out\",version=\"2.1\"} 0.0")
                .contains("gridfleet_ocpp_call_roundtrip_seconds_count{action=\"SetChargingProfile\",version=\"1.6\"} 0")
                .contains("gridfleet_ocpp_call_roundtrip_seconds_bucket{action=\"UpdateDynamicSchedule\",version=\"2.1\",le=\"+Inf\"} 0");
        // AND one counter per inbound schema action (+ unknown) and per outbound CALL, per version, no more
        long expected = 0;
        for (OcppVersion v : OcppVersion.values()) {
            expected += OcppActions.inbound(v).size() + 1 + OcppActions.outbound(v).size();
        }
        assertThat(text.lines().filter(l -> l.startsWith("gridfleet_ocpp_messages_total{"))).hasSize((int) expected);
        // AND no action that Gridfleet never sends gets a round-trip series
        assertThat(text).doesNotContain("gridfleet_ocpp_call_roundtrip_seconds_count{action=\"TransactionEvent\"");
    }

    @Test
    void callShouldIncrementThePreRegisteredCounterWhenTheActionComesIn() {
        // GIVEN
        String series = "gridfleet_ocpp_messages_total{action=\"Heartbeat\",direction=\"in\",version=\"2.0.1\"}";
        assertThat(prometheus.scrape()).contains(series + " 0.0");
        // WHEN
        metrics.call(OcppVersion.V2_0_1, "Heartbeat", Direction.IN);
        metrics.call(OcppVersion.V2_0_1, "Heartbeat", Direction.IN);
        // THEN the same series counts, no second one appears
        String text = prometheus.scrape();
        assertThat(text).contains(series + " 2.0");
        assertThat(text.lines().filter(l -> l.startsWith(series))).hasSize(1);
    }
}
