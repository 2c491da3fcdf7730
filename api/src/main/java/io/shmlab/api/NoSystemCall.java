package io.shmlab.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An {@link Os} method that makes no call at all (taking a pointer), said so where a
 * {@link Models} would stand.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NoSystemCall {
    /** What it is instead, in words. */
    String value();
}
