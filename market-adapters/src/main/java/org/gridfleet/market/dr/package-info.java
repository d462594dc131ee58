/**
 * Demand-response values as a market sends them (what an OpenADR 3 event carries): import or export caps on a
 * site or the whole fleet for a window, and price signals. Power sign: positive = import.
 */
package org.gridfleet.market.dr;
