package org.vigil.query.config;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.vigil.core.alarm.AlarmProjection;
import org.vigil.core.alarm.DeviceOutages;
import org.vigil.core.alarm.DeviceReportedAlarms;
import org.vigil.core.alarm.DeviceSupervisionAlarms;
import org.vigil.core.alarm.DoseSafetyAlarms;
import org.vigil.core.device.Device;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.protocol.ClinicProtocolLoader;
import org.vigil.core.session.ChairOccupancy;
import org.vigil.core.session.Session;
import org.vigil.query.chairs.ChairsProjection;
import org.vigil.query.devices.DeviceSupervisor;
import org.vigil.query.ingest.ReportIngest;

/** Assembles the core (aggregates, alarm projection, clinic protocol) with the application's infrastructure. */
@Configuration
public class VigilConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ClinicProtocol clinicProtocol(VigilProperties properties) {
        if (properties.protocolFile() == null) {
            return ClinicProtocol.loadDefault();
        }
        return ClinicProtocolLoader.load(properties.protocolFile());
    }

    /**
     * The aggregates live in the core, which knows nothing of Spring, so they are registered here. Every device
     * message loads its session: the cache keeps that from re-reading the stream each time.
     */
    @Bean
    ConfigurerModule aggregates(@Value("${vigil.aggregate-cache.sessions:500}") int sessions,
                                @Value("${vigil.aggregate-cache.devices:500}") int devices) {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Session.class)
                        .configureCache(c -> new BoundedAggregateCache(sessions)))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Device.class)
                        .configureCache(c -> new BoundedAggregateCache(devices)));
    }

    /** Registered in the subscribing processor {@code alarm-decisions} (application.yml): live only, never replayed. */
    @Bean
    AlarmProjection alarmProjection(CommandGateway commands, EventStore eventStore, ClinicProtocol protocol,
                                    Clock clock) {
        return new AlarmProjection(commands, eventStore, protocol, clock);
    }

    /** Technical alarms for devices that go offline: also a live-only decision, in {@code alarm-decisions}. */
    @Bean
    DeviceSupervisionAlarms deviceSupervisionAlarms(CommandGateway commands, EventStore eventStore,
                                                    ChairOccupancy occupancy, DeviceOutages outages, Clock clock) {
        return new DeviceSupervisionAlarms(commands, eventStore, occupancy, outages, clock);
    }

    /** Dose mismatch, drug-library limits and the pumps' own alarms: live-only decisions, in {@code alarm-decisions}. */
    @Bean
    DoseSafetyAlarms doseSafetyAlarms(CommandGateway commands, EventStore eventStore, ClinicProtocol protocol,
                                      Clock clock) {
        return new DoseSafetyAlarms(commands, eventStore, protocol, clock);
    }

    /** Alarms the devices raise themselves (IHE PCD-04), as chair alarms: in {@code alarm-decisions}. */
    @Bean
    DeviceReportedAlarms deviceReportedAlarms(CommandGateway commands, EventStore eventStore, Clock clock) {
        return new DeviceReportedAlarms(commands, eventStore, clock);
    }

    @Bean(destroyMethod = "close")
    Vertx vertx() {
        return Vertx.vertx();
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolExecutor ingestWorkers() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000), new CustomizableThreadFactory("ingest-"),
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Bean
    ReportIngest reportIngest(CommandGateway commands, DeviceBindings bindings, ChairsProjection chairs,
                                        DeviceSupervisor supervisor, ThreadPoolExecutor ingestWorkers) {
        return new ReportIngest(commands, bindings, chairs, supervisor, ingestWorkers);
    }
}
