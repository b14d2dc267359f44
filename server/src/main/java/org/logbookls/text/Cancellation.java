package org.logbookls.text;

import java.util.concurrent.CancellationException;

/**
 * A cooperative cancellation check that features call once per entry or document in their loops.
 *
 * <p>{@link #check()} throws {@link CancellationException} when the work is no longer wanted (the
 * client cancelled the request, or a newer snapshot made the result stale). Features never catch it.
 */
@FunctionalInterface
public interface Cancellation {
    Cancellation NONE = () -> { };

    void check();
}
