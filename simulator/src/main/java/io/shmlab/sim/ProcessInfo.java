package io.shmlab.sim;

import io.shmlab.sim.kernel.ProcessState;
import java.util.List;

/**
 * What ps(1) and /proc tell of a simulated process: its pid, label, uid and state, its page faults
 * (minor: the first touch of a page in this process, and copy-on-write copies), its resident pages,
 * and its mappings as /proc/PID/maps lists them.
 */
public record ProcessInfo(int pid, String label, int uid, ProcessState state, long minorFaults, long residentPages,
        List<MappingInfo> mappings) {

    /** Copies. */
    public ProcessInfo {
        mappings = List.copyOf(mappings);
    }
}
