/**
 * The control core: vehicle and site constraints, flexibility, scheduling and real-time allocation.
 * Pure code: no I/O, no framework. Power in kW, positive = into the battery. Parameters are non-null.
 */
package org.gridfleet.v2g.control;
