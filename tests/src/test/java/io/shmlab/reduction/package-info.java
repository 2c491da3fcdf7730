/**
 * The partial-order reduction checked against plain exhaustive search: the same programs explored
 * both ways must end in the same set of distinct outcomes (every process's ending and output, every
 * object's bytes), and the reduction must never run more schedules.
 */
package io.shmlab.reduction;
