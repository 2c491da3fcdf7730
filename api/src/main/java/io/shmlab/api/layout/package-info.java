/**
 * C struct layouts on x86_64 Linux: {@link io.shmlab.api.layout.StructLayout} gives each member the
 * offset gcc gives it, so Java and C programs share {@code struct myData} or
 * {@code struct ring_buffer} byte for byte. {@link io.shmlab.api.layout.SemT} is the one
 * description of glibc's {@code sem_t} (size, fields, the {@code data} word's halves, the futex
 * flag's values) that both backends and every user of a {@code sem_t} read; {@code CType.SEM_T} is
 * its size and alignment. Descriptor classes elsewhere build their offset constants from these
 * layouts; no literal offsets appear outside a descriptor.
 *
 * <p>This package depends on nothing else of shmlab.
 */
package io.shmlab.api.layout;
