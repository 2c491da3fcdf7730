/*
 * Exercise 5 fixed, the C twin of io.shmlab.labs.Exercise5Fixed: the semaphore is created with its
 * value in one step, sem_open with O_CREAT, call for call the same as the Java lab.
 * Arguments: [name], "/myData" by default.
 */
#include <fcntl.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
  const char *name = argc > 1 ? argv[1] : "/myData";
  sem_t *sem = sem_open(name, O_CREAT, 0666, 1);
  if (sem == SEM_FAILED) { perror("sem_open"); exit(1); }
  sem_wait(sem);
  printf("I'm alone here!\n");
  sleep(1);
  sem_post(sem);
  sem_close(sem);
  return 0;
}
