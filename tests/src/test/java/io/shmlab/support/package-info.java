/**
 * What tests of several packages need and no backend provides: C programs from the test resources,
 * compiled with gcc for a test, or the test skipped with the reason where gcc is missing.
 */
package io.shmlab.support;
