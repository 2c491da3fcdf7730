/**
 * What tests of several packages need: C programs from the test resources, compiled with gcc for a
 * test ({@link io.shmlab.support.CTool}), and the native backend's machine
 * ({@link io.shmlab.support.NativeHost}); where either is missing, the test is skipped with the reason.
 */
package io.shmlab.support;
