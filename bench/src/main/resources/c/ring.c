/* Reference for Exercise 4's ring buffer between two real processes: the seed's struct ring_buffer
 * in a shared memory object, guarded by three named semaphores (empty, full, mutex), one producer
 * process and one consumer process (fork), ITEMS items of 256 bytes. The rate is timed as the Java
 * side (io.shmlab.labs.RingTransfer) times it: from the consumer's first item to its last, so the
 * start-up of either side is not counted.
 * Usage: ring NAME ITEMS [CAPACITY]   Prints: items_per_second <float> checksum <n> */
#include <fcntl.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef char item_t[256];
struct header { size_t first; size_t last; };

#define CHECK(result, textOnFail) \
  if (((long int)(result)) == -1) { perror(textOnFail); exit(1); }

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: ring NAME ITEMS [CAPACITY]\n");
    return 2;
  }
  const char *name = argv[1];
  long items = atol(argv[2]);
  size_t slots = argc > 3 ? (size_t)atol(argv[3]) : 11; /* MAX_ELEMENTS_PLUS_ONE */
  size_t size = slots * sizeof(item_t) + sizeof(struct header);
  char semName[300];

  int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
  CHECK(fd, "shm_open");
  CHECK(ftruncate(fd, size), "ftruncate");
  char *base = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (base == MAP_FAILED) { perror("mmap"); exit(1); }
  item_t *data = (item_t *)base;
  struct header *h = (struct header *)(base + slots * sizeof(item_t));
  snprintf(semName, sizeof semName, "%s-empty", name);
  sem_t *empty = sem_open(semName, O_CREAT | O_EXCL, 0600, (unsigned)(slots - 1));
  snprintf(semName, sizeof semName, "%s-full", name);
  sem_t *full = sem_open(semName, O_CREAT | O_EXCL, 0600, 0);
  snprintf(semName, sizeof semName, "%s-mutex", name);
  sem_t *mutex = sem_open(semName, O_CREAT | O_EXCL, 0600, 1);
  if (empty == SEM_FAILED || full == SEM_FAILED || mutex == SEM_FAILED) { perror("sem_open"); exit(1); }

  pid_t producer = fork();
  CHECK(producer, "fork");
  if (producer == 0) {
    item_t item;
    memset(item, 0, sizeof item);
    for (long i = 0; i < items; i++) {
      memcpy(item, &i, sizeof i);
      sem_wait(empty);
      sem_wait(mutex);
      memcpy(&data[h->last], item, sizeof(item_t));
      h->last = (h->last + 1) % slots;
      sem_post(mutex);
      sem_post(full);
    }
    _exit(0);
  }
  long long checksum = 0;
  item_t item;
  double start = 0;
  for (long i = 0; i < items; i++) {
    sem_wait(full);
    if (i == 0) start = now_s();
    sem_wait(mutex);
    memcpy(item, &data[h->first], sizeof(item_t));
    h->first = (h->first + 1) % slots;
    sem_post(mutex);
    sem_post(empty);
    long got;
    memcpy(&got, item, sizeof got);
    checksum += got;
  }
  double elapsed = now_s() - start;
  int status;
  waitpid(producer, &status, 0);
  printf("items_per_second %.1f checksum %lld\n", items / elapsed, checksum);

  sem_close(empty); sem_close(full); sem_close(mutex);
  snprintf(semName, sizeof semName, "%s-empty", name); sem_unlink(semName);
  snprintf(semName, sizeof semName, "%s-full", name); sem_unlink(semName);
  snprintf(semName, sizeof semName, "%s-mutex", name); sem_unlink(semName);
  munmap(base, size);
  close(fd);
  shm_unlink(name);
  return 0;
}
