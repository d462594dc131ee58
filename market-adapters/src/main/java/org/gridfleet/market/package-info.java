/**
 * Markets as Gridfleet sees them: products, gate closures, offers, awards, obligations and their
 * lifecycle, live signals. Knows kW and kWh over time, never vehicles.
 *
 * <p>Power sign everywhere: positive = grid import (into the fleet's batteries), negative = export.
 * Regulation "up" means less import / more export. Times are UTC {@link java.time.Instant}s.
 * Parameters are non-null unless documented otherwise.
 */
package org.gridfleet.market;
