/**
 * Who may open what: modes, users and the umask, on each backend. On native the other user is a C
 * program run as {@code nobody} by setpriv (root is needed to do that; elsewhere the test is skipped
 * with its reason); on the simulator it is another uid of the same machine.
 */
package io.shmlab.permissions;
