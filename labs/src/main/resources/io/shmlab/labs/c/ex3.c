/*
 * Exercise 3's run mode, the C twin of io.shmlab.labs.Exercise3 in its "auto" role: the process that
 * creates the named semaphore (value 0) waits on it, every other one posts it. Call for call the same
 * as the Java lab. Arguments: [auto [name]], "/ex3" by default.
 */
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>

static void post(const char *name, sem_t *sem) {
  sem_post(sem);
  printf("posted %s\n", name);
  sem_close(sem);
}

int main(int argc, char **argv) {
  const char *name = argc > 2 ? argv[2] : "/ex3";
  sem_t *created = sem_open(name, O_CREAT | O_EXCL, 0600, 0);
  if (created == SEM_FAILED) {
    if (errno != EEXIST) { perror("sem_open"); exit(1); }
    sem_t *sem = sem_open(name, 0);
    if (sem == SEM_FAILED) { perror("sem_open"); exit(1); }
    post(name, sem);
    return 0;
  }
  printf("waiting on %s\n", name);
  sem_wait(created);
  printf("woken up: %s was posted\n", name);
  sem_close(created);
  return 0;
}
