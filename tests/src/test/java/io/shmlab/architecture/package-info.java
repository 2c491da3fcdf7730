/**
 * The architecture as rules the build checks (ArchUnit), over the production classes of every module:
 * no cycle between packages, and the modules' direction: the api depends on nothing of shmlab's, the
 * backends ({@code io.shmlab.sim}, {@code io.shmlab.libc}) and the labs on the api alone.
 */
package io.shmlab.architecture;
