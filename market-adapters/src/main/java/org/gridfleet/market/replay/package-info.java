/**
 * The file/replay face of the market adapters: strict readers for recorded signal files (PJM regulation
 * signals, grid frequency) and adapters that replay awards and signals in simulated time.
 */
package org.gridfleet.market.replay;
