/**
 * The {@code shmlab} command (picocli): the exercises interactively ({@code ex1} ... {@code ex5}), and
 * the tools that run them in several processes ({@code run}), search their schedules
 * ({@code explore}), replay one as a timeline ({@code replay}, or forced on real processes with
 * {@code --backend=native}: {@link io.shmlab.replay.NativeReplay}), let the student schedule by hand
 * ({@code step}), and tell the course's story in one go ({@code demo}).
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
 *   <li>a backend is picked by name ({@code --backend=sim|native}, sim by default) and never falls
 *       back to another; one that cannot run here is one line and exit status 3; what it can do
 *       (a seeded schedule, real processes and names that outlive the run) is asked of it
 *       ({@link io.shmlab.api.Backend#isDeterministic()},
 *       {@link io.shmlab.api.Backend#runsRealProcesses()}), never read from its name;</li>
 *   <li>a command not run with {@code --backend=native} loads nothing of it (no JNR-FFI, no glibc),
 *       so the simulator's commands run wherever Java does, Windows and macOS included;</li>
 *   <li>every error a user can make (an unknown lab or option, a bad name, a missing object, a bad
 *       token) is ONE line on standard error and a non-zero exit ({@link io.shmlab.cli.ExitCodes}),
 *       never a stack trace; {@code -v} adds the trace for internal errors only;</li>
 *   <li>a command that runs processes exits non-zero when any of them failed, was killed or blocked
 *       forever;</li>
 *   <li>runs on the real kernel remove the names they created and leave existing ones alone (a
 *       program's final check runs before that);</li>
 *   <li>all input and output goes through a {@link io.shmlab.cli.Console}, so tests drive the commands
 *       by their standard input; logging (logback, here only) is quiet unless {@code -v}.</li>
 * </ul>
 */
package io.shmlab.cli;
