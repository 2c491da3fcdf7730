/**
 * Exploration on several threads: a depth-first search must report the same on any number of them
 * (the same counts per outcome, the same first and shortest failing tokens, the same verdict).
 */
package io.shmlab.exploration;
