/*
 * Exercise 5, the C twin of io.shmlab.labs.Exercise5: the course's program completed as the lab
 * completes it (the sem_wait, printf, sleep and sem_post its text implies), call for call the same as
 * the Java lab, so that a schedule the simulator found on the lab can be forced on it:
 *   shmlab replay ex5 <token> --exec
 * Arguments: [name [delayInitMillis]], "/myData" and 0 by default.
 */
#include <fcntl.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

struct data {
  sem_t sem;
} *data;

int main(int argc, char **argv) {
  const char *name = argc > 1 ? argv[1] : "/myData";
  long delayInit = argc > 2 ? atol(argv[2]) : 0;
  int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0666);
  char createSucceeded = (fd != -1);
  if (fd == -1) fd = shm_open(name, O_RDWR, 0666);
  if (fd == -1) { perror("shm_open"); exit(1); }
  ftruncate(fd, sizeof(struct data));
  data = mmap(NULL, sizeof(struct data), PROT_WRITE | PROT_READ, MAP_SHARED, fd, 0);
  if (createSucceeded) {
    if (delayInit > 0) usleep(delayInit * 1000);
    sem_init(&data->sem, 1, 1);
  }
  sem_wait(&data->sem);
  printf("I'm alone here!\n");
  sleep(1);
  sem_post(&data->sem);
  munmap(data, sizeof(struct data));
  return 0;
}
