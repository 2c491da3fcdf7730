/*
 * Exercise 1's run mode, the C twin of io.shmlab.labs.CounterRace: every process does the
 * exercise's "i 1" on the counter of struct myData (a plain load and store), then counts itself on a
 * finish line and checks the counter for a lost update. Call for call the same as the Java lab.
 * Arguments: [name], "/os_cp" by default; the finish line is NAME.finish.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

struct myData {
  int version;
  char text[1020];
  int counter;
};

struct finish_line {
  int finished;
};

int main(int argc, char **argv) {
  const char *name = argc > 1 ? argv[1] : "/os_cp";
  char lineName[512];
  snprintf(lineName, sizeof lineName, "%s.finish", name);
  int fd = shm_open(name, O_RDWR | O_CREAT, 0600);
  ftruncate(fd, sizeof(struct myData));
  struct myData *data = mmap(NULL, sizeof(struct myData), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  int lineFd = shm_open(lineName, O_RDWR | O_CREAT, 0600);
  ftruncate(lineFd, sizeof(struct finish_line));
  struct finish_line *line = mmap(NULL, sizeof(struct finish_line), PROT_READ | PROT_WRITE, MAP_SHARED, lineFd, 0);

  int counter = data->counter;
  data->counter = counter + 1;
  int done = __atomic_add_fetch(&line->finished, 1, __ATOMIC_SEQ_CST);
  int seen = data->counter;
  if (seen < done) {
    printf("lost update: counter is %d after %d increments of 1\n", seen, done);
    return 1;
  }
  printf("i 1 done: counter %d, %d increment(s) finished\n", seen, done);
  return 0;
}
