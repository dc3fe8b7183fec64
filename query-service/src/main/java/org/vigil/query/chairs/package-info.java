/**
 * The live chair view: every chair's session, vitals, alarms, devices and trends, kept in memory by the subscribing
 * processor {@code live-view} and pushed to the screens after each commit.
 */
package org.vigil.query.chairs;
