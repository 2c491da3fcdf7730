/* Exercise 3 of the course: "wait NAME" creates the named semaphore NAME with value 0 (or opens it)
 * and waits on it; "post NAME" opens it and posts it. */
#include <fcntl.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: exercise3 wait|post NAME\n");
    return 2;
  }
  int waiting = strcmp(argv[1], "wait") == 0;
  sem_t *sem = waiting ? sem_open(argv[2], O_CREAT, 0600, 0) : sem_open(argv[2], 0);
  if (sem == SEM_FAILED) {
    perror("sem_open");
    return 1;
  }
  if (waiting) {
    if (sem_wait(sem) == -1) {
      perror("sem_wait");
      return 1;
    }
    printf("woken\n");
  } else {
    if (sem_post(sem) == -1) {
      perror("sem_post");
      return 1;
    }
    printf("posted\n");
  }
  sem_close(sem);
  return 0;
}
