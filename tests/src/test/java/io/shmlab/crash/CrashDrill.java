package io.shmlab.crash;

import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.Signal;
import io.shmlab.stress.RingFixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A whole crash run inside one simulated machine, for the simulator's kill sweep: the first process
 * makes the ring, its semaphores, the ledger and the board, then forks one {@link Guardian} per worker
 * in the order given (so {@link KillingDispatcher} can find its victims: the workers of the first
 * guardians), waits for them all, and audits the ledger ({@link CrashAudit}). It exits 0 only when the
 * audit holds, the mutex is free (value 1) and every guardian did its job; it prints the audit either
 * way.
 *
 * <p>Arguments: {@link CrashSettings#toArgs()} then the order in which to fork the workers' guardians,
 * comma-separated (every worker once), such as {@code 2,0,1,3}.
 */
public final class CrashDrill implements Program {
    private final CrashSettings settings;
    private final int[] forkOrder;

    public CrashDrill(String[] args) {
        this.settings = CrashSettings.parse(Arrays.asList(args).subList(0, args.length - 1));
        this.forkOrder = Arrays.stream(args[args.length - 1].split(",")).mapToInt(Integer::parseInt).toArray();
        if (!Arrays.equals(Arrays.stream(forkOrder).sorted().toArray(), IntStream.range(0,
                settings.workers()).toArray())) {
            throw new IllegalArgumentException("fork order " + args[args.length - 1] + " is not every worker once");
        }
    }

    /** The fork order that puts these workers first, in this order, and the others after. */
    static String forkOrder(int workers, int... first) {
        List<Integer> order = new ArrayList<>();
        Arrays.stream(first).forEach(order::add);
        IntStream.range(0, workers).filter(w -> !order.contains(w)).forEach(order::add);
        return String.join(",", order.stream().map(String::valueOf).toList());
    }

    @Override
    public int main(Os os) {
        try (RingFixture fixture = RingFixture.create(os, settings.name(), settings.ring(), settings.ledger().size())) {
            fixture.addObject(settings.boardName(), settings.board().size());
            int[] guardians = new int[settings.workers()];
            for (int w : forkOrder) {
                guardians[w] = os.fork(new Guardian(settings, w));
            }
            boolean guarded = true;
            for (int w = 0; w < settings.workers(); w++) {
                int status = os.waitpid(guardians[w]);
                if (status != 0) {
                    os.println("the guardian of worker " + w + " ended with status " + status);
                    guarded = false;
                }
            }
            RingView view = RingView.open(os, settings);
            CrashAudit audit = CrashAudit.of(view);
            int mutex = os.semGetvalue(view.mutex());
            view.close(os);
            os.println("audit: " + audit + "; mutex " + mutex);
            return guarded && audit.holds() && mutex == 1 ? 0 : 1;
        }
    }

    /**
     * The supervisor of one worker: forks it, waits for it, and when it was killed (SIGKILL) repairs
     * the ring ({@link RingRepair}) so the others can go on. waitpid(2) is how it knows for sure
     * that the worker is dead.
     */
    static final class Guardian implements Program {
        private final CrashSettings settings;
        private final int worker;

        Guardian(CrashSettings settings, int worker) {
            this.settings = settings;
            this.worker = worker;
        }

        @Override
        public int main(Os os) {
            int status = os.waitpid(os.fork(new RingWorker(settings, worker)));
            if (status == 0) {
                return 0;
            }
            if (status != 128 + Signal.SIGKILL.number()) {
                os.println("worker " + worker + " ended with status " + status);
                return 1;
            }
            RingView view = RingView.open(os, settings);
            RingRepair.Report report = RingRepair.afterDeath(os, view, worker);
            view.close(os);
            os.println("worker " + worker + " killed; " + report);
            return 0;
        }
    }
}
