package io.shmlab.crash;

import io.shmlab.api.Os;
import io.shmlab.api.Program;
import io.shmlab.api.Signal;
import io.shmlab.stress.RingFixture;
import java.util.Arrays;

/**
 * A whole crash run inside one simulated machine, for the simulator's kill sweep: the first process
 * makes the ring, its semaphores, the ledger and the board, then forks one {@link Guardian} per worker
 * (the chosen worker's first, so {@link KillingDispatcher} can find it), waits for them all, and
 * audits the ledger ({@link CrashAudit}). It exits 0 only when the audit holds, the mutex is free
 * (value 1) and every guardian did its job; it prints the audit either way.
 *
 * <p>Arguments: {@link CrashSettings#toArgs()} then the worker whose guardian is forked first.
 */
public final class CrashDrill implements Program {
    private final CrashSettings settings;
    private final int firstWorker;

    public CrashDrill(String[] args) {
        this.settings = CrashSettings.parse(Arrays.asList(args).subList(0, args.length - 1));
        this.firstWorker = Integer.parseInt(args[args.length - 1]);
    }

    @Override
    public int main(Os os) {
        try (RingFixture fixture = RingFixture.create(os, settings.name(), settings.ring(), settings.ledger().size())) {
            fixture.addObject(settings.boardName(), settings.board().size());
            int[] guardians = new int[settings.workers()];
            guardians[firstWorker] = os.fork(new Guardian(settings, firstWorker));
            for (int w = 0; w < settings.workers(); w++) {
                if (w != firstWorker) {
                    guardians[w] = os.fork(new Guardian(settings, w));
                }
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
