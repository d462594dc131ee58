/**
 * Bidding helpers that know only kW, kWh and prices: offer price from costs, and the capacity that is available
 * with a required probability (Energinet P90).
 */
package org.gridfleet.market.bidding;
