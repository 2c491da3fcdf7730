/* Prints what gcc and glibc make of a sem_t on this machine, one "key value" line each: the sizes
   and offsets of the declarations, then the bytes sem_init, sem_post and a blocked sem_wait leave
   in it. SemTAsGlibcLaysItOutTest compares them with the Java descriptor (io.shmlab.api.layout.SemT). */
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* glibc's own view of a sem_t (its internaltypes.h, for machines with 64-bit atomics), which glibc
   does not install: declared again here, to be checked against what sem_init really stores. */
struct new_sem {
  uint64_t data;
  int private;
  int pad;
};

static sem_t sem;

static void *waiter(void *unused) {
  (void) unused;
  sem_wait(&sem);
  return NULL;
}

static uint64_t data(void) {
  return __atomic_load_n(&((struct new_sem *) &sem)->data, __ATOMIC_ACQUIRE);
}

int main(void) {
  struct new_sem *n = (struct new_sem *) &sem;
  printf("sem_t.size %zu\n", sizeof(sem_t));
  printf("sem_t.align %zu\n", _Alignof(sem_t));
  printf("new_sem.size %zu\n", sizeof(struct new_sem));
  printf("new_sem.data %zu\n", offsetof(struct new_sem, data));
  printf("new_sem.private %zu\n", offsetof(struct new_sem, private));
  printf("new_sem.pad %zu\n", offsetof(struct new_sem, pad));
  printf("SEM_VALUE_MAX %ld\n", (long) SEM_VALUE_MAX);

  memset(&sem, 0x55, sizeof sem);
  if (sem_init(&sem, 1, 5) != 0) {
    perror("sem_init");
    return 1;
  }
  printf("shared.data %llu\n", (unsigned long long) data());
  printf("shared.private %d\n", n->private);
  printf("shared.pad %d\n", n->pad);
  sem_post(&sem);
  printf("posted.data %llu\n", (unsigned long long) data());
  sem_destroy(&sem);

  if (sem_init(&sem, 0, 0) != 0) {
    perror("sem_init");
    return 1;
  }
  printf("private.private %d\n", n->private);
  pthread_t thread;
  if (pthread_create(&thread, NULL, waiter, NULL) != 0) {
    perror("pthread_create");
    return 1;
  }
  struct timespec pause = {0, 1000000};
  for (int i = 0; i < 10000 && data() == 0; i++) {
    nanosleep(&pause, NULL);
  }
  printf("waiting.data %llu\n", (unsigned long long) data());
  sem_post(&sem);
  pthread_join(thread, NULL);
  printf("woken.data %llu\n", (unsigned long long) data());
  sem_destroy(&sem);
  return 0;
}
