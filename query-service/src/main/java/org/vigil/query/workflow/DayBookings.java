package org.vigil.query.workflow;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.vigil.core.api.BookForDayCommand;
import org.vigil.core.api.BookingSeatedEvent;
import org.vigil.core.api.SeatBookingCommand;
import org.vigil.core.api.SessionBookedForDayEvent;
import org.vigil.core.session.InvalidWorkflowCommandException;
import org.vigil.core.session.WorkflowStepRefusedException;

/**
 * A clinic day's bookings that have no chair yet, in a stream of their own ({@code bookings-<day>}): a patient is
 * booked for the day, and seated at a free chair when they come, which books the session there. A booking is seated
 * once: when two nurses seat the same booking at once, the second is refused with who seated it where.
 */
@Aggregate
class DayBookings {

    @AggregateIdentifier
    private String bookingsId;
    private final Map<String, BookingSeatedEvent> seated = new HashMap<>();
    private final Map<String, SessionBookedForDayEvent> booked = new HashMap<>();

    protected DayBookings() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(BookForDayCommand command) {
        StringBuilder problems = new StringBuilder();
        if (command.weightKg() == null || command.weightKg() <= 0) {
            problems.append("; the weight is required");
        }
        if (command.ageYears() == null || command.ageYears() <= 0) {
            problems.append("; the age is required");
        }
        if (command.user() == null || command.user().isBlank()) {
            problems.append("; the user who books must be named");
        }
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowCommandException("cannot book for " + command.day() + problems.substring(1));
        }
        if (booked.containsKey(command.bookingId())) {
            throw new WorkflowStepRefusedException("booking " + command.bookingId() + " exists already");
        }
        apply(new SessionBookedForDayEvent(command.day(), command.bookingId(), command.patientPseudonym(),
                command.weightKg(), command.ageYears(), command.treatment(), command.user(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SeatBookingCommand command) {
        if (!booked.containsKey(command.bookingId())) {
            throw new WorkflowStepRefusedException("there is no booking " + command.bookingId() + " for "
                    + command.day());
        }
        BookingSeatedEvent earlier = seated.get(command.bookingId());
        if (earlier != null) {
            throw new WorkflowStepRefusedException("the booking of " + booked.get(command.bookingId())
                    .patientPseudonym() + " was already seated at " + earlier.chairId() + " by " + earlier.user()
                    + " at " + earlier.at());
        }
        apply(new BookingSeatedEvent(command.day(), command.bookingId(), command.sessionId(), command.chairId(),
                command.user(), command.at()));
    }

    @EventSourcingHandler
    void on(SessionBookedForDayEvent event) {
        bookingsId = BookForDayCommand.streamOf(event.day());
        booked.put(event.bookingId(), event);
    }

    @EventSourcingHandler
    void on(BookingSeatedEvent event) {
        seated.put(event.bookingId(), event);
    }
}
