package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.OpenFile;
import io.shmlab.api.OpenFlags;
import io.shmlab.api.Semaphore;
import io.shmlab.api.ShmNamespace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code shmlab ls} and {@code rm} on the host's /dev/shm, and what interactive labs say on native. */
class HostToolsTest {
    @RegisterExtension
    final HostNames names = new HostNames();

    @Test
    void lsShowsObjectsWithTheirUsersAndSemaphoresWithValueWaitersAndAHolderDiedHint() {
        String object = names.objectAndSemaphore("lsobj");
        String dead = names.objectAndSemaphore("lsdead");
        OpenFile fd = names.os().shmOpen(object, OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0640);
        names.os().ftruncate(fd, 1234);
        Semaphore sem = names.os().semOpen(dead, OpenFlags.O_CREAT, 0600, 0);
        names.os().semClose(sem);
        try {
            Shmlab.Result r = Shmlab.run("ls");
            assertEquals(0, r.status(), r::toString);
            long me = ProcessHandle.current().pid();
            assertTrue(r.out().matches("(?s).*  " + object + " +object +1234  0640  \\S+ +\\d+s  -  +" + me + " java \\(open\\).*"), r::toString);
            assertTrue(r.out().matches("(?s).*  " + dead + " +semaphore +32  0600  \\S+ +\\d+s  0/0 +-\\n.*"), r::toString);
            assertTrue(r.out().contains("holder died? semaphore " + dead + " is 0 and no process has it open"), r::toString);
        } finally {
            names.os().close(fd);
        }
    }

    @Test
    void rmRemovesObjectAndSemaphoreOfANameAndSaysWhatIsMissing() {
        String both = names.objectAndSemaphore("rmboth");
        names.os().close(names.os().shmOpen(both, OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0600));
        names.os().semClose(names.os().semOpen(both, OpenFlags.O_CREAT, 0600, 1));
        Shmlab.Result dry = Shmlab.run("rm", "--dry-run", both);
        assertEquals(0, dry.status(), dry::toString);
        assertTrue(dry.out().contains("would remove " + both + "\nwould remove semaphore " + both), dry::toString);
        assertTrue(names.machine().listShm().contains(ShmNamespace.semaphoreFile(both)), "a dry run removes nothing");

        Shmlab.Result r = Shmlab.run("rm", both, "/shmlab-test-never-there");
        assertEquals(ExitCodes.FAILED, r.status(), r::toString);
        assertTrue(r.out().contains("removed " + both + "\nremoved semaphore " + both), r::toString);
        assertTrue(r.err().contains("no object or semaphore '/shmlab-test-never-there'"), r::toString);
        assertFalse(names.machine().listShm().contains(ShmNamespace.objectFile(both)), "removed");
        assertFalse(names.machine().listShm().contains(ShmNamespace.semaphoreFile(both)), "removed");
    }

    @Test
    void rmWithNothingToRemoveIsAUsageError() {
        Shmlab.Result r = Shmlab.run("rm");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        Shmlab.Result mine = Shmlab.run("rm", "--all-mine", "--dry-run");
        assertEquals(0, mine.status(), mine::toString);
    }

    @Test
    void lsOfTheSimulatorIsFoundInsideItsSessions() {
        Shmlab.Result r = Shmlab.run("ls", "--backend=sim");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("type ls there"), r::toString);
    }

    /**
     * A mutex left at 0 (its holder killed inside the critical section): ex4's put waits on it, and
     * after a few seconds says which semaphore it is blocked on and that shmlab ls tells more.
     */
    @Test
    void ex4SaysWhichSemaphoreALongWaitIsOn() throws Exception {
        String ring = names.objectAndSemaphore("ringwait");
        names.semaphore(ring + "-empty");
        names.semaphore(ring + "-full");
        names.semaphore(ring + "-mutex");
        names.os().semClose(names.os().semOpen(ring + "-mutex", OpenFlags.O_CREAT, 0600, 0));
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(stdin, out, err);
        CompletableFuture<Integer> ex4 = CompletableFuture.supplyAsync(
                () -> Main.execute(new String[] {"ex4", "--backend=native", "--name=" + ring}, console));
        typing.write("pone\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!err.toString(StandardCharsets.UTF_8).contains("note: still blocked") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        names.os().semPost(names.os().semOpen(ring + "-mutex", 0));
        typing.write("g\nq\n".getBytes(StandardCharsets.UTF_8));
        typing.close();
        assertEquals(0, ex4.get(30, TimeUnit.SECONDS), () -> out + "\n" + err);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("note: still blocked in sem_wait on the semaphore " + ring
                + "-mutex after 3 s; shmlab ls shows its value and which processes have it open"), err::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("> one\n"), out::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("q             quits"), out::toString);
    }

    @Test
    void nativeEx1SaysTheSameAsTheSimulatorOfCIsms() {
        String name = names.objectAndSemaphore("ex1cism");
        Shmlab.Result r = Shmlab.withInput("i abc\n   \nrubbish\nq\n", "ex1", "--backend=native", "--name=" + name);
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("note: 'abc' is not a number: atoi reads it as 0, as in the C program"), r::toString);
        assertTrue(r.out().contains("note: only the first letter counts, as in the C program: 'rubbish' is r"), r::toString);
        assertFalse(r.out().contains("unknown command"), r::toString);
    }

    @Test
    void aMappingTooLargeForTheJvmSaysWhy() {
        String name = names.objectAndSemaphore("huge");
        Shmlab.Result r = Shmlab.withInput("q\n", "ex1", "--backend=native", "--name=" + name, "--map-size=99999999999999");
        assertEquals(ExitCodes.FAILED, r.status(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("mmap(\"" + name + "\"): ENOMEM (Cannot allocate memory) — this JVM's address space"
                + " has no free gap that large"), r::toString);
        Shmlab.Result sim = Shmlab.withInput("A: c 99999999990000\n", "ex1", "--procs=1", "--map-size=99999999999999");
        assertTrue(sim.out().contains("A: /os_cp is mapped at 0x"), sim::toString);
    }

    @Test
    void whatAKilledCommandLeftIsRecognisedAndRemovedByTheNextOne() throws IOException {
        String name = names.objectAndSemaphore("leftover");
        names.os().semClose(names.os().semOpen(name, OpenFlags.O_CREAT, 0600, 1));
        Path dir = OwnedNames.directory();
        Files.createDirectories(dir);
        Path record = dir.resolve("999999999-1-1.names");
        Files.write(record, List.of("pid 999999999 0", "command run ex5-fixed", ShmNamespace.semaphoreFile(name)));
        Shmlab.Result r = Shmlab.run("run", "ex5-fixed", "--procs=1", "--backend=native", "--name=/shmlab-test-other-"
                + ProcessHandle.current().pid());
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("note: removed semaphore " + name + ", left by shmlab run ex5-fixed (pid 999999999,"
                + " killed before it could clean up)"), r::toString);
        assertFalse(names.machine().listShm().contains(ShmNamespace.semaphoreFile(name)), "removed");
        assertFalse(Files.exists(record), "the record is gone");
    }
}
