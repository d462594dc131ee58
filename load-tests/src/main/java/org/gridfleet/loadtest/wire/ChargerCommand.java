package org.gridfleet.loadtest.wire;

/**
 * A control value a charger received from the central system.
 *
 * @param kw        signed kW (+ charge): a 2.1 setpoint, or a 2.0.1/1.6 limit (negative = discharge on
 *                  discharge-capable models)
 * @param fallback  true for the TxDefaultProfile (offline fallback), which only caps charging until a
 *                  transaction profile arrives
 */
record ChargerCommand(double kw, boolean fallback) {}
