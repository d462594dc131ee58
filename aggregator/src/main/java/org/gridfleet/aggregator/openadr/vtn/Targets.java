package org.gridfleet.aggregator.openadr.vtn;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;

/** Reads OpenADR 3.0.1 {@code targets} (arrays of valuesMap). */
final class Targets {

    private Targets() {
    }

    /** True when some valuesMap has {@code type} and (if {@code values} is non-empty) shares a value with it. */
    static boolean matches(JsonArray targets, String type, Collection<String> values) {
        if (targets == null) {
            return false;
        }
        for (int i = 0; i < targets.size(); i++) {
            JsonObject map = targets.getJsonObject(i);
            if (type.equals(map.getString("type"))) {
                if (values.isEmpty()) {
                    return true;
                }
                JsonArray mapValues = map.getJsonArray("values");
                for (int v = 0; v < mapValues.size(); v++) {
                    if (values.contains(String.valueOf(mapValues.getValue(v)))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether a program or event is addressed to a VEN: untargeted objects go to everyone; otherwise it
     * must name the VEN (VEN_NAME) or one of its resources (RESOURCE_NAME / POWER_SERVICE_LOCATION).
     */
    static boolean addressedTo(JsonArray targets, Caller caller) {
        if (targets == null || targets.isEmpty()) {
            return true;
        }
        return matches(targets, "VEN_NAME", List.of(caller.principal().venName()))
                || (!caller.resourceNames().isEmpty()
                && (matches(targets, "RESOURCE_NAME", caller.resourceNames())
                || matches(targets, "POWER_SERVICE_LOCATION", caller.resourceNames())));
    }
}
