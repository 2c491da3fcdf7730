package io.shmlab.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The call an {@link Os} method models. Every abstract method of {@code Os} carries one (or
 * {@link NoSystemCall}), so a test can hold every backend and decorator to the vocabulary: a new call
 * that an ordered run does not order fails the build instead of going unordered.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Models {
    /** The call. */
    Syscall value();
}
