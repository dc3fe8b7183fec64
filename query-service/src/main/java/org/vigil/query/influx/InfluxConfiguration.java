package org.vigil.query.influx;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.query.support.ProcessingGroups;

/**
 * The InfluxDB time series, present only when {@code vigil.influx.url} is set (the {@code influx} profile sets
 * it): the embedded demo runs without InfluxDB.
 *
 * <p>The projection gets its own tracking processor, configured here rather than in application.yml so that
 * setting the URL alone is enough: one thread and one segment (a tracking processor with more segments than
 * threads leaves segments unprocessed — docs/DESIGN.md, "Known traps"; across nodes, the one segment's claim in
 * Axon's token store decides which node writes). Handler failures propagate to the processor, which then keeps
 * its token and retries with a growing pause (1 s doubling to 60 s) instead of skipping the events.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "vigil.influx", name = "url")
class InfluxConfiguration {

    @Bean(destroyMethod = "close")
    InfluxDB influxClient(InfluxProperties properties) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(properties.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(properties.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false);
        return properties.username() == null || properties.username().isBlank()
                ? InfluxDBFactory.connect(properties.url(), http)
                : InfluxDBFactory.connect(properties.url(), properties.username(), properties.password(), http);
    }

    @Bean
    InfluxWriter influxWriter(InfluxDB influxClient, InfluxProperties properties, Clock clock,
                              MeterRegistry meters) {
        return new InfluxWriter(influxClient, properties, clock, meters);
    }

    @Bean
    InfluxProjection influxProjection(InfluxWriter influxWriter, EventStore eventStore, ClinicProtocol protocol) {
        return new InfluxProjection(influxWriter, new RaisedAlarms(eventStore), protocol);
    }

    @Bean
    ConfigurerModule influxProcessor(InfluxProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(InfluxProjection.GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialSegmentsCount(1)
                                .andBatchSize(properties.batchSize())
                                .andEventAvailabilityTimeout(ProcessingGroups.TRACKING_IDLE_WAIT.toMillis(),
                                        TimeUnit.MILLISECONDS))
                .registerListenerInvocationErrorHandler(InfluxProjection.GROUP,
                        c -> PropagatingErrorHandler.instance()));
    }

    @Bean
    ProjectionLag influxProjectionLag(@Lazy EventProcessingConfiguration processing, EventStorageEngine storage,
                                      Clock clock, MeterRegistry meters) {
        ProjectionLag lag = new ProjectionLag(processing, storage, clock);
        Gauge.builder("vigil.influx.lag.events", lag, l -> l.sample().eventsBehind().orElse(0))
                .description("events stored but not yet written to InfluxDB").register(meters);
        Gauge.builder("vigil.influx.lag.seconds", lag, l -> l.sample().oldestUnwritten().toMillis() / 1000.0)
                .description("age of the oldest event not yet written to InfluxDB").baseUnit("seconds")
                .register(meters);
        return lag;
    }

    @Bean
    InfluxHealthIndicator influxHealthIndicator(InfluxWriter influxWriter, ProjectionLag influxProjectionLag,
                                                InfluxProperties properties) {
        return new InfluxHealthIndicator(influxWriter, influxProjectionLag, properties);
    }

    @Bean
    MeterSnapshots influxMeterSnapshots(MeterRegistry meters, InfluxWriter influxWriter, Clock clock,
                                        InfluxProperties properties) {
        return new MeterSnapshots(meters, influxWriter, clock, properties, instance(properties));
    }

    private static String instance(InfluxProperties properties) {
        if (properties.instance() != null && !properties.instance().isBlank()) {
            return properties.instance();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "vigil";
        }
    }
}
