package org.vigil.query.security;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.vigil.core.api.SessionStartedEvent;
import org.vigil.core.api.SessionTransferredEvent;
import org.vigil.core.protocol.ClinicProtocol;

/**
 * Who may read one session on the review pages: a director always; a nurse only when the clinic protocol allows it
 * ({@code nurseReview.ownChairs}) and the session ran at one of the chairs assigned to that nurse
 * ({@code vigil.users[].chairs}), where it started or was transferred to. Everyone else is refused (403). The
 * session's chairs are read from its own stream, so a session just started or moved is judged as it is.
 */
@Component
class SessionReviewAccess {

    private static final String DIRECTOR = "ROLE_" + Role.DIRECTOR.name();
    private static final String NURSE = "ROLE_" + Role.NURSE.name();

    private final EventStore eventStore;
    private final boolean nursesReadOwnChairs;
    private final Map<String, Set<String>> chairsByUser;

    SessionReviewAccess(EventStore eventStore, ClinicProtocol protocol, UsersProperties users) {
        this.eventStore = eventStore;
        this.nursesReadOwnChairs = protocol.nurseReview().ownChairs();
        this.chairsByUser = users.users().stream()
                .collect(Collectors.toMap(UsersProperties.User::name, user -> Set.copyOf(user.chairs())));
    }

    /** Whether {@code user} may read the session {@code sessionId} on the review pages. */
    boolean mayRead(Authentication user, String sessionId) {
        if (user == null || !user.isAuthenticated()) {
            return false;
        }
        Set<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (roles.contains(DIRECTOR)) {
            return true;
        }
        if (!nursesReadOwnChairs || !roles.contains(NURSE)) {
            return false;
        }
        Set<String> own = chairsByUser.getOrDefault(user.getName(), Set.of());
        return sessionId != null && !own.isEmpty() && chairsOf(sessionId).stream().anyMatch(own::contains);
    }

    /** Every chair the session sat at: where it started and where it was transferred to; none for no session. */
    private Set<String> chairsOf(String sessionId) {
        Set<String> chairs = new HashSet<>();
        DomainEventStream events = eventStore.readEvents(sessionId, 0L);
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof SessionStartedEvent started) {
                chairs.add(started.chairId().value());
            } else if (payload instanceof SessionTransferredEvent transferred) {
                chairs.add(transferred.chairId().value());
            }
        }
        return chairs;
    }
}
