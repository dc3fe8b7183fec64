package org.vigil.query.links;

import java.security.Principal;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.core.api.BindDeviceToChairCommand;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceId;
import org.vigil.query.settings.DeviceBindings;

/**
 * {@code POST /api/devices/{id}/binding} (role {@code ENGINEER}): an engineer binds a sender nobody configured to
 * one of the clinic's chairs, recorded as an event with who and when. The configuration stays the source of truth
 * for which device feeds which chair: the bound device feeds its chair once the configuration carries the binding
 * (the devices page shows the lines to add), so a sender nobody configured never feeds a session by a click alone.
 */
@RestController
class DeviceBindingController {

    record BindingRequest(String chairId) {
    }

    private final DeviceBindings bindings;
    private final CommandGateway commands;
    private final Clock clock;

    DeviceBindingController(DeviceBindings bindings, CommandGateway commands, Clock clock) {
        this.bindings = bindings;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/devices/{id}/binding")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void bind(@PathVariable String id, @RequestBody BindingRequest request, Principal engineer) {
        if (request == null || request.chairId() == null || request.chairId().isBlank()) {
            throw new IllegalArgumentException("a chair is required to bind device " + id);
        }
        ChairId chair = new ChairId(request.chairId().strip());
        if (!bindings.chairs().contains(chair)) {
            throw new IllegalArgumentException("no chair " + chair + " in the configuration");
        }
        commands.sendAndWait(new BindDeviceToChairCommand(new DeviceId(id), chair, engineer.getName(),
                clock.instant()));
    }
}
