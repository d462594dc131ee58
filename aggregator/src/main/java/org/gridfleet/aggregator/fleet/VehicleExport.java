package org.gridfleet.aggregator.fleet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A vehicle's data as handed to its owner: its settings (identifiers included, it is their data) and
 * its history rows. JSON keeps the structure; CSV is one long table {@code record,time,field,value}
 * that any spreadsheet opens, with formula-looking text defused.
 */
public record VehicleExport(Vehicle vehicle, List<VehicleHistory.Rows> history, Instant exportedAt) {

    public JsonObject toJson() {
        JsonObject tables = new JsonObject();
        for (VehicleHistory.Rows r : history) {
            tables.put(r.table(), new JsonObject().put("rows", new JsonArray(new ArrayList<>(r.rows())))
                    .put("truncated", r.truncated()));
        }
        return new JsonObject().put("exportedAt", exportedAt.toString()).put("vehicle", FleetJson.toJson(vehicle))
                .put("history", tables);
    }

    public String toCsv() {
        StringBuilder sb = new StringBuilder("record,time,field,value\r\n");
        JsonObject settings = FleetJson.toJson(vehicle);
        for (String field : settings.fieldNames()) {
            line(sb, "vehicle", "", field, settings.getValue(field));
        }
        for (VehicleHistory.Rows r : history) {
            for (JsonObject row : r.rows()) {
                Object time = row.getValue("time");
                for (String field : row.fieldNames()) {
                    if (!field.equals("time") && !field.equals("vehicle_id")) {
                        line(sb, r.table(), time, field, row.getValue(field));
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String record, Object time, String field, Object value) {
        sb.append(cell(record)).append(',').append(cell(time)).append(',').append(cell(field)).append(',')
                .append(cell(value)).append("\r\n");
    }

    /** RFC 4180 quoting; text a spreadsheet would run as a formula gets a leading apostrophe. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof JsonObject o ? o.encode() : value instanceof JsonArray a ? a.encode() : value.toString();
        if (!(value instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
