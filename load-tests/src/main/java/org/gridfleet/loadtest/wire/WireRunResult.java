package org.gridfleet.loadtest.wire;

import java.util.List;

/**
 * One run of the wire load scenarios: what was targeted and what every fleet size measured.
 *
 * @param startedAt    UTC start of the run
 * @param target       the OCPP URL and whether it was the in-process harness
 * @param mix          OCPP version mix
 * @param meterSeconds meter value interval, s
 * @param command      the arguments of the run, to reproduce it
 * @param sizes        one result per fleet size, in run order
 */
public record WireRunResult(String startedAt, String target, String mix, double meterSeconds, String command,
    List<FleetSizeResult> sizes) {}
