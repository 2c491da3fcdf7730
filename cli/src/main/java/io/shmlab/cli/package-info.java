/**
 * The {@code shmlab} command (picocli): the exercises interactively ({@code ex1} ... {@code ex5}), and
 * the tools that run them in several processes ({@code run}), search their schedules
 * ({@code explore}), replay one as a timeline ({@code replay}, or forced on real processes with
 * {@code --backend=native}: {@link io.shmlab.replay.NativeReplay}), let the student schedule by hand
 * ({@code step}), and tell the course's story in one go ({@code demo}); with {@code --exec BINARY},
 * {@code trace}, {@code explore} and {@code replay} run a C program in real processes under the
 * preloaded turnstile ({@link io.shmlab.cli.ExecCommands}, {@link io.shmlab.cli.ExecRuns}, package
 * {@code io.shmlab.exec}); {@code ls} and {@code rm} are
 * ipcs and ipcrm for the host's /dev/shm ({@link io.shmlab.cli.HostShm}, {@link io.shmlab.cli.ShmUsers},
 * printed by {@link io.shmlab.cli.ShmListing}, which lists a simulator session's /dev/shm the same way).
 *
 * <p>The labs a user can name come from one registry ({@link io.shmlab.labs.Labs}, the course's unless
 * {@link io.shmlab.cli.Main#execute(String[], io.shmlab.cli.Console, io.shmlab.labs.Labs)} is given
 * others): {@code labs} lists them, and every command taking a lab ({@link io.shmlab.cli.LabCommand})
 * declares its {@code <lab>} argument and the options of the labs' parameters from it. The interactive
 * exercises ({@code ex1} ... {@code ex5}) have front ends of their own.
 *
 * <p>A program of the user's own takes the labs' path: {@link io.shmlab.cli.LabChoice} resolves a lab,
 * a single {@code .java} file ({@link io.shmlab.cli.SingleFile}, compiled by the JDK's compiler into a
 * temporary folder removed afterwards) or {@code --class NAME --classpath PATH} to a
 * {@link io.shmlab.labs.LabDefinition} ({@link io.shmlab.cli.UserProgram}), with the arguments after
 * {@code --}; a lab is a program that ships with shmlab. The command printed to replay a token
 * ({@link io.shmlab.cli.ReplayHint}) names what the token records: the program and its arguments.
 *
 * <p>Invariants:
 * <ul>
 *   <li>the capacity of /dev/shm is one option, {@code --shm-size} ({@link io.shmlab.cli.ShmSizeOption}),
 *       for every command that runs the simulator, and on native for the commands whose processes are
 *       child JVMs (a tmpfs of their own); refused in one line where a lab runs in this JVM;</li>
 *   <li>a backend is picked by name ({@code --backend=sim|native}, sim by default) and never falls
 *       back to another; a name no backend has is a usage error (2), a backend that cannot run here
 *       one line and exit status 3; what it can do
 *       (a seeded schedule, real processes and names that outlive the run) is asked of it
 *       ({@link io.shmlab.api.Backend#isDeterministic()},
 *       {@link io.shmlab.api.Backend#runsRealProcesses()}), never read from its name;</li>
 *   <li>a command not run with {@code --backend=native} loads nothing of it (no JNR-FFI, no glibc),
 *       so the simulator's commands run wherever Java does, Windows and macOS included;</li>
 *   <li>every error a user can make (an unknown command, lab or option, a bad name, a missing object,
 *       a bad token) is ONE line on standard error and a non-zero exit, never a stack trace; what is
 *       echoed of the input is cut ({@link io.shmlab.cli.Echo}); {@code -v} adds the trace for
 *       internal errors only; the exit statuses are one table ({@link io.shmlab.cli.ExitCodes#TABLE}),
 *       in {@code --help} and the README;</li>
 *   <li>a verdict says what it is worth: DEADLOCK only from what processes do, TIMEOUT for a run
 *       without progress ({@link io.shmlab.cli.RunReportPrinter}); "no failing schedule found" alone
 *       only after a complete search ({@link io.shmlab.cli.Exploration});</li>
 *   <li>a command that runs processes exits non-zero when any of them failed, was killed or blocked
 *       forever;</li>
 *   <li>what a command makes it registers in one {@link io.shmlab.cli.CleanUp}, run on every way out
 *       but SIGKILL (a shutdown hook for SIGINT and SIGTERM), after writing it down
 *       ({@link io.shmlab.cli.OwnedNames}) so that the next command removes a SIGKILL's leftovers
 *       with a note; names that existed before are left alone (a
 *       program's final check runs before the clean-up); a program of one's own declares no names,
 *       and what its processes made is known from the run's report, removed by the command's thread,
 *       which the clean-up of a signal waits for ({@link io.shmlab.cli.CleanUp#awaitedWhenInterrupted});
 *       an interrupted exploration prints its counts so far before the clean-up goes on
 *       ({@link io.shmlab.cli.CleanUp#awaitedFirstWhenInterrupted});
 *       {@link io.shmlab.cli.TestHook} lets a
 *       test signal a command at fixed points;</li>
 *   <li>all input and output goes through a {@link io.shmlab.cli.Console}, so tests drive the commands
 *       by their standard input; on a terminal it reads lines with JLine (editing, history,
 *       completion), piped input plainly, and draws a status line only on a terminal; logging
 *       (logback, here only) is quiet unless {@code -v}.</li>
 * </ul>
 */
package io.shmlab.cli;
