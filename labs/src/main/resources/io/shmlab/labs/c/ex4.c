/*
 * Exercise 4's run mode, the C twin of io.shmlab.labs.Exercise4: the seed's ring buffer in shared
 * memory with named semaphores NAME-empty, NAME-full and NAME-mutex, running the commands given as
 * arguments (the run's "pitem" and "g": each process puts one item and gets one). Call for call the
 * same as the Java lab. Arguments: [name [capacity [command...]]], "/ring" and 10 by default.
 */
#include <fcntl.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef char item_t[256];

int main(int argc, char **argv) {
  const char *name = argc > 1 ? argv[1] : "/ring";
  size_t max = (argc > 2 ? (size_t) atoi(argv[2]) : 10) + 1; /* MAX_ELEMENTS_PLUS_ONE */
  size_t size = max * sizeof(item_t) + 2 * sizeof(size_t);
  char semName[512];
  int fd = shm_open(name, O_RDWR | O_CREAT, 0600);
  ftruncate(fd, size);
  char *ring = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  item_t *data = (item_t *) ring;
  size_t *first = (size_t *) (ring + max * sizeof(item_t));
  size_t *last = first + 1;
  snprintf(semName, sizeof semName, "%s-empty", name);
  sem_t *empty = sem_open(semName, O_CREAT, 0600, (unsigned) (max - 1));
  snprintf(semName, sizeof semName, "%s-full", name);
  sem_t *full = sem_open(semName, O_CREAT, 0600, 0);
  snprintf(semName, sizeof semName, "%s-mutex", name);
  sem_t *mutex = sem_open(semName, O_CREAT, 0600, 1);
  printf("g             gets data from buffer\nptext...      puts 'text...' to buffer\n");
  for (int c = 3; ; c++) {
    printf("> ");
    if (c >= argc) break;
    const char *line = argv[c];
    printf("%s\n", line);
    if (line[0] == 'q') break;
    if (line[0] == '\0') continue;
    item_t item = {0};
    strncpy(item, line + 1, sizeof item - 1);
    switch (line[0]) {
    case 'p':
      sem_wait(empty);
      sem_wait(mutex);
      memcpy(&data[*last], &item, sizeof item);
      *last = (*last + 1) % max;
      sem_post(mutex);
      sem_post(full);
      break;
    case 'g':
      sem_wait(full);
      sem_wait(mutex);
      memcpy(&item, &data[*first], sizeof item);
      *first = (*first + 1) % max;
      sem_post(mutex);
      sem_post(empty);
      printf("%s\n", item);
      break;
    default:
      printf("unknown command '%c'; commands are g, p<text> and q\n", line[0]);
    }
  }
  sem_close(mutex);
  sem_close(full);
  sem_close(empty);
  munmap(ring, size);
  close(fd);
  return 0;
}
