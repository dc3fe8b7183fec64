package org.vigil.query.influx;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how Vigil writes its time series ({@code vigil.influx.*}). Nothing is written unless {@code url} is
 * set, which the {@code influx} profile does for an InfluxDB on this machine.
 *
 * @param url              InfluxDB's HTTP address, for example {@code http://127.0.0.1:8086}; the 1.x
 *                         {@code /write} and {@code /query} API, which InfluxDB 2.x and 3.x also serve
 * @param database         the database (on 2.x/3.x: the bucket mapped to it)
 * @param retentionPolicy  the retention policy to write to; the database's default when absent
 * @param createDatabase   whether to create the database before the first write (needs admin rights)
 * @param batchSize        events per batch of the tracking processor; one write per batch
 * @param connectTimeout   how long to wait for a connection before the batch is retried later
 * @param requestTimeout   how long one write may take
 * @param meterInterval    how often Vigil's own meters (message counts, decode failures, lag) are written
 * @param lagTolerance     how far behind the store the projection may fall before health says so
 * @param instance         the {@code instance} tag of the meters written; the host name when absent
 */
@ConfigurationProperties("vigil.influx")
public record InfluxProperties(String url, @DefaultValue("vigil") String database, String username,
                               String password, String retentionPolicy,
                               @DefaultValue("true") boolean createDatabase,
                               @DefaultValue("500") int batchSize,
                               @DefaultValue("2s") Duration connectTimeout,
                               @DefaultValue("10s") Duration requestTimeout,
                               @DefaultValue("10s") Duration meterInterval,
                               @DefaultValue("60s") Duration lagTolerance,
                               String instance) {
}
