/**
 * Scheduling simulated processes: one at a time, a strategy deciding who runs at every scheduling
 * point, so that an interleaving becomes a schedule that can be printed, replayed and explored.
 *
 * <ul>
 *   <li>{@link io.shmlab.sim.sched.Scheduler} runs one schedule of a
 *       {@link io.shmlab.sim.sched.Simulation} on a fresh world, through the scheduled
 *       {@link io.shmlab.sim.kernel.Dispatcher}; {@link io.shmlab.sim.sched.Explorer} runs many and
 *       counts their {@link io.shmlab.sim.sched.Outcome}s; {@link io.shmlab.sim.sched.Replayer} runs a
 *       {@link io.shmlab.sim.sched.Schedule} token again (twice, refusing at the first difference a
 *       program that does not run the same way twice: {@link io.shmlab.sim.sched.DivergenceWatch}, and
 *       refusing a token that records it was found for another program);
 *       {@link io.shmlab.sim.sched.Stepper} lets a user pick every step. A run in which every process
 *       exited ends with its world's final check, an {@link io.shmlab.sim.sched.Outcome} of its own
 *       when it fails.</li>
 *   <li>The scheduled dispatcher only parks and resumes processes and chooses; its other jobs are
 *       small classes: the hand-over of control between threads ({@code HandOver}), the virtual
 *       clock and its timers ({@code VirtualClock}), the step limit ({@code StepLimit}), telling
 *       live processes the run is over ({@code Unwinding}), and telling a strategy that observes
 *       steps what each was ({@code ObservedSteps}). Futex queues and the deadlock check are the
 *       kernel's {@link io.shmlab.sim.kernel.FutexTable}.</li>
 *   <li>Strategies: {@link io.shmlab.sim.sched.RandomStrategy} (seeded),
 *       {@link io.shmlab.sim.sched.PctStrategy} (probabilistic concurrency testing),
 *       {@link io.shmlab.sim.sched.DfsStrategy} (exhaustive: every schedule, or those within a
 *       preemption bound), {@link io.shmlab.sim.sched.DporStrategy} (exhaustive up to equivalence:
 *       source-set DPOR with sleep sets, the default of a complete search).</li>
 *   <li>A depth-first exploration runs on every core ({@code SplitSearch}): the search is split into
 *       subtrees by short runs along prefixes ({@code SearchSplit}, {@code PrefixProbe}), workers with
 *       a scheduler each explore them ({@code ExplorationWorkers}), and their {@code Tally}s are taken
 *       in the order of the subtrees.</li>
 *   <li>A strategy that reduces observes every step's {@code StepFootprint} ({@code ObservedSteps}):
 *       the scheduled run records what the kernel tells its {@link io.shmlab.sim.kernel.TouchLog}
 *       during the step ({@code FootprintRecorder}); other runs record nothing and allocate nothing
 *       for it.</li>
 *   <li>A {@link io.shmlab.sim.sched.Schedule} token records the capacity of the machine's /dev/shm
 *       when it is not the nominal 8 GiB ({@link io.shmlab.sim.sched.Simulation#shmSize()}), and
 *       {@link io.shmlab.sim.sched.Replayer} refuses it on a machine of another capacity.</li>
 *   <li>{@link io.shmlab.sim.sched.Trace} of {@link io.shmlab.sim.sched.Step}s, drawn by
 *       {@link io.shmlab.sim.sched.Timeline}. A step names its call by its
 *       {@link io.shmlab.api.Syscall} and carries its {@link io.shmlab.api.Footprint}; whom it woke,
 *       who woke it and whether its wait timed out are fields of the step, printed as notes.</li>
 *   <li>A traced run also keeps, per step, where in the program it was made
 *       ({@link io.shmlab.sim.sched.StepSource}) and the machine's state right after it
 *       ({@link io.shmlab.sim.sched.WorldState}: semaphores, pages, faults), which its
 *       {@link io.shmlab.sim.sched.World} is asked for after every step; an untraced run
 *       (exploration) asks nothing and walks no stack.</li>
 * </ul>
 *
 * <p>It sits below {@code io.shmlab.sim}: what it runs is a {@link io.shmlab.sim.sched.Simulation}
 * (a program on a simulated machine is {@code io.shmlab.sim.ProgramSimulation}), and it depends on the
 * kernel and the api alone.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Exactly one simulated process (or the controller) runs at a time; control moves only by
 *       handing a baton, which orders all memory effects.</li>
 *   <li>A scheduling point is every {@code enter} of a system call, the end of a process, a block in
 *       park (a futex wait) or sleepUntil, and, at per-access granularity, every load or store a program makes
 *       outside a system call.</li>
 *   <li>Decisions depend only on process indices (start order), the strategy's seeded state and the
 *       virtual clock: never on hash codes of identities, iteration order of hashed collections, thread
 *       timing or the wall clock. The same token or seed gives the same run on any machine.</li>
 *   <li>What an exploration reports does not depend on how many threads explore: the split depends
 *       on the program and the search alone, and counts are taken in the order of one thread.</li>
 *   <li>No real time passes in a simulated sleep or timed wait: the virtual clock moves to the earliest
 *       deadline only when every live process is blocked; with no deadline left that is a deadlock.</li>
 *   <li>A {@link io.shmlab.sim.sched.Simulation} that a reducing strategy runs tells every touch of
 *       state another process can see through the dispatcher's touch log (the kernel does); a
 *       touch it keeps quiet about makes the reduction unsound.</li>
 *   <li>Spurious EINTR ({@link io.shmlab.sim.sched.RunSettings#spuriousEintr()}) interrupts every other
 *       futex wait of a process; the retries are steps, so the schedule token records it (flag bit 3);
 *       a token without the bit replays as it always did.</li>
 * </ul>
 */
package io.shmlab.sim.sched;
