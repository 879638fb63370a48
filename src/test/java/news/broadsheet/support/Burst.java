package news.broadsheet.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Sends prepared requests all at once, each on a thread of its own, as a parallel burst would. */
public final class Burst {

    private Burst() {}

    /** The answers, in the order of the requests. */
    public static <T> List<T> of(List<Supplier<T>> requests) throws Exception {
        CyclicBarrier start = new CyclicBarrier(requests.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> pending = new ArrayList<>();
            for (Supplier<T> request : requests) {
                pending.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return request.get();
                }));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        }
    }
}
