package org.vigil.query.ingest;

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

/** The command that records a device message: in a session, or on the device when no session runs at its chair. */
final class RecordCommands {

    private RecordCommands() {
    }

    static Object inSession(SessionId session, DeviceReport report) {
        if (report instanceof DeviceObservations observations) {
            return new RecordObservationsCommand(session, observations);
        }
        if (report instanceof PumpReport pump) {
            return new RecordPumpReportCommand(session, pump);
        }
        return new RecordAlarmReportCommand(session, (DeviceAlarmReport) report);
    }

    static Object onDevice(DeviceId device, ChairId chair, DeviceReport report) {
        if (report instanceof DeviceObservations observations) {
            return new RecordDeviceObservationsCommand(device, chair, observations);
        }
        if (report instanceof PumpReport pump) {
            return new RecordDevicePumpReportCommand(device, chair, pump);
        }
        return new RecordDeviceAlarmReportCommand(device, chair, (DeviceAlarmReport) report);
    }

    /** The message a record command carries, {@code null} for any other command. */
    static DeviceReport reportOf(Object command) {
        if (command instanceof RecordObservationsCommand c) {
            return c.observations();
        }
        if (command instanceof RecordDeviceObservationsCommand c) {
            return c.observations();
        }
        if (command instanceof RecordPumpReportCommand c) {
            return c.report();
        }
        if (command instanceof RecordDevicePumpReportCommand c) {
            return c.report();
        }
        if (command instanceof RecordAlarmReportCommand c) {
            return c.report();
        }
        if (command instanceof RecordDeviceAlarmReportCommand c) {
            return c.report();
        }
        return null;
    }
}
