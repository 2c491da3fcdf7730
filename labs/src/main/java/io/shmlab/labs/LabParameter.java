package io.shmlab.labs;

/**
 * A setting of {@link LabSettings} besides the name, which only the labs that take it use; the
 * {@code shmlab} command offers an option for each parameter that some lab takes.
 */
public enum LabParameter {
    /** {@link LabSettings#delayInit()}: a sleep injected before an initialisation, so a race shows. */
    DELAY_INIT,
    /** {@link LabSettings#capacity()}: how many items a buffer holds. */
    CAPACITY,
    /** {@link LabSettings#fallocate()}: allocate with posix_fallocate before writing. */
    FALLOCATE
}
