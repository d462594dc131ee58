/**
 * The OCPP-J gateway (OCPP 2.1, 2.0.1, 1.6 over WebSocket, Vert.x 5): handshake and auth, framing,
 * schema validation against the official OCA schemas, one {@link org.gridfleet.v2g.ocpp.ChargerConnection}
 * per socket, and one adapter per OCPP version behind {@link org.gridfleet.v2g.charger.ChargerControl}.
 */
package org.gridfleet.v2g.ocpp;
