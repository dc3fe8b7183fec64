package org.vigil.query.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.vigil.core.alarm.AlarmDecisionErrors;
import org.vigil.core.alarm.AlarmDecisions;
import org.vigil.core.alarm.DeviceOutages;
import org.vigil.core.alarm.DeviceReportedAlarms;
import org.vigil.core.alarm.DeviceSupervisionAlarms;
import org.vigil.core.alarm.PumpInterlockAlarms;
import org.vigil.core.alarm.DoseSafetyAlarms;
import org.vigil.core.alarm.VitalSignAlarms;
import org.vigil.core.device.Device;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.protocol.ClinicProtocolLoader;
import org.vigil.core.session.ChairOccupancy;
import org.vigil.core.session.Session;
import org.vigil.query.ingest.DecisionFailures;
import org.vigil.query.ingest.GroupCommit;
import org.vigil.query.ingest.RecordStoreStatus;
import org.vigil.query.ingest.ReportIngest;
import org.vigil.query.quarantine.DeviceFence;
import org.vigil.query.links.DeviceSupervisor;
import org.vigil.query.links.SupervisionCommands;
import org.vigil.query.settings.DeviceBindings;
import org.vigil.query.settings.VigilProperties;
import org.vigil.query.store.EventSerializers;

/** Assembles the core (aggregates, alarm decision handlers, clinic protocol) with the application's infrastructure. */
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
     * message loads its session: the cache keeps that from re-reading the stream each time. Every
     * {@code snapshotThreshold} events of an aggregate a snapshot is stored ({@link SnapshotConfiguration}), so an
     * aggregate the cache does not hold, after a restart for one, is loaded from its latest snapshot and fewer than
     * that many events, however long its stream has grown.
     */
    @Bean
    ConfigurerModule aggregates(@Value("${vigil.aggregate-cache.sessions:500}") int sessions,
                                @Value("${vigil.aggregate-cache.devices:500}") int devices,
                                @Value("${vigil.snapshot-threshold:250}") int snapshotThreshold) {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Session.class)
                        .configureCache(c -> new BoundedAggregateCache(sessions))
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(),
                                snapshotThreshold)))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Device.class)
                        .configureCache(c -> new BoundedAggregateCache(devices))
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(),
                                snapshotThreshold)));
    }

    /**
     * Old shapes of stored events, read in the current one. Axon registers every {@link EventUpcaster} bean on the
     * event store's storage engine, which the aggregates and every tracking processor read through.
     */
    @Bean
    EventUpcaster eventUpcasters() {
        return EventSerializers.upcasters();
    }

    /** Registered in the subscribing processor {@code alarm-decisions} (application.yml): live only, never replayed. */
    @Bean
    VitalSignAlarms vitalSignAlarms(CommandGateway commands, EventStore eventStore, ClinicProtocol protocol,
                                    Clock clock) {
        return new VitalSignAlarms(commands, eventStore, protocol, clock);
    }

    /**
     * Every decision handler of {@code alarm-decisions} fails the unit of work it decides in when it throws: the
     * message is not stored, its device is answered {@code AE}, and the nurse gets a technical alarm
     * ({@link AlarmDecisionErrors}, {@link DecisionFailures}).
     */
    @Bean
    ConfigurerModule alarmDecisionErrors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(AlarmDecisions.PROCESSING_GROUP,
                        c -> new AlarmDecisionErrors()));
    }

    /** Technical alarms for devices that go offline: also a live-only decision, in {@code alarm-decisions}. */
    @Bean
    DeviceSupervisionAlarms deviceSupervisionAlarms(CommandGateway commands, EventStore eventStore,
                                                    ChairOccupancy occupancy, DeviceOutages outages, Clock clock) {
        return new DeviceSupervisionAlarms(commands, eventStore, occupancy, outages, clock);
    }

    /** The technical alarm "pump did not pause" of the pump interlock: a live-only decision, in {@code alarm-decisions}. */
    @Bean
    PumpInterlockAlarms pumpInterlockAlarms(CommandGateway commands) {
        return new PumpInterlockAlarms(commands);
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
    DeviceFence deviceFence(VigilProperties properties, CommandGateway commands, ThreadPoolExecutor ingestWorkers) {
        return new DeviceFence(properties, commands, ingestWorkers);
    }

    /** Device messages stored many to a transaction, each answered after its commit. */
    @Bean(destroyMethod = "close")
    GroupCommit groupCommit(CommandGateway commands, TransactionManager axonTransactionManager,
                            VigilProperties properties, MeterRegistry meters) {
        return new GroupCommit(commands, axonTransactionManager, properties.ingest().groupLimit(), 10_000, meters);
    }

    /**
     * The device supervisor's commands are stored by the group commit, with the device messages. Unlike a message,
     * which its device sends again when answered {@code AE}, a device's change of state is told once: it waits for
     * the store however long it takes, and is never given up.
     */
    @Bean
    SupervisionCommands supervisionCommands(GroupCommit groupCommit) {
        return command -> groupCommit.submit(() -> command, System.nanoTime() + Duration.ofDays(1).toNanos());
    }

    @Bean
    ReportIngest reportIngest(GroupCommit groupCommit, DeviceBindings bindings, ChairOccupancy occupancy,
                              DeviceSupervisor supervisor, ThreadPoolExecutor ingestWorkers,
                              VigilProperties properties, RecordStoreStatus store,
                              DecisionFailures decisions) {
        return new ReportIngest(groupCommit, bindings, occupancy, supervisor, ingestWorkers,
                properties.ingest().storeTimeout(), store, decisions);
    }

    /** Replaces Axon's default, to bound every command's transaction ({@link CommandTransactions}). */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions, VigilProperties properties) {
        return new CommandTransactions(transactions, properties.ingest().transactionTimeout());
    }
}
