/* Exercise 5 (the course's program, completed) for figure 6: explore --exec against plain starts.
 * NAME is the object's name; SLEEP_SECONDS 0 makes the start-up reference, which sleeps not at all. */
#include <fcntl.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#ifndef SLEEP_SECONDS
#define SLEEP_SECONDS 1
#endif
struct data {
  sem_t sem;
} *data;
int main() {
  int fd = shm_open(NAME, O_RDWR | O_CREAT | O_EXCL, 0666);
  char createSucceeded = (fd != -1);
  if (fd == -1) fd = shm_open(NAME, O_RDWR, 0666);
  if (fd == -1) { perror("shm_open"); exit(1); }
  ftruncate(fd, sizeof(struct data));
  data = mmap(NULL, sizeof(struct data), PROT_WRITE | PROT_READ, MAP_SHARED, fd, 0);
  if (createSucceeded)
    sem_init(&data->sem, 1, 1);
  sem_wait(&data->sem);
  printf("I'm alone here!\n");
  if (SLEEP_SECONDS > 0) sleep(SLEEP_SECONDS);
  sem_post(&data->sem);
  return 0;
}
