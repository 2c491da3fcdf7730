/**
 * The whole contract suite on the adversarial simulator ({@code SimBackend.withSpuriousEintr()}):
 * every blocking call is interrupted by spurious signals, and the api must still keep its promise
 * that EINTR never surfaces (a call is made again, a timed wait keeps its absolute deadline). Each
 * class is the contract and the backend, nothing else; {@code ScheduledEintrTest} checks the same
 * switch in scheduled runs, where a schedule token records it and the retries are steps.
 */
package io.shmlab.contract.eintr;
