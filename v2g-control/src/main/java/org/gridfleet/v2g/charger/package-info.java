/**
 * The charger port: what the control core and the aggregator see of the chargers, independent of OCPP.
 *
 * <p>Sign convention everywhere: power positive = into the battery (charging, grid import), negative =
 * out of the battery (discharging, grid export). Power in kW, energy in kWh, SoC as a fraction 0..1.
 */
package org.gridfleet.v2g.charger;
