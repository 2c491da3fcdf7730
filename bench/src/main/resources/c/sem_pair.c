/* Reference for the uncontended sem_post + sem_wait pair: the same pair shmlab's native backend
 * makes, on an unnamed process-shared semaphore in a shared mapping, timed in C.
 * Usage: sem_pair ITERATIONS   Prints: ns_per_pair <float> */
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv) {
  long iterations = argc > 1 ? atol(argv[1]) : 10000000L;
  sem_t *sem = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (sem == MAP_FAILED || sem_init(sem, 1, 0) == -1) {
    perror("setup");
    return 1;
  }
  for (long i = 0; i < iterations / 10; i++) { /* warm up */
    sem_post(sem);
    sem_wait(sem);
  }
  double start = now_ns();
  for (long i = 0; i < iterations; i++) {
    if (sem_post(sem) == -1 || sem_wait(sem) == -1) {
      perror("sem");
      return 1;
    }
  }
  double elapsed = now_ns() - start;
  printf("ns_per_pair %.3f\n", elapsed / iterations);
  sem_destroy(sem);
  munmap(sem, sizeof(sem_t));
  return 0;
}
