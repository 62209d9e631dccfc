package org.smolny.council.congress;

import java.util.List;
import java.util.Optional;

/**
 * Who speaks next: a point of order before anyone else; otherwise the side opposite the last speaker for or against
 * (the first speaker is for the motion), in the order they asked; when nobody waits on that side, the other side.
 * Stateless.
 */
public final class SpeakersList {

    private SpeakersList() {
    }

    /** The next speaker among {@code waiting} (in the order they asked), after a last speech on {@code lastSide}. */
    public static Optional<Congress.Request> next(List<Congress.Request> waiting, Side lastSide) {
        Optional<Congress.Request> pointOfOrder = first(waiting, Side.POINT_OF_ORDER);
        if (pointOfOrder.isPresent()) {
            return pointOfOrder;
        }
        Side turn = lastSide == Side.FOR ? Side.AGAINST : Side.FOR;
        Side other = turn == Side.FOR ? Side.AGAINST : Side.FOR;
        return first(waiting, turn).or(() -> first(waiting, other));
    }

    private static Optional<Congress.Request> first(List<Congress.Request> waiting, Side side) {
        return waiting.stream().filter(request -> request.side() == side).findFirst();
    }
}
