package org.vigil.query.devices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.DeviceBoundToChairEvent;
import org.vigil.core.api.DeviceConnectedEvent;
import org.vigil.core.api.DeviceDisconnectedEvent;
import org.vigil.core.api.DeviceId;
import org.vigil.core.api.DeviceLinkView;
import org.vigil.core.api.DeviceRecoveredEvent;
import org.vigil.core.api.DeviceSilentEvent;
import org.vigil.core.api.DeviceView;
import org.vigil.core.api.Observation;
import org.vigil.core.api.ObservationsRecordedEvent;
import org.vigil.query.live.LiveStream;
import org.vigil.query.settings.DeviceBindings;
import org.vigil.query.support.ParsedTexts;
import org.vigil.query.support.PerBatch;
import org.vigil.query.support.ProcessingGroups;

/**
 * Every device Vigil expects or has heard from, with the last value of every code it reported and the state of
 * its link — including devices nobody configured, whose messages are kept rather than dropped. Persisted
 * ({@link DeviceRow}) and fed by the tracking processor {@value ProcessingGroups#DEVICES}; a batch's messages are
 * gathered per device and written when the batch commits, with the processor's token. The connection counters
 * are live, added by {@link DevicesController}.
 */
@Component
@ProcessingGroup(ProcessingGroups.DEVICES)
public class DevicesProjection {

    private static final String BATCH = PerBatch.key(DevicesProjection.class);
    private static final TypeReference<List<Observation>> VALUES = new TypeReference<>() {
    };
    /** The devices whose last values are kept parsed between batches: a clinic group's monitors and pumps. */
    private static final int PARSED_ROWS = 4096;

    private final EntityManager entityManager;
    private final DeviceBindings bindings;
    private final ObjectMapper json;
    private final LiveStream stream;
    private final ParsedTexts<List<Observation>> lastValues = new ParsedTexts<>(PARSED_ROWS, this::parse);

    DevicesProjection(EntityManager entityManager, DeviceBindings bindings, ObjectMapper json, LiveStream stream) {
        this.entityManager = entityManager;
        this.bindings = bindings;
        this.json = json;
        this.stream = stream;
    }

    /** Every configured device and every device heard from, by id. */
    public List<DeviceView> all() {
        Map<DeviceId, DeviceView> devices = new TreeMap<>(Comparator.comparing(DeviceId::value));
        bindings.devices().forEach(id -> devices.put(id, view(id, null, 0, null, List.of(),
                DeviceLinkView.unknown())));
        entityManager.createQuery("select d from DeviceRow d", DeviceRow.class).getResultList()
                .forEach(row -> devices.put(new DeviceId(row.deviceId()), view(row)));
        return List.copyOf(devices.values());
    }

    public Optional<DeviceView> device(DeviceId id) {
        return Optional.ofNullable(entityManager.find(DeviceRow.class, id.value())).map(this::view)
                .or(() -> bindings.isConfigured(id)
                        ? Optional.of(view(id, null, 0, null, List.of(), DeviceLinkView.unknown()))
                        : Optional.empty());
    }

    @EventHandler
    void on(ObservationsRecordedEvent event) {
        PerBatch.of(BATCH, Received::new, this::write).add(event);
    }

    @EventHandler
    void on(DeviceConnectedEvent event) {
        DeviceRow row = row(event.deviceId(), event.chairId());
        DeviceLinkView link = row.link();
        row.link("CONNECTED", link.offline(), event.transport(), event.at());
        stream.deviceChanged(event.deviceId());
    }

    @EventHandler
    void on(DeviceDisconnectedEvent event) {
        row(event.deviceId(), event.chairId()).link("DISCONNECTED", true, event.reason(), event.at());
        stream.deviceChanged(event.deviceId());
    }

    @EventHandler
    void on(DeviceSilentEvent event) {
        DeviceRow row = row(event.deviceId(), event.chairId());
        row.link(row.link().state(), true, "no usable data for " + event.silentFor().toSeconds() + " s",
                event.at());
        stream.deviceChanged(event.deviceId());
    }

    @EventHandler
    void on(DeviceRecoveredEvent event) {
        DeviceRow row = row(event.deviceId(), event.chairId());
        DeviceLinkView link = row.link();
        row.link(link.state(), false, link.detail(), event.at());
        stream.deviceChanged(event.deviceId());
    }

    @EventHandler
    void on(DeviceBoundToChairEvent event) {
        row(event.deviceId(), null).bound(event.chairId().value(), event.user(), event.at());
        stream.deviceChanged(event.deviceId());
    }

    /** The engineers' bindings recorded as events, by device. */
    public Map<DeviceId, Binding> bindings() {
        Map<DeviceId, Binding> bound = new TreeMap<>(Comparator.comparing(DeviceId::value));
        entityManager.createQuery("select d from DeviceRow d where d.boundChairId is not null", DeviceRow.class)
                .getResultList().forEach(row -> bound.put(new DeviceId(row.deviceId()),
                        new Binding(new ChairId(row.boundChairId()), row.boundBy(), row.boundAt())));
        return bound;
    }

    /** A chair an engineer bound a device to, by whom and when. */
    public record Binding(ChairId chairId, String by, Instant at) {
    }

    @ResetHandler
    void reset() {
        entityManager.createQuery("delete from DeviceRow").executeUpdate();
    }

    private DeviceRow row(DeviceId device, ChairId chair) {
        DeviceRow row = entityManager.find(DeviceRow.class, device.value());
        if (row == null) {
            row = new DeviceRow(device.value(), chair == null ? null : chair.value());
            entityManager.persist(row);
        }
        return row;
    }

    private void write(Received received) {
        received.devices.forEach((device, latest) -> {
            DeviceRow row = row(device, latest.chair);
            Map<Integer, Observation> values = new LinkedHashMap<>();
            if (row.lastValues() != null) {
                lastValues.parsed(device.value(), row.lastValues()).forEach(o -> values.put(o.mdcCode(), o));
            }
            values.putAll(latest.values);
            List<Observation> written = List.copyOf(values.values());
            String text = text(written);
            row.recorded(latest.messages, latest.lastAt, text);
            lastValues.wrote(device.value(), text, written);
        });
    }

    private DeviceView view(DeviceRow row) {
        return view(new DeviceId(row.deviceId()), row.reportedChairId(), row.messagesRecorded(),
                row.lastMessageAt(), values(row), row.link());
    }

    private DeviceView view(DeviceId id, String reportedChair, long messages, Instant lastAt,
                            List<Observation> values, DeviceLinkView link) {
        ChairId chair = bindings.chairOf(id).orElse(reportedChair == null ? null : new ChairId(reportedChair));
        return new DeviceView(id, chair, bindings.isConfigured(id), messages, lastAt, values, link);
    }

    private List<Observation> values(DeviceRow row) {
        return row.lastValues() == null ? List.of() : parse(row.deviceId(), row.lastValues());
    }

    private List<Observation> parse(String device, String text) {
        try {
            return List.copyOf(json.readValue(text, VALUES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("last values of device " + device + " are not readable", e);
        }
    }

    private String text(List<Observation> values) {
        try {
            String text = json.writeValueAsString(values);
            if (text.length() > DeviceRow.VALUES_LENGTH) {
                throw new IllegalStateException("last values longer than " + DeviceRow.VALUES_LENGTH);
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write last values", e);
        }
    }

    /** The messages of one batch: per device, how many, the last one's time and the last value of each code. */
    private static final class Received {

        private final Map<DeviceId, Latest> devices = new LinkedHashMap<>();

        void add(ObservationsRecordedEvent event) {
            Latest latest = devices.computeIfAbsent(event.deviceId(), id -> new Latest(event.chairId()));
            latest.messages++;
            latest.lastAt = event.receivedAt();
            event.observations().forEach(o -> latest.values.put(o.mdcCode(),
                    new Observation(o.mdcCode(), o.label(), o.value(), o.unit(), event.deviceTimeOf(o))));
        }
    }

    private static final class Latest {

        private final ChairId chair;
        private long messages;
        private Instant lastAt;
        private final Map<Integer, Observation> values = new LinkedHashMap<>();

        private Latest(ChairId chair) {
            this.chair = chair;
        }
    }
}
