/**
 * The live face of the market adapters: Vert.x endpoints receiving signal samples from a market (or from the
 * load-test market simulator) over HTTP.
 */
package org.gridfleet.market.live;
