package org.vigil.query.ingest;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.vigil.adapters.ingest.DeviceReportSink;
import org.vigil.adapters.ingest.RecordOutcome;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceAlarmReport;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceObservations;
import org.vigil.core.api.DeviceReport;
import org.vigil.core.api.PumpReport;
import org.vigil.core.api.RecordAlarmReportCommand;
import org.vigil.core.api.RecordDeviceAlarmReportCommand;
import org.vigil.core.api.RecordDeviceObservationsCommand;
import org.vigil.core.api.RecordDevicePumpReportCommand;
import org.vigil.core.api.RecordObservationsCommand;
import org.vigil.core.api.RecordPumpReportCommand;
import org.vigil.core.api.SessionId;
import org.vigil.core.session.ChairOccupancy;
import org.vigil.query.config.DeviceBindings;
import org.vigil.query.devices.DeviceSupervisor;

/**
 * Where decoded device messages become commands. A message goes to the session running at its device's chair, as
 * the command side recorded it ({@link ChairOccupancy}), never as a read model shows it; a device with no chair or
 * no session keeps its values on the device. The returned stage completes only after
 * the command's unit of work committed, so an adapter acknowledges only what is stored (DESIGN.md, principle 3).
 * A resend of a stored message is recognised by {@link DuplicateCheck} inside that unit of work, whatever aggregate
 * the message went to. Commands run on a worker pool, never on a transport's event loop.
 */
public class ReportIngest implements DeviceReportSink {

    private final CommandGateway commands;
    private final DeviceBindings bindings;
    private final ChairOccupancy occupancy;
    private final DeviceSupervisor supervisor;
    private final Executor workers;

    public ReportIngest(CommandGateway commands, DeviceBindings bindings, ChairOccupancy occupancy,
                        DeviceSupervisor supervisor, Executor workers) {
        this.commands = commands;
        this.bindings = bindings;
        this.occupancy = occupancy;
        this.supervisor = supervisor;
        this.workers = workers;
    }

    @Override
    public CompletionStage<RecordOutcome> record(DeviceReport report) {
        return CompletableFuture.supplyAsync(() -> store(report), workers);
    }

    private RecordOutcome store(DeviceReport report) {
        DeviceId device = report.deviceId();
        ChairId chair = bindings.chairOf(device).orElse(null);
        Optional<SessionId> session = Optional.ofNullable(chair).flatMap(occupancy::sessionAt);
        Object command = session.map(s -> sessionCommand(s, report))
                .orElseGet(() -> deviceCommand(device, chair, report));
        Object admission = commands.sendAndWait(command);
        supervisor.usableMessage(device, report.receivedAt());
        return admission == Admission.DUPLICATE ? RecordOutcome.DUPLICATE : RecordOutcome.RECORDED;
    }

    private static Object sessionCommand(SessionId session, DeviceReport report) {
        if (report instanceof DeviceObservations observations) {
            return new RecordObservationsCommand(session, observations);
        }
        if (report instanceof PumpReport pump) {
            return new RecordPumpReportCommand(session, pump);
        }
        return new RecordAlarmReportCommand(session, (DeviceAlarmReport) report);
    }

    private static Object deviceCommand(DeviceId device, ChairId chair, DeviceReport report) {
        if (report instanceof DeviceObservations observations) {
            return new RecordDeviceObservationsCommand(device, chair, observations);
        }
        if (report instanceof PumpReport pump) {
            return new RecordDevicePumpReportCommand(device, chair, pump);
        }
        return new RecordDeviceAlarmReportCommand(device, chair, (DeviceAlarmReport) report);
    }
}
