package org.vigil.adapters.intellivue.wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.adapters.intellivue.wire.MonitorMessage.Linked;
import org.vigil.adapters.intellivue.wire.MonitorMessage.MdsCreateEvent;
import org.vigil.adapters.intellivue.wire.MonitorMessage.PollResult;

/**
 * The client side of the IntelliVue Data Export dialog as a pure state machine: bytes and clock ticks in, actions
 * out; no I/O and no clock of its own, so a transport (serial port or terminal server) drives it and tests run it
 * in memory.
 *
 * <p>Dialog (Programming Guide, "Protocol Dialog" and "Connection Time-out Mechanism"): send an Association
 * Request and repeat it until the Association Result arrives; confirm the MDS Create Event Report; then poll
 * numerics every poll interval. The monitor drops an association that is not polled, so polling also keeps it
 * alive. A release or abort from the monitor, or silence for the silence timeout, starts a new association. Not
 * thread-safe: one instance per connection, called from one thread.
 */
public final class IntelliVueClient {

    private final IntelliVueClientSettings config;
    private final MibFramer framer = new MibFramer();
    private final NumericsMapper mapper;
    private ClientState state = ClientState.DISCONNECTED;
    private Instant deadline = Instant.MIN;
    private Instant nextPoll = Instant.MIN;
    private Instant lastHeard = Instant.MIN;
    private RelativeTimeClock deviceClock;
    private int invokeId;
    private int pollNumber;
    private int replyPart;
    private long decodeFailures;
    private long associations;
    private long pollsSent;
    private long pollResults;
    private long published;
    private long skippedAttributes;
    private long skippedObjects;
    private long unmappedNumerics;
    private long remoteErrors;
    private long unhandledMessages;

    public IntelliVueClient(IntelliVueClientSettings config) {
        this.config = config;
        this.mapper = new NumericsMapper(config.deviceId(), config.monitorZone(), config.acceptDemoData());
    }

    public ClientState state() {
        return state;
    }

    public IntelliVueCounters counters() {
        return new IntelliVueCounters(framer.frameCount(), framer.failureCount(), decodeFailures, associations,
                pollsSent, pollResults, published, skippedAttributes, skippedObjects, unmappedNumerics,
                remoteErrors, unhandledMessages);
    }

    /** Opens the dialog: sends the Association Request. */
    public List<ClientAction> start(Instant now) {
        List<ClientAction> actions = new ArrayList<>();
        if (state == ClientState.DISCONNECTED) {
            associate(now, "started", actions);
        }
        return actions;
    }

    /** Releases the association; the client is done once the monitor confirms or the answer timeout passes. */
    public List<ClientAction> stop(Instant now) {
        List<ClientAction> actions = new ArrayList<>();
        if (state == ClientState.POLLING || state == ClientState.AWAITING_MDS_CREATE) {
            send(ClientMessageEncoder.releaseRequest(), actions);
            moveTo(ClientState.RELEASING, "stopped", actions);
            deadline = now.plus(config.answerTimeout());
        } else if (state != ClientState.DISCONNECTED && state != ClientState.RELEASING) {
            moveTo(ClientState.DISCONNECTED, "stopped", actions);
        }
        return actions;
    }

    /** Bytes from the monitor, in any chunking. */
    public List<ClientAction> receive(byte[] bytes, Instant now) {
        List<ClientAction> actions = new ArrayList<>();
        for (MibFrameResult result : framer.feed(bytes)) {
            if (result instanceof MibFrameResult.Frame frame) {
                if (MonitorMessageDecoder.decode(frame.payload()) instanceof DecodeResult.Decoded decoded) {
                    handle(decoded.message(), now, actions);
                } else {
                    decodeFailures++;
                }
            }
        }
        return actions;
    }

    /** Lets time pass: polls when due, repeats unanswered requests, notices a silent monitor. */
    public List<ClientAction> tick(Instant now) {
        List<ClientAction> actions = new ArrayList<>();
        switch (state) {
            case ASSOCIATING -> {
                if (!now.isBefore(deadline)) {
                    sendAssociationRequest(now, actions);
                }
            }
            case AWAITING_MDS_CREATE -> {
                if (!now.isBefore(deadline)) {
                    associate(now, "no MDS Create Event within " + config.answerTimeout(), actions);
                }
            }
            case POLLING -> {
                if (!now.isBefore(lastHeard.plus(config.silenceTimeout()))) {
                    associate(now, "monitor silent for " + config.silenceTimeout(), actions);
                } else if (!now.isBefore(nextPoll)) {
                    poll(now, actions);
                }
            }
            case RELEASING -> {
                if (!now.isBefore(deadline)) {
                    moveTo(ClientState.DISCONNECTED, "no Release Result", actions);
                }
            }
            case DISCONNECTED -> {
            }
        }
        return actions;
    }

    private void handle(MonitorMessage message, Instant now, List<ClientAction> actions) {
        if (state == ClientState.DISCONNECTED) {
            return;
        }
        lastHeard = now;
        if (message instanceof MonitorMessage.AssociationAccepted) {
            if (state == ClientState.ASSOCIATING) {
                associations++;
                moveTo(ClientState.AWAITING_MDS_CREATE, "association accepted", actions);
                deadline = now.plus(config.answerTimeout());
            }
        } else if (message instanceof MonitorMessage.AssociationRefused) {
            if (state == ClientState.ASSOCIATING) {
                deadline = now.plus(config.answerTimeout());
            }
        } else if (message instanceof MdsCreateEvent event) {
            confirmMds(event, now, actions);
        } else if (message instanceof PollResult result) {
            pollResult(result, now, actions);
        } else if (message instanceof MonitorMessage.ReleaseRequested) {
            send(ClientMessageEncoder.releaseResult(), actions);
            ended("monitor released the association", now, actions);
        } else if (message instanceof MonitorMessage.Released) {
            ended("association released", now, actions);
        } else if (message instanceof MonitorMessage.Aborted) {
            ended("monitor aborted the association", now, actions);
        } else if (message instanceof MonitorMessage.RemoteOperationError) {
            remoteErrors++;
        } else {
            unhandledMessages++;
        }
    }

    private void confirmMds(MdsCreateEvent event, Instant now, List<ClientAction> actions) {
        if (state != ClientState.AWAITING_MDS_CREATE && state != ClientState.POLLING) {
            return;
        }
        send(ClientMessageEncoder.mdsCreateEventResult(event), actions);
        Instant anchor = event.absoluteTime().map(t -> t.atZone(config.monitorZone()).toInstant()).orElse(now);
        long anchorTicks = event.absoluteTime().isPresent() && event.relativeTime().isPresent()
                ? event.relativeTime().getAsLong() : event.eventTime();
        deviceClock = new RelativeTimeClock(anchor, anchorTicks);
        if (state == ClientState.AWAITING_MDS_CREATE) {
            moveTo(ClientState.POLLING, "MDS Create Event confirmed", actions);
            nextPoll = now;
            poll(now, actions);
        }
    }

    private void pollResult(PollResult result, Instant now, List<ClientAction> actions) {
        if (state != ClientState.POLLING) {
            return;
        }
        pollResults++;
        skippedAttributes += result.skippedAttributes();
        skippedObjects += result.skippedObjects();
        unmappedNumerics += result.numerics().stream()
                .filter(n -> NumericsMapper.vitalOf(n.physioId()).isEmpty()).count();
        replyPart = result.linked() == Linked.NONE || result.linked() == Linked.FIRST ? 0 : replyPart + 1;
        Instant deviceTime = deviceClock.toInstant(result.relativeTime());
        String controlId = deviceTime + "/" + result.invokeId() + "/" + replyPart;
        mapper.map(result, deviceTime, now, controlId).ifPresent(observations -> {
            published++;
            actions.add(new ClientAction.Publish(observations));
        });
    }

    private void poll(Instant now, List<ClientAction> actions) {
        invokeId = (invokeId + 1) & 0xFFFF;
        pollNumber = (pollNumber + 1) & 0xFFFF;
        send(ClientMessageEncoder.extendedNumericPoll(invokeId, pollNumber), actions);
        pollsSent++;
        nextPoll = nextPoll.plus(config.pollInterval());
        if (!nextPoll.isAfter(now)) {
            nextPoll = now.plus(config.pollInterval());
        }
    }

    private void ended(String reason, Instant now, List<ClientAction> actions) {
        if (state == ClientState.RELEASING) {
            moveTo(ClientState.DISCONNECTED, reason, actions);
        } else if (state == ClientState.ASSOCIATING) {
            deadline = now.plus(config.answerTimeout());
        } else {
            associate(now, reason, actions);
        }
    }

    private void associate(Instant now, String reason, List<ClientAction> actions) {
        moveTo(ClientState.ASSOCIATING, reason, actions);
        deviceClock = null;
        sendAssociationRequest(now, actions);
    }

    private void sendAssociationRequest(Instant now, List<ClientAction> actions) {
        send(ClientMessageEncoder.associationRequest(), actions);
        deadline = now.plus(config.answerTimeout());
    }

    private void send(byte[] payload, List<ClientAction> actions) {
        actions.add(new ClientAction.Send(MibFrameEncoder.encode(payload)));
    }

    private void moveTo(ClientState next, String reason, List<ClientAction> actions) {
        ClientState previous = state;
        state = next;
        actions.add(new ClientAction.StateChanged(previous, next, reason));
    }
}
