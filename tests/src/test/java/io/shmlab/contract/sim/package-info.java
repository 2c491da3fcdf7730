/**
 * The whole contract suite on the simulator: each class is one contract and the backend, nothing
 * else.
 */
package io.shmlab.contract.sim;
