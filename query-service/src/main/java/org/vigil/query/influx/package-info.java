/**
 * The InfluxDB writer: vital signs, sessions and alarms written as time series for Grafana by a tracking processor
 * of their own, present only when InfluxDB is configured.
 */
package org.vigil.query.influx;
