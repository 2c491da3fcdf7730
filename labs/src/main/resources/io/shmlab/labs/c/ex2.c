/*
 * Exercise 2's run mode, the C twin of io.shmlab.labs.Exercise2: the writer that fills the text of
 * struct myData with letters, ROUNDS passes over a..z (0: until SIGINT). Call for call the same as
 * the Java lab. Arguments: [name [rounds]], "/os_cp" and 0 by default.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

struct myData {
  int version;
  char text[1020];
  int counter;
};

volatile sig_atomic_t stopFlag = 0;
void ctrlC(int num) { (void) num; stopFlag = 1; }

int main(int argc, char **argv) {
  const char *name = argc > 1 ? argv[1] : "/os_cp";
  int rounds = argc > 2 ? atoi(argv[2]) : 0;
  int fd = shm_open(name, O_RDWR | O_CREAT, 0600);
  ftruncate(fd, sizeof(struct myData));
  struct myData *data = mmap(NULL, sizeof(struct myData), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  signal(SIGINT, ctrlC);
  if (rounds > 0) {
    printf("writing letters into %s %d time(s) over\n", name, rounds);
  } else {
    printf("writing letters into %s until stopped\n", name);
  }
  int round = 0;
  while (!stopFlag) {
    for (char letter = 'a'; letter <= 'z'; ++letter) {
      for (int i = 0; i < 1020 - 1; ++i) {
        data->text[i] = letter;
      }
      if (stopFlag) break;
    }
    if (rounds > 0 && ++round == rounds) break;
  }
  munmap(data, sizeof(struct myData));
  printf("stopped\n");
  return 0;
}
