/**
 * C struct layouts on x86_64 Linux: {@link io.shmlab.api.layout.StructLayout} gives each member the
 * offset gcc gives it, so Java and C programs share {@code struct myData} or
 * {@code struct ring_buffer} byte for byte. Descriptor classes elsewhere build their offset
 * constants from these layouts; no literal offsets appear outside a descriptor.
 */
package io.shmlab.api.layout;
