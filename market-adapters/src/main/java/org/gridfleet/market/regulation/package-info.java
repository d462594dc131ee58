/**
 * PJM-style regulation (RegA / RegD): the power request a normalized AGC signal makes of an awarded capability,
 * the Manual 12 performance score, mileage and the Manual 28 settlement credits (MARKET-RULES.md §1).
 *
 * <p>Signal sign: +1 = regulation up = less import / more export. Fleet power sign: positive = import, so the
 * requested fleet power is {@code baseline − signal × awardedKw}.
 */
package org.gridfleet.market.regulation;
