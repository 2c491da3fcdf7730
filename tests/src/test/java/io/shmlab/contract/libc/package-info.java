/**
 * The whole contract suite on the real kernel and glibc (the native backend): each class is one
 * contract and the backend, nothing else. Where the backend cannot run, every case is skipped with
 * the reason.
 */
package io.shmlab.contract.libc;
