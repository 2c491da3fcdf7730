/* Empties a named semaphore's file under whoever has it open: cut_semaphore NAME [grow]. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv) {
    char file[300];
    snprintf(file, sizeof file, "/sem.%s", argv[1] + strspn(argv[1], "/"));
    int fd = shm_open(file, O_RDWR, 0);
    if (fd < 0 || ftruncate(fd, argc > 2 ? 32 : 0) != 0) {
        perror(file);
        return 1;
    }
    close(fd);
    return 0;
}
