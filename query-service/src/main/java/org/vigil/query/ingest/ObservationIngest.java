package org.vigil.query.ingest;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.vigil.adapters.ingest.DeviceReportSink;
import org.vigil.adapters.ingest.RecordOutcome;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.RecordDeviceObservationsCommand;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.SessionId;
import org.vigil.query.chairs.ChairsProjection;
import org.vigil.query.config.DeviceBindings;
import org.vigil.query.devices.DeviceSupervisor;

/**
 * Where decoded device messages become commands. A message goes to the session running at its device's chair;
 * a device with no chair or no session keeps its values on the device. The returned stage completes only after
 * the command's unit of work committed, so an adapter acknowledges only what is stored (DESIGN.md, principle 3).
 * Commands run on a worker pool, never on a transport's event loop.
 */
public class ObservationIngest implements DeviceReportSink {

    private final CommandGateway commands;
    private final DeviceBindings bindings;
    private final ChairsProjection chairs;
    private final DeviceSupervisor supervisor;
    private final Executor workers;

    public ObservationIngest(CommandGateway commands, DeviceBindings bindings, ChairsProjection chairs,
                             DeviceSupervisor supervisor, Executor workers) {
        this.commands = commands;
        this.bindings = bindings;
        this.chairs = chairs;
        this.supervisor = supervisor;
        this.workers = workers;
    }

    @Override
    public CompletionStage<RecordOutcome> record(DeviceReport report) {
        if (!(report instanceof DeviceObservations observations)) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException(
                    "reports of type " + report.getClass().getSimpleName() + " are not recorded yet"));
        }
        return CompletableFuture.supplyAsync(() -> store(observations), workers);
    }

    private RecordOutcome store(DeviceObservations observations) {
        Optional<ChairId> chair = bindings.chairOf(observations.deviceId());
        Optional<SessionId> session = chair.flatMap(chairs::activeSession);
        Object recorded = session.isPresent()
                ? commands.sendAndWait(new RecordObservationsCommand(session.get(), observations))
                : commands.sendAndWait(new RecordDeviceObservationsCommand(observations.deviceId(),
                        chair.orElse(null), observations));
        supervisor.usableMessage(observations.deviceId(), observations.receivedAt());
        return Boolean.FALSE.equals(recorded) ? RecordOutcome.DUPLICATE : RecordOutcome.RECORDED;
    }
}
