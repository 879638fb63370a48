package news.broadsheet.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PasswordCheckGateTests {

    @Test
    void turnsAwayACheckThatFindsEveryPlaceTakenForTooLong() throws Exception {
        PasswordCheckGate gate = new PasswordCheckGate(1, Duration.ofMillis(100));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = threads.submit(() -> gate.check(() -> {
                inside.countDown();
                await(done);
                return "first";
            }));
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> gate.check(() -> "second")).isInstanceOf(SignInBusyException.class);

            done.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        }
        assertThat(gate.check(() -> "third")).as("the place is free again").isEqualTo("third");
    }

    @Test
    void letsACheckWaitBrieflyForAPlace() throws Exception {
        PasswordCheckGate gate = new PasswordCheckGate(1, Duration.ofSeconds(5));
        CountDownLatch inside = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            threads.submit(() -> gate.check(() -> {
                inside.countDown();
                sleep(200);
                return "first";
            }));
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(gate.check(() -> "second")).isEqualTo("second");
        }
    }

    @Test
    void freesThePlaceWhenTheCheckFails() {
        PasswordCheckGate gate = new PasswordCheckGate(1, Duration.ofMillis(10));

        assertThatThrownBy(() -> gate.check(() -> {
                    throw new IllegalStateException("wrong password");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(gate.check(() -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
