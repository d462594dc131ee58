package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads the measurands Gridfleet uses from OCPP {@code sampledValue} arrays (2.x: numeric value and
 * {@code unitOfMeasure.unit}; 1.6: string value and {@code unit}). Results are in kW, kWh and SoC 0..1;
 * NaN when absent. Reused per connection (event-loop owned) to avoid allocation per frame.
 */
final class MeterParser {
  double socFraction;
  double powerKw;
  double importKwh;
  double exportKwh;

  void parse(JsonArray sampledValues) {
    socFraction = Double.NaN;
    powerKw = Double.NaN;
    importKwh = Double.NaN;
    exportKwh = Double.NaN;
    double importW = Double.NaN;
    double exportW = Double.NaN;
    for (int i = 0; i < sampledValues.size(); i++) {
      JsonObject sv = sampledValues.getJsonObject(i);
      String measurand = sv.getString("measurand", "Energy.Active.Import.Register");
      String phase = sv.getString("phase");
      if (phase != null) {
        continue; // totals only
      }
      double value = number(sv.getValue("value"));
      double scale = scaleToKilo(unit(sv));
      switch (measurand) {
        case "SoC" -> socFraction = Math.max(0, Math.min(1, value / 100));
        case "Power.Active.Import" -> importW = value * scale;
        case "Power.Active.Export" -> exportW = value * scale;
        case "Energy.Active.Import.Register" -> importKwh = value * scale;
        case "Energy.Active.Export.Register" -> exportKwh = value * scale;
        default -> { }
      }
    }
    if (!Double.isNaN(importW) || !Double.isNaN(exportW)) {
      powerKw = (Double.isNaN(importW) ? 0 : importW) - (Double.isNaN(exportW) ? 0 : exportW);
    }
  }

  private static String unit(JsonObject sv) {
    JsonObject uom = sv.getJsonObject("unitOfMeasure");
    return uom != null ? uom.getString("unit", "") : sv.getString("unit", "");
  }

  /** W and Wh → kilo; kW and kWh stay. */
  private static double scaleToKilo(String unit) {
    return unit.startsWith("k") ? 1 : 0.001;
  }

  private static double number(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(value));
    } catch (NumberFormatException e) {
      throw new OcppException(OcppErrorCode.PropertyConstraintViolation,
          "sampledValue.value is not a number: " + value);
    }
  }
}
