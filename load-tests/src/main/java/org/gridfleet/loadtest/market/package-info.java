/** Market-side load scenarios: replaying recorded grid-service signals against synthetic fleet responses. */
package org.gridfleet.loadtest.market;
