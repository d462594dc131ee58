/**
 * The live aggregator of {@code gridfleet serve}: the OCPP gateway's seams answered from memory
 * ({@link org.gridfleet.aggregator.live.ChargerCache}), chargers' reports turned into per-session fleet state
 * ({@link org.gridfleet.aggregator.live.LiveFleet}) and telemetry rows
 * ({@link org.gridfleet.aggregator.live.GatewayTelemetry}), and the control loop
 * ({@link org.gridfleet.aggregator.live.ControlLoop}) whose changed setpoints go back to the chargers.
 *
 * <p>Power in kW, positive = into the battery (grid import); energy in kWh; SoC 0..1.
 */
package org.gridfleet.aggregator.live;
