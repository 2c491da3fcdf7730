package io.shmlab.contract.sim;

import io.shmlab.api.MachineOptions;
import io.shmlab.api.Os;
import io.shmlab.api.ShmSize;
import io.shmlab.contract.CapacityContract;
import io.shmlab.sim.SimBackend;
import io.shmlab.sim.SimMachine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** The capacity contract on the simulator, on a machine whose /dev/shm holds 1 MiB. */
class SimCapacityContractTest extends CapacityContract {

    @Override
    protected void run(String name) throws Exception {
        try (SimMachine machine = new SimBackend().boot(MachineOptions.withShmSize(ShmSize.parse("1m")))) {
            Method c = Class.forName("io.shmlab.contract.CapacityCases").getDeclaredMethod(name, Os.class);
            c.setAccessible(true);
            c.invoke(null, machine.spawn());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw (Error) e.getCause();
        }
    }

    @Override
    protected boolean canFork() {
        return true;
    }
}
