package org.vigil.query.workflow;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.core.api.BookForDayCommand;
import org.vigil.core.api.BookingSeatedEvent;
import org.vigil.core.api.ChairId;
import org.vigil.core.api.ScheduleSessionCommand;
import org.vigil.core.api.SeatBookingCommand;
import org.vigil.core.api.SessionBookedForDayEvent;
import org.vigil.core.api.SessionId;
import org.vigil.core.api.SessionWorkflowView;
import org.vigil.core.api.Treatment;
import org.vigil.core.protocol.ClinicProtocol;
import org.vigil.core.session.InvalidWorkflowCommandException;
import org.vigil.core.session.WorkflowStepRefusedException;

/**
 * Bookings for a clinic day without a chair ({@link DayBookings}): {@code POST /api/bookings} books a patient for a
 * day (today unless {@code day} is given), {@code GET /api/bookings?day=} lists the day's bookings with where each
 * was seated, and {@code POST /api/bookings/{day}/{bookingId}/seat} seats one at a free chair, which books its
 * session there with the booking's data, waiting for check-in as any session booked at a chair.
 */
@RestController
@RequestMapping("/api/bookings")
class BookingsController {

    record BookingRequest(String patientPseudonym, Double weightKg, Integer ageYears, Treatment treatment,
                          LocalDate day) {
    }

    record SeatRequest(String chairId) {
    }

    /** One booking of a day; the session, chair, who and when are null until it is seated. */
    record DayBooking(String bookingId, String day, String patientPseudonym, double weightKg, int ageYears,
                      Treatment treatment, String bookedBy, Instant bookedAt, String sessionId, String chairId,
                      String seatedBy, Instant seatedAt) {

        static DayBooking of(SessionBookedForDayEvent booked) {
            return new DayBooking(booked.bookingId(), booked.day(), booked.patientPseudonym(), booked.weightKg(),
                    booked.ageYears(), booked.treatment(), booked.user(), booked.at(), null, null, null, null);
        }

        DayBooking seated(BookingSeatedEvent seated) {
            return new DayBooking(bookingId, day, patientPseudonym, weightKg, ageYears, treatment, bookedBy,
                    bookedAt, seated.sessionId().value(), seated.chairId().value(), seated.user(), seated.at());
        }
    }

    private final CommandGateway commands;
    private final EventStore events;
    private final FreeChairs freeChairs;
    private final WorkflowHistory history;
    private final ClinicProtocol protocol;
    private final Clock clock;

    BookingsController(CommandGateway commands, EventStore events, FreeChairs freeChairs, WorkflowHistory history,
                       ClinicProtocol protocol, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.freeChairs = freeChairs;
        this.history = history;
        this.protocol = protocol;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<DayBooking> book(@RequestBody BookingRequest request, Principal user) {
        if (request.patientPseudonym() == null || request.patientPseudonym().isBlank()) {
            throw new InvalidWorkflowCommandException("cannot book: the patient pseudonym is required");
        }
        String day = (request.day() != null ? request.day() : LocalDate.now(clock)).toString();
        String bookingId = UUID.randomUUID().toString();
        commands.sendAndWait(new BookForDayCommand(day, bookingId, request.patientPseudonym().strip(),
                request.weightKg(), request.ageYears(), request.treatment(), user.getName(), clock.instant()));
        DayBooking booking = bookings(day).get(bookingId);
        return ResponseEntity.created(URI.create("/api/bookings?day=" + day)).body(booking);
    }

    @GetMapping
    List<DayBooking> day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                         LocalDate day) {
        return new ArrayList<>(bookings((day != null ? day : LocalDate.now(clock)).toString()).values());
    }

    @PostMapping("/{date}/{bookingId}/seat")
    ResponseEntity<SessionWorkflowView> seat(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                             LocalDate date, @PathVariable String bookingId,
                                             @RequestBody SeatRequest request, Principal user) {
        String day = date.toString();
        if (request.chairId() == null || request.chairId().isBlank()) {
            throw new InvalidWorkflowCommandException("cannot seat the booking: a chair is required");
        }
        DayBooking booking = bookings(day).get(bookingId);
        if (booking == null) {
            throw new WorkflowStepRefusedException("there is no booking " + bookingId + " for " + day);
        }
        ChairId chair = new ChairId(request.chairId().strip());
        freeChairs.requireFree(chair);
        SessionId id = SessionId.random();
        commands.sendAndWait(new SeatBookingCommand(day, bookingId, id, chair, user.getName(), clock.instant()));
        commands.sendAndWait(new ScheduleSessionCommand(id, chair, booking.patientPseudonym(), booking.weightKg(),
                booking.ageYears(), booking.treatment(), null, protocol.ref(), user.getName(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/sessions/" + id)).body(history.of(id).orElseThrow());
    }

    /** The day's bookings in the order they were made, read from the day's stream. */
    private Map<String, DayBooking> bookings(String day) {
        Map<String, DayBooking> bookings = new LinkedHashMap<>();
        DomainEventStream stream = events.readEvents(BookForDayCommand.streamOf(day), 0L);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof SessionBookedForDayEvent booked) {
                bookings.put(booked.bookingId(), DayBooking.of(booked));
            } else if (payload instanceof BookingSeatedEvent seated) {
                bookings.computeIfPresent(seated.bookingId(), (id, booking) -> booking.seated(seated));
            }
        }
        return bookings;
    }
}
