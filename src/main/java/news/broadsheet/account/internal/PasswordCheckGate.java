package news.broadsheet.account.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets only so many password checks (each an Argon2id hash: memory and a core for tens of
 * milliseconds) run at once. A check that finds every place taken waits briefly and is then
 * turned away, rather than joining an unbounded queue that a flood of sign-ins would build.
 */
final class PasswordCheckGate {

    private final Semaphore places;
    private final Duration patience;

    PasswordCheckGate(int places, Duration patience) {
        this.places = new Semaphore(places, true);
        this.patience = patience;
    }

    /** As many checks at once as the machine has cores, each waiting up to two seconds for a turn. */
    static PasswordCheckGate forThisMachine() {
        return new PasswordCheckGate(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2));
    }

    /**
     * Runs the check when a place frees up in time.
     *
     * @throws SignInBusyException when none did
     */
    <T> T check(Supplier<T> check) {
        boolean entered;
        try {
            entered = places.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInBusyException();
        }
        if (!entered) {
            throw new SignInBusyException();
        }
        try {
            return check.get();
        } finally {
            places.release();
        }
    }
}
