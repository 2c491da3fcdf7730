package io.shmlab.libc.turns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shmlab.api.ForwardingOs;
import io.shmlab.api.Models;
import io.shmlab.api.NoSystemCall;
import io.shmlab.api.Os;
import io.shmlab.api.Syscall;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every call a program can make through {@link Os} is named in the vocabulary, and an ordered run
 * orders every one that is a scheduling point: a new {@code Os} method that nobody adds to
 * {@link TurnstileOs} fails here instead of going unordered.
 */
class TurnstileOsCoverageTest {

    @Test
    void everyAbstractOsMethodSaysWhichCallItModels() {
        List<String> unnamed = new ArrayList<>();
        for (Method m : Os.class.getMethods()) {
            boolean models = m.isAnnotationPresent(Models.class);
            boolean none = m.isAnnotationPresent(NoSystemCall.class);
            if (models == none && Modifier.isAbstract(m.getModifiers())) {
                unnamed.add(m.toString());
            }
        }
        assertEquals(List.of(), unnamed, "Os methods without exactly one of @Models and @NoSystemCall");
    }

    @Test
    void turnstileOsTakesATurnForEveryScheduledCall() throws NoSuchMethodException {
        List<String> unordered = new ArrayList<>();
        for (Method m : Os.class.getMethods()) {
            Models models = m.getAnnotation(Models.class);
            if (models == null || !models.value().scheduled()) {
                continue;
            }
            // what a TurnstileOs runs: its own override, or a default method of Os that goes through
            // the abstract ones; never ForwardingOs's, which hands the call on without a turn
            Class<?> runs = TurnstileOs.class.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass();
            if (runs != TurnstileOs.class && !(runs == Os.class && m.isDefault())) {
                unordered.add(m.getName() + " (" + models.value().cName() + ") runs " + runs.getSimpleName() + "'s");
            }
        }
        assertEquals(List.of(), unordered, "Os calls a TurnstileOs would let through unordered");
    }

    @Test
    void turnstileOsLetsLocalCallsThrough() throws NoSuchMethodException {
        for (Method m : Os.class.getMethods()) {
            Models models = m.getAnnotation(Models.class);
            if (models != null && models.value().kind() == Syscall.Kind.LOCAL) {
                assertEquals(ForwardingOs.class,
                        TurnstileOs.class.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass(), m.getName());
            }
        }
    }

    @Test
    void everyScheduledCallOfTheVocabularyIsAnOsMethodOrTheSimulatorsOwn() {
        Set<Syscall> modelled = EnumSet.noneOf(Syscall.class);
        for (Method m : Os.class.getMethods()) {
            Models models = m.getAnnotation(Models.class);
            if (models != null) {
                modelled.add(models.value());
            }
        }
        // exit is every process's end, unlink only the simulator's own processes make; loads and
        // stores are accesses through a Mapping
        Set<Syscall> rest = EnumSet.complementOf(EnumSet.copyOf(modelled));
        assertEquals(EnumSet.of(Syscall.EXIT, Syscall.UNLINK, Syscall.LOAD, Syscall.STORE), rest);
        for (Syscall s : Syscall.values()) {
            assertNotEquals(null, s.footprint());
            assertTrue(s.cName().length() < ControlBlockLayout.CALL_NAME_BYTES, s.cName());
        }
    }
}
