package org.gridfleet.v2g.charger;

import java.util.Objects;

/**
 * What Gridfleet knows about a registered charger before it connects.
 *
 * @param chargerId        OCPP identity
 * @param siteId           the site (grid connection) the charger is behind
 * @param admission        how to answer its BootNotification
 * @param dischargeCapable whether this charger model may be told to discharge. OCPP 2.1 has standard
 *                         discharge fields; on 2.0.1 and 1.6 a negative limit has no standard meaning, so
 *                         the gateway only sends one when this flag is set (a per-model, tested behaviour)
 * @param maxPowerKw       rated power per EVSE, kW, &gt; 0
 * @param evseCount        EVSEs on the charger, &gt;= 1
 * @param siteLimitKw      import limit of the site, kW, &gt; 0
 * @param chargersAtSite   chargers sharing that limit, &gt;= 1 (sizes the offline fallback)
 */
public record ChargerRecord(
    String chargerId,
    String siteId,
    Admission admission,
    boolean dischargeCapable,
    double maxPowerKw,
    int evseCount,
    double siteLimitKw,
    int chargersAtSite) {

  /** Answer to a BootNotification. */
  public enum Admission { ACCEPTED, PENDING, REJECTED }

  public ChargerRecord {
    Objects.requireNonNull(chargerId, "chargerId");
    Objects.requireNonNull(siteId, "siteId");
    Objects.requireNonNull(admission, "admission");
    if (!(maxPowerKw > 0)) {
      throw new IllegalArgumentException("maxPowerKw must be > 0, was " + maxPowerKw);
    }
    if (evseCount < 1) {
      throw new IllegalArgumentException("evseCount must be >= 1, was " + evseCount);
    }
    if (!(siteLimitKw > 0)) {
      throw new IllegalArgumentException("siteLimitKw must be > 0, was " + siteLimitKw);
    }
    if (chargersAtSite < 1) {
      throw new IllegalArgumentException("chargersAtSite must be >= 1, was " + chargersAtSite);
    }
  }

  /**
   * The offline fallback per EVSE, kW: the site limit shared evenly over every EVSE of every charger at the
   * site, never above the EVSE rating, so all fallbacks at a site add up to at most the site limit.
   */
  public double fallbackKwPerEvse() {
    return Math.min(siteLimitKw / ((double) chargersAtSite * evseCount), maxPowerKw);
  }
}
