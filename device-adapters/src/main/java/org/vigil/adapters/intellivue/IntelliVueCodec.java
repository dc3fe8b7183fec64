package org.vigil.adapters.intellivue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.adapters.intellivue.wire.ClientAction;
import org.vigil.adapters.intellivue.wire.ClientState;
import org.vigil.adapters.intellivue.wire.IntelliVueClient;
import org.vigil.adapters.intellivue.wire.IntelliVueClientSettings;
import org.vigil.adapters.intellivue.wire.IntelliVueCounters;
import org.vigil.adapters.transport.CodecOutput;
import org.vigil.adapters.transport.CodecStream;
import org.vigil.core.api.DeviceObservations;

/**
 * The IntelliVue Data Export client as a {@link CodecStream}: every connection gets a fresh
 * {@link IntelliVueClient}, which opens with an Association Request, because whatever is on the other end of
 * a newly opened port or terminal-server connection (a rebooted monitor, a re-plugged cable) knows nothing of the
 * previous association (Programming Guide, "Protocol Dialog"). Polls and repeated requests go out on ticks. The
 * client counts damaged frames and undecodable messages instead of returning them; each newly counted one is
 * reported here as a failure, so the connection's counters and listener see them.
 */
public final class IntelliVueCodec implements CodecStream<DeviceObservations> {

    private static final Logger log = LoggerFactory.getLogger(IntelliVueCodec.class);

    private final IntelliVueClientSettings config;
    private IntelliVueClient client;

    public IntelliVueCodec(IntelliVueClientSettings config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Where the current connection's dialog stands; {@link ClientState#DISCONNECTED} between connections. Like
     * every method here, call it on the connection's own thread.
     */
    public ClientState state() {
        return client == null ? ClientState.DISCONNECTED : client.state();
    }

    @Override
    public CodecOutput<DeviceObservations> connected(Instant now) {
        client = new IntelliVueClient(config);
        return output(client.start(now), 0, 0, 0);
    }

    @Override
    public CodecOutput<DeviceObservations> received(byte[] chunk, Instant now) {
        if (client == null) {
            return CodecOutput.none();
        }
        IntelliVueCounters before = client.counters();
        List<ClientAction> actions = client.receive(chunk, now);
        IntelliVueCounters after = client.counters();
        return output(actions, after.frames() - before.frames(), after.frameFailures() - before.frameFailures(),
                after.decodeFailures() - before.decodeFailures());
    }

    @Override
    public CodecOutput<DeviceObservations> tick(Instant now) {
        return client == null ? CodecOutput.none() : output(client.tick(now), 0, 0, 0);
    }

    @Override
    public void disconnected(Instant now) {
        client = null;
    }

    private CodecOutput<DeviceObservations> output(List<ClientAction> actions, long frames, long frameFailures,
                                                   long decodeFailures) {
        CodecOutput.Builder<DeviceObservations> output = new CodecOutput.Builder<>();
        long published = 0;
        for (ClientAction action : actions) {
            if (action instanceof ClientAction.Send send) {
                output.write(send.frame());
            } else if (action instanceof ClientAction.Publish publish) {
                output.result(publish.observations());
                published++;
            } else if (action instanceof ClientAction.StateChanged changed) {
                log.info("{}: IntelliVue dialog {} -> {} ({})", config.deviceId(), changed.from(), changed.to(),
                        changed.reason());
            }
        }
        for (long i = published; i < frames - decodeFailures; i++) {
            output.decodedWithoutResult();
        }
        for (long i = 0; i < frameFailures; i++) {
            output.failure("IntelliVue frame rejected (garbage, bad FCS, bad header, truncated or oversize)");
        }
        for (long i = 0; i < decodeFailures; i++) {
            output.failure("IntelliVue message could not be decoded");
        }
        return output.build();
    }
}
