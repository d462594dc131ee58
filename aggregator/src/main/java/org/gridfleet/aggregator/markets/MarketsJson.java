package org.gridfleet.aggregator.markets;

import io.vertx.core.json.JsonObject;
import org.gridfleet.aggregator.http.GridfleetException;
import org.gridfleet.market.Award;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.Offer;
import org.gridfleet.market.Settlement;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** JSON of the markets API: offers, obligations and transitions out; awards in. Power in kW, prices per MW(h). */
final class MarketsJson {

    private MarketsJson() {
    }

    static JsonObject offer(Obligation o) {
        Offer offer = o.offer();
        return new JsonObject().put("offerId", o.offerId()).put("product", offer.product().id())
                .put("periodStart", o.period().start().toString()).put("periodEnd", o.period().end().toString())
                .put("capabilityKw", offer.capabilityKw()).put("capabilityPricePerMwh", offer.capabilityPricePerMwh())
                .put("performancePricePerMw", offer.performancePricePerMw()).put("state", o.state().name());
    }

    static JsonObject obligation(Obligation o) {
        JsonObject json = new JsonObject().put("offerId", o.offerId()).put("product", o.offer().product().id())
                .put("state", o.state().name()).put("since", o.since().toString())
                .put("periodStart", o.period().start().toString()).put("periodEnd", o.period().end().toString())
                .put("offeredKw", o.offer().capabilityKw()).put("awardedKw", o.awardedKw());
        if (o.baseline() != null) {
            json.put("baselineKw", o.baseline().kwAt(o.period().start()));
        }
        if (o.award() != null) {
            json.put("capabilityClearingPricePerMwh", o.award().capabilityClearingPricePerMwh())
                    .put("performanceClearingPricePerMw", o.award().performanceClearingPricePerMw());
        }
        Settlement s = o.settlement();
        if (s != null) {
            json.put("settlement", new JsonObject().put("score", s.score())
                    .put("capabilityCredit", s.capabilityCredit()).put("performanceCredit", s.performanceCredit()));
        }
        if (o.reason() != null) {
            json.put("reason", o.reason());
        }
        return json;
    }

    static JsonObject transition(ObligationStore.Transition t) {
        JsonObject json = new JsonObject().put("to", t.to().name()).put("at", t.at().toString())
                .put("actor", t.actor());
        if (t.from() != null) {
            json.put("from", t.from().name());
        }
        return json;
    }

    /** An award body; the contract has checked presence and types, this checks what it cannot express. */
    static Award award(JsonObject body) {
        Instant start = instant(body, "periodStart");
        Instant end = instant(body, "periodEnd");
        if (!end.isAfter(start)) {
            throw GridfleetException.badRequest("periodEnd", "must be after periodStart " + start);
        }
        try {
            return new Award(body.getString("offerId"), new DeliveryPeriod(start, end),
                    number(body, "awardedKw"), number(body, "capabilityClearingPricePerMwh"),
                    body.containsKey("performanceClearingPricePerMw")
                            ? number(body, "performanceClearingPricePerMw") : 0);
        } catch (IllegalArgumentException e) {
            // Award names the field first: "awardedKw must be >= 0, ..."
            String message = String.valueOf(e.getMessage());
            throw GridfleetException.badRequest(message.split(" ", 2)[0], message);
        }
    }

    static Instant instant(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (!(v instanceof String s)) {
            throw GridfleetException.badRequest(field, "must be an ISO-8601 instant");
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw GridfleetException.badRequest(field, "'" + s + "' is not an ISO-8601 UTC instant");
        }
    }

    static double number(JsonObject body, String field) {
        if (!(body.getValue(field) instanceof Number n)) {
            throw GridfleetException.badRequest(field, "must be a number");
        }
        return n.doubleValue();
    }
}
