/* Opens a shared memory object or a named semaphore and says how it went: "ok" or the errno's name.
 * Run as another user to see the object's mode at work.
 * Usage: open_as shm-rw|shm-ro|sem NAME */
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: open_as shm-rw|shm-ro|sem NAME\n");
    return 2;
  }
  int failed;
  if (strncmp(argv[1], "shm", 3) == 0) {
    int fd = shm_open(argv[2], strcmp(argv[1], "shm-ro") == 0 ? O_RDONLY : O_RDWR, 0);
    failed = fd == -1;
    if (!failed) close(fd);
  } else {
    sem_t *sem = sem_open(argv[2], 0);
    failed = sem == SEM_FAILED;
    if (!failed) sem_close(sem);
  }
  if (!failed) {
    printf("ok\n");
  } else if (errno == EACCES) {
    printf("EACCES\n");
  } else if (errno == ENOENT) {
    printf("ENOENT\n");
  } else {
    printf("errno %d\n", errno);
  }
  return 0;
}
