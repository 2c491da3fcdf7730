/*
 * shmlab's turnstile for C programs, preloaded (LD_PRELOAD) into an unmodified, dynamically linked
 * binary. Before each call it wraps, the process parks in the control block of its run and waits for
 * the turn its conductor (shmlab, its parent) gives it; a call that would block says so itself, then
 * really blocks. The protocol and the layout are io.shmlab.libc.turns.ConductedBlock's and
 * ControlBlockLayout's: shmlab_layout.h is generated from the Java descriptor when shmlab builds this
 * file.
 *
 * A process attaches when SHMLAB_TURNS (the block's name) and SHMLAB_SLOT (its index) are set;
 * without them every wrapper passes straight through. Only the thread that attached takes turns.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "shmlab_layout.h"

static char *block;
static int capacity;
static int me = -1;
static int real_time;
static pid_t my_tid;
static int ended;
static __thread int inside;

/* The next definition of a wrapped function (libc's), looked up once. */
static void *next(void **slot, const char *name) {
    if (*slot == NULL) {
        *slot = dlsym(RTLD_NEXT, name);
    }
    return *slot;
}

#define REAL(name) ((__typeof__(real_##name)) next((void **) &real_##name, #name))

static int (*real_shm_open)(const char *, int, mode_t);
static int (*real_shm_unlink)(const char *);
static int (*real_ftruncate)(int, off_t);
static int (*real_posix_fallocate)(int, off_t, off_t);
static void *(*real_mmap)(void *, size_t, int, int, int, off_t);
static int (*real_munmap)(void *, size_t);
static int (*real_msync)(void *, size_t, int);
static int (*real_close)(int);
static sem_t *(*real_sem_open)(const char *, int, ...);
static int (*real_sem_close)(sem_t *);
static int (*real_sem_unlink)(const char *);
static int (*real_sem_init)(sem_t *, int, unsigned);
static int (*real_sem_destroy)(sem_t *);
static int (*real_sem_wait)(sem_t *);
static int (*real_sem_trywait)(sem_t *);
static int (*real_sem_timedwait)(sem_t *, const struct timespec *);
static int (*real_sem_post)(sem_t *);
static int (*real_sem_getvalue)(sem_t *, int *);
static pid_t (*real_fork)(void);
static ssize_t (*real_write)(int, const void *, size_t);
static int (*real_vprintf)(const char *, va_list);
static int (*real_vfprintf)(FILE *, const char *, va_list);
static int (*real_puts)(const char *);
static int (*real_fputs)(const char *, FILE *);
static size_t (*real_fwrite)(const void *, size_t, size_t, FILE *);
static int (*real_putchar)(int);
static int (*real_fputc)(int, FILE *);
static int (*real_putc)(int, FILE *);
static unsigned (*real_sleep)(unsigned);
static int (*real_usleep)(useconds_t);
static int (*real_nanosleep)(const struct timespec *, struct timespec *);
static int (*real_clock_nanosleep)(clockid_t, int, const struct timespec *, struct timespec *);

/* ---- the block ---- */

static int32_t *i32(long offset) { return (int32_t *) (block + offset); }
static int64_t *i64(long offset) { return (int64_t *) (block + offset); }
static sem_t *sem_in_block(long offset) { return (sem_t *) (block + offset); }
static long record(int i) { return shmlab_call_record_offset(capacity, i); }
static long process(int i) { return shmlab_process_offset(capacity, i); }
static long conductor(void) { return shmlab_conductor_offset(capacity); }

static void wait_on(sem_t *s) {
    while (REAL(sem_wait)(s) != 0 && errno == EINTR) {
    }
}

static void lock(void) { wait_on(sem_in_block(SHMLAB_MUTEX_OFFSET)); }
static void unlock(void) { REAL(sem_post)(sem_in_block(SHMLAB_MUTEX_OFFSET)); }
static void ring(void) { REAL(sem_post)(sem_in_block(conductor() + SHMLAB_DOORBELL)); }
static void await_turn(void) { wait_on(sem_in_block(shmlab_turnstile_offset(me))); }
static void set_state(int state) { *i32(process(me) + SHMLAB_PROCESS_STATE) = state; }

static void put_text(long offset, int room, const char *text) {
    size_t n = strlen(text);
    if (n >= (size_t) room) {
        n = room - 1;
    }
    memcpy(block + offset, text, n);
    block[offset + n] = '\0';
}

/* Whether this call takes a turn: attached, not ended, on the thread that attached, not from inside. */
static int ordered(void) {
    return block != NULL && me >= 0 && !ended && !inside && syscall(SYS_gettid) == my_tid;
}

/* Parks at a call and waits for the turn; the conductor has made the state IN_CALL when it returns. */
static void park(const char *call, const char *text) {
    int saved = errno;
    lock();
    long r = record(me);
    memset(block + r + SHMLAB_CALL_NAME, 0, SHMLAB_CALL_NAME_BYTES);
    strncpy(block + r + SHMLAB_CALL_NAME, call, SHMLAB_CALL_NAME_BYTES - 1);
    put_text(r + SHMLAB_CALL_TEXT, SHMLAB_CALL_TEXT_BYTES, text);
    *i32(r + SHMLAB_CALL_BLOCKS) = SHMLAB_BLOCKS_NOT;
    *i32(r + SHMLAB_CALL_ARRIVAL) = ++*i32(conductor() + SHMLAB_ARRIVALS);
    set_state(SHMLAB_STATE_WAITING_TURN);
    unlock();
    ring();
    await_turn();
    block[r + SHMLAB_CALL_RESULT_TEXT] = '\0'; /* until the call returns: a process that dies in it shows no result */
    errno = saved;
}

/* Writes what the call returned; read by the conductor at its next look, after this process parks. */
static void returned(long result, int error, const char *text) {
    long r = record(me);
    *i64(r + SHMLAB_CALL_RESULT) = result;
    *i32(r + SHMLAB_CALL_ERRNO) = error;
    put_text(r + SHMLAB_CALL_RESULT_TEXT, SHMLAB_CALL_RESULT_TEXT_BYTES, text);
}

/* Says the call is about to block, and how; the conductor hands the next turn on at once. */
static void will_block(int how, const void *futex, long sleep_nanos) {
    int saved = errno;
    lock();
    long r = record(me);
    *i32(r + SHMLAB_CALL_BLOCKS) = how;
    *i64(r + SHMLAB_CALL_WAIT_ADDRESS) = (int64_t) (intptr_t) futex;
    *i64(r + SHMLAB_CALL_SLEEP_NANOS) = sleep_nanos;
    set_state(SHMLAB_STATE_BLOCKED);
    unlock();
    ring();
    errno = saved;
}

/* A blocked call came back: park again until the conductor lets it go on. */
static void park_resumed(void) {
    int saved = errno;
    lock();
    *i32(record(me) + SHMLAB_CALL_ARRIVAL) = ++*i32(conductor() + SHMLAB_ARRIVALS);
    set_state(SHMLAB_STATE_AWAIT_RESUME);
    unlock();
    ring();
    await_turn();
    errno = saved;
}

static void result_of(long r, int error, const char *ok) {
    char text[SHMLAB_CALL_RESULT_TEXT_BYTES];
    if (r == -1) {
        const char *name = strerrorname_np(error);
        snprintf(text, sizeof text, "-1 %s", name ? name : "errno");
    } else {
        snprintf(text, sizeof text, "%s", ok);
    }
    returned(r, r == -1 ? error : 0, text);
}

static void result_number(long r, int error) {
    char ok[32];
    snprintf(ok, sizeof ok, "%ld", r);
    result_of(r, error, ok);
}

/* Writes what a call that returns a number returned, and returns it with the call's errno kept. */
static int returning(int r) {
    int e = errno;
    result_number(r, e);
    errno = e;
    return r;
}

/* ---- names the processes make, removed after the run ---- */

static int exists(const char *prefix, const char *name) {
    char path[512];
    snprintf(path, sizeof path, "/dev/shm/%s%s", prefix, name[0] == '/' ? name + 1 : name);
    return access(path, F_OK) == 0;
}

static void made(int kind, const char *name) {
    lock();
    int32_t *count = i32(conductor() + SHMLAB_NAMES);
    int known = 0;
    for (int j = 0; j < *count && j < SHMLAB_MAX_NAMES; j++) {
        long e = shmlab_name_offset(capacity, j);
        if (*i32(e + SHMLAB_NAME_KIND) == kind && strncmp(block + e + SHMLAB_NAME_TEXT, name, SHMLAB_NAME_TEXT_BYTES - 1) == 0) {
            known = 1;
        }
    }
    if (!known && *count < SHMLAB_MAX_NAMES) {
        long e = shmlab_name_offset(capacity, *count);
        *i32(e + SHMLAB_NAME_KIND) = kind;
        put_text(e + SHMLAB_NAME_TEXT, SHMLAB_NAME_TEXT_BYTES, name);
        ++*count;
    }
    unlock();
}

/* ---- how calls are written ---- */

static void open_flags(char *out, size_t room, int flags) {
    const char *access_mode = (flags & O_ACCMODE) == O_RDWR ? "O_RDWR" : (flags & O_ACCMODE) == O_WRONLY ? "O_WRONLY" : "O_RDONLY";
    snprintf(out, room, "%s%s%s%s", access_mode, flags & O_CREAT ? "|O_CREAT" : "", flags & O_EXCL ? "|O_EXCL" : "",
             flags & O_TRUNC ? "|O_TRUNC" : "");
}

static void quoted(char *out, size_t room, const char *text, size_t length) {
    size_t o = 0;
    out[o++] = '"';
    for (size_t i = 0; i < length && o + 8 < room; i++) {
        unsigned char c = (unsigned char) text[i];
        if (c == '\n') { out[o++] = '\\'; out[o++] = 'n'; }
        else if (c == '\t') { out[o++] = '\\'; out[o++] = 't'; }
        else if (c == '"' || c == '\\') { out[o++] = '\\'; out[o++] = (char) c; }
        else if (c < ' ' || c == 0x7f) { o += snprintf(out + o, room - o, "\\x%02x", c); }
        else { out[o++] = (char) c; }
        if (i + 1 < length && o + 8 >= room) {
            o += snprintf(out + o, room - o, "...");
            break;
        }
    }
    out[o++] = '"';
    out[o] = '\0';
}

/* ---- shared memory ---- */

int shm_open(const char *name, int oflag, mode_t mode) {
    if (!ordered()) {
        return REAL(shm_open)(name, oflag, mode);
    }
    char flags[64], text[SHMLAB_CALL_TEXT_BYTES];
    open_flags(flags, sizeof flags, oflag);
    snprintf(text, sizeof text, "shm_open(\"%s\", %s, 0%o)", name, flags, (unsigned) mode);
    park("shm_open", text);
    int existed = (oflag & O_CREAT) && exists("", name);
    int r = REAL(shm_open)(name, oflag, mode);
    int e = errno;
    if (r >= 0 && (oflag & O_CREAT) && !existed) {
        made(SHMLAB_NAME_OBJECT, name);
    }
    char ok[32];
    snprintf(ok, sizeof ok, "fd %d", r);
    result_of(r, e, ok);
    errno = e;
    return r;
}

int shm_unlink(const char *name) {
    if (!ordered()) {
        return REAL(shm_unlink)(name);
    }
    char text[SHMLAB_CALL_TEXT_BYTES];
    snprintf(text, sizeof text, "shm_unlink(\"%s\")", name);
    park("shm_unlink", text);
    return returning(REAL(shm_unlink)(name));
}

int ftruncate(int fd, off_t length) {
    if (!ordered()) {
        return REAL(ftruncate)(fd, length);
    }
    char text[SHMLAB_CALL_TEXT_BYTES];
    snprintf(text, sizeof text, "ftruncate(%d, %ld)", fd, (long) length);
    park("ftruncate", text);
    return returning(REAL(ftruncate)(fd, length));
}

int posix_fallocate(int fd, off_t offset, off_t length) {
    if (!ordered()) {
        return REAL(posix_fallocate)(fd, offset, length);
    }
    char text[SHMLAB_CALL_TEXT_BYTES];
    snprintf(text, sizeof text, "posix_fallocate(%d, %ld, %ld)", fd, (long) offset, (long) length);
    park("posix_fallocate", text);
    int r = REAL(posix_fallocate)(fd, offset, length);
    const char *name = r == 0 ? "0" : strerrorname_np(r);
    returned(r, r, name ? name : "error");
    return r;
}

static void prot_text(char *out, size_t room, int prot) {
    if (prot == PROT_NONE) {
        snprintf(out, room, "PROT_NONE");
        return;
    }
    snprintf(out, room, "%s%s%s", prot & PROT_READ ? "PROT_READ" : "",
             prot & PROT_WRITE ? (prot & PROT_READ ? "|PROT_WRITE" : "PROT_WRITE") : "",
             prot & PROT_EXEC ? (prot & (PROT_READ | PROT_WRITE) ? "|PROT_EXEC" : "PROT_EXEC") : "");
}

void *mmap(void *address, size_t length, int prot, int flags, int fd, off_t offset) {
    if (!ordered()) {
        return REAL(mmap)(address, length, prot, flags, fd, offset);
    }
    char p[64], text[SHMLAB_CALL_TEXT_BYTES];
    prot_text(p, sizeof p, prot);
    char where[32];
    if (address == NULL) {
        snprintf(where, sizeof where, "NULL");
    } else {
        snprintf(where, sizeof where, "%p", address);
    }
    snprintf(text, sizeof text, "mmap(%s, %zu, %s, %s%s, %d, %ld)", where, length, p,
             flags & MAP_SHARED ? "MAP_SHARED" : "MAP_PRIVATE", flags & MAP_ANONYMOUS ? "|MAP_ANONYMOUS" : "", fd, (long) offset);
    park("mmap", text);
    void *r = REAL(mmap)(address, length, prot, flags, fd, offset);
    int e = errno;
    char ok[32];
    snprintf(ok, sizeof ok, "%p", r);
    result_of(r == MAP_FAILED ? -1 : (long) (intptr_t) r, e, ok);
    errno = e;
    return r;
}

int munmap(void *address, size_t length) {
    if (!ordered()) {
        return REAL(munmap)(address, length);
    }
    char text[SHMLAB_CALL_TEXT_BYTES];
    snprintf(text, sizeof text, "munmap(%p, %zu)", address, length);
    park("munmap", text);
    return returning(REAL(munmap)(address, length));
}

int msync(void *address, size_t length, int flags) {
    if (!ordered()) {
        return REAL(msync)(address, length, flags);
    }
    char text[SHMLAB_CALL_TEXT_BYTES];
    snprintf(text, sizeof text, "msync(%p, %zu, %s)", address, length, flags & MS_SYNC ? "MS_SYNC" : flags & MS_ASYNC ? "MS_ASYNC" : "0");
    park("msync", text);
    return returning(REAL(msync)(address, length, flags));
}

int close(int fd) {
    if (!ordered()) {
        return REAL(close)(fd);
    }
    char text[SHMLAB_CALL_TEXT_BYTES];
    snprintf(text, sizeof text, "close(%d)", fd);
    park("close", text);
    return returning(REAL(close)(fd));
}

/* ---- semaphores ---- */

sem_t *sem_open(const char *name, int oflag, ...) {
    mode_t mode = 0;
    unsigned value = 0;
    if (oflag & O_CREAT) {
        va_list ap;
        va_start(ap, oflag);
        mode = va_arg(ap, mode_t);
        value = va_arg(ap, unsigned);
        va_end(ap);
    }
    if (!ordered()) {
        return REAL(sem_open)(name, oflag, mode, value);
    }
    char flags[64], text[SHMLAB_CALL_TEXT_BYTES];
    open_flags(flags, sizeof flags, oflag);
    if (oflag & O_CREAT) {
        snprintf(text, sizeof text, "sem_open(\"%s\", %s, 0%o, %u)", name, flags, (unsigned) mode, value);
    } else {
        snprintf(text, sizeof text, "sem_open(\"%s\", %s)", name, flags);
    }
    park("sem_open", text);
    int existed = (oflag & O_CREAT) && exists("sem.", name);
    sem_t *r = REAL(sem_open)(name, oflag, mode, value);
    int e = errno;
    if (r != SEM_FAILED && (oflag & O_CREAT) && !existed) {
        made(SHMLAB_NAME_SEMAPHORE, name);
    }
    char ok[32];
    snprintf(ok, sizeof ok, "%p", (void *) r);
    result_of(r == SEM_FAILED ? -1 : 0, e, ok);
    errno = e;
    return r;
}

/* Parks at a call on one semaphore, written as call(s). */
static void park_on(const char *call, sem_t *s) {
    char text[SHMLAB_CALL_TEXT_BYTES];
    snprintf(text, sizeof text, "%s(%p)", call, (void *) s);
    park(call, text);
}

int sem_close(sem_t *s) {
    if (!ordered()) {
        return REAL(sem_close)(s);
    }
    park_on("sem_close", s);
    return returning(REAL(sem_close)(s));
}

int sem_unlink(const char *name) {
    if (!ordered()) {
        return REAL(sem_unlink)(name);
    }
    char text[SHMLAB_CALL_TEXT_BYTES];
    snprintf(text, sizeof text, "sem_unlink(\"%s\")", name);
    park("sem_unlink", text);
    return returning(REAL(sem_unlink)(name));
}

int sem_init(sem_t *s, int pshared, unsigned value) {
    if (!ordered()) {
        return REAL(sem_init)(s, pshared, value);
    }
    char text[SHMLAB_CALL_TEXT_BYTES];
    snprintf(text, sizeof text, "sem_init(%p, %d, %u)", (void *) s, pshared, value);
    park("sem_init", text);
    return returning(REAL(sem_init)(s, pshared, value));
}

int sem_destroy(sem_t *s) {
    if (!ordered()) {
        return REAL(sem_destroy)(s);
    }
    park_on("sem_destroy", s);
    return returning(REAL(sem_destroy)(s));
}

int sem_trywait(sem_t *s) {
    if (!ordered()) {
        return REAL(sem_trywait)(s);
    }
    park_on("sem_trywait", s);
    return returning(REAL(sem_trywait)(s));
}

int sem_post(sem_t *s) {
    if (!ordered()) {
        return REAL(sem_post)(s);
    }
    park_on("sem_post", s);
    return returning(REAL(sem_post)(s));
}

int sem_getvalue(sem_t *s, int *value) {
    if (!ordered()) {
        return REAL(sem_getvalue)(s, value);
    }
    char text[SHMLAB_CALL_TEXT_BYTES];
    snprintf(text, sizeof text, "sem_getvalue(%p, %p)", (void *) s, (void *) value);
    park("sem_getvalue", text);
    int r = REAL(sem_getvalue)(s, value);
    int e = errno;
    char ok[48];
    snprintf(ok, sizeof ok, "0 (value %d)", r == 0 ? *value : 0);
    result_of(r, e, ok);
    errno = e;
    return r;
}

/*
 * A wait whose semaphore is at 0 says it will block, then really sleeps on the semaphore's futex (its
 * value word), so that what happens to the semaphore meanwhile is what the kernel makes of it: a post
 * that finds no registered waiter wakes nobody, as Exercise 5's lost wakeup needs. Past sem_trywait
 * (glibc's own fast path) the wait is glibc 2.36's slow path on the same words (new_sem: a 64-bit data
 * word, the value in its low half and the waiter count in its high half, then the futex flag
 * "private"), with one difference: a waiter woken from the futex takes a turn before it retries, as the
 * simulator's woken process does, so another process may take the value first (then it blocks again).
 */
struct new_sem {
    uint64_t data;
    int private_flag;
    int pad;
};

#define SEM_VALUE_MASK 0xffffffffULL
#define SEM_NWAITERS_ONE (1ULL << 32)

static int futex_wait_on(struct new_sem *sem, const struct timespec *deadline) {
    /* glibc keeps FUTEX_PRIVATE_FLAG (128) in "private" for a shared semaphore, and flips it into the op */
    int op = ((9 /* FUTEX_WAIT_BITSET */ | 128) ^ sem->private_flag) | (deadline != NULL ? 256 /* FUTEX_CLOCK_REALTIME */ : 0);
    long r = syscall(SYS_futex, (unsigned *) &sem->data, op, 0, deadline, NULL, 0xffffffff);
    return r == 0 ? 0 : errno;
}

static int waiting(const char *call, sem_t *s, const struct timespec *deadline) {
    char text[SHMLAB_CALL_TEXT_BYTES];
    if (deadline == NULL) {
        snprintf(text, sizeof text, "%s(%p)", call, (void *) s);
    } else {
        snprintf(text, sizeof text, "%s(%p, {%ld, %ld})", call, (void *) s, (long) deadline->tv_sec, deadline->tv_nsec);
    }
    park(call, text);
    int r = REAL(sem_trywait)(s);
    int e = errno;
    if (r == 0 || e != EAGAIN || (deadline != NULL && (deadline->tv_nsec < 0 || deadline->tv_nsec >= 1000000000L))) {
        if (r != 0 && e == EAGAIN) {
            r = REAL(sem_timedwait)(s, deadline); /* glibc's EINVAL for the deadline */
            e = errno;
        }
        result_number(r, e);
        errno = e;
        return r;
    }
    struct new_sem *sem = (struct new_sem *) s;
    uint64_t d = __atomic_fetch_add(&sem->data, SEM_NWAITERS_ONE, __ATOMIC_RELAXED);
    for (;;) {
        if ((d & SEM_VALUE_MASK) == 0) {
            will_block(deadline == NULL ? SHMLAB_BLOCKS_UNTIMED : SHMLAB_BLOCKS_TIMED, sem, 0);
            int err = futex_wait_on(sem, deadline);
            if (err == ETIMEDOUT || err == EINTR || err == EOVERFLOW) {
                result_number(-1, err);
                park_resumed();
                __atomic_fetch_sub(&sem->data, SEM_NWAITERS_ONE, __ATOMIC_RELAXED);
                errno = err;
                return -1;
            }
            park_resumed();
            d = __atomic_load_n(&sem->data, __ATOMIC_RELAXED);
        } else if (__atomic_compare_exchange_n(&sem->data, &d, d - 1 - SEM_NWAITERS_ONE, 1, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
            result_number(0, 0);
            return 0;
        }
    }
}

int sem_wait(sem_t *s) {
    if (!ordered()) {
        return REAL(sem_wait)(s);
    }
    return waiting("sem_wait", s, NULL);
}

int sem_timedwait(sem_t *s, const struct timespec *deadline) {
    if (!ordered()) {
        return REAL(sem_timedwait)(s, deadline);
    }
    return waiting("sem_timedwait", s, deadline);
}

/* ---- processes ---- */

pid_t fork(void) {
    if (!ordered()) {
        return REAL(fork)();
    }
    park("fork", "fork()");
    int parent = me;
    pid_t r = REAL(fork)();
    int e = errno;
    if (r == 0) {
        my_tid = (pid_t) syscall(SYS_gettid);
        lock();
        int32_t *used = i32(conductor() + SHMLAB_SLOTS_USED);
        me = *used < capacity ? (*used)++ : -1;
        if (me >= 0) {
            *i32(process(me) + SHMLAB_PROCESS_PID) = getpid();
            *i32(process(me) + SHMLAB_PROCESS_TID) = my_tid;
            *i32(record(me) + SHMLAB_CALL_PARENT) = parent;
            set_state(SHMLAB_STATE_STARTING);
        }
        unlock();
        ring();
        return 0;
    }
    result_number(r, e);
    errno = e;
    return r;
}

static void at_end(int status, void *unused) {
    (void) unused;
    if (!ordered()) {
        return;
    }
    char text[SHMLAB_CALL_TEXT_BYTES];
    snprintf(text, sizeof text, "exit(%d)", status);
    *i32(record(me) + SHMLAB_CALL_EXIT_STATUS) = status;
    park("exit", text);
    lock();
    set_state(SHMLAB_STATE_ENDED);
    unlock();
    ring();
    ended = 1;
}

/* ---- sleeps: scheduling points that take no real time, unless the run keeps real time ---- */

static int sleeping(long nanos, int (*really)(void *), void *argument) {
    char text[SHMLAB_CALL_TEXT_BYTES];
    snprintf(text, sizeof text, "nanosleep(%ld.%09lds)", nanos / 1000000000L, nanos % 1000000000L);
    park("nanosleep", text);
    if (real_time) {
        will_block(SHMLAB_BLOCKS_TIMED, NULL, nanos);
        int r = really(argument);
        int e = errno;
        result_number(r, e);
        park_resumed();
        errno = e;
        return r;
    }
    returned(0, 0, "0");
    will_block(SHMLAB_BLOCKS_VIRTUAL, NULL, nanos);
    await_turn();
    return 0;
}

struct sleep_args {
    const struct timespec *request;
    struct timespec *remain;
    clockid_t clock;
    int flags;
};

static int really_nanosleep(void *a) {
    struct sleep_args *s = a;
    return REAL(nanosleep)(s->request, s->remain);
}

static int really_clock_nanosleep(void *a) {
    struct sleep_args *s = a;
    int r = REAL(clock_nanosleep)(s->clock, s->flags, s->request, s->remain);
    return r;
}

static long nanos_of(const struct timespec *t) {
    return t == NULL ? 0 : (long) t->tv_sec * 1000000000L + t->tv_nsec;
}

int nanosleep(const struct timespec *request, struct timespec *remain) {
    if (!ordered() || request == NULL || request->tv_sec < 0 || request->tv_nsec < 0 || request->tv_nsec > 999999999L) {
        return REAL(nanosleep)(request, remain);
    }
    struct sleep_args a = {request, remain, CLOCK_REALTIME, 0};
    int r = sleeping(nanos_of(request), really_nanosleep, &a);
    if (r == 0 && remain != NULL) {
        remain->tv_sec = 0;
        remain->tv_nsec = 0;
    }
    return r;
}

int clock_nanosleep(clockid_t clock, int flags, const struct timespec *request, struct timespec *remain) {
    if (!ordered() || (flags & TIMER_ABSTIME) || request == NULL || request->tv_nsec < 0 || request->tv_nsec > 999999999L) {
        return REAL(clock_nanosleep)(clock, flags, request, remain);
    }
    struct sleep_args a = {request, remain, clock, flags};
    return sleeping(nanos_of(request), really_clock_nanosleep, &a);
}

static int really_sleep(void *a) {
    return (int) REAL(sleep)(*(unsigned *) a);
}

unsigned sleep(unsigned seconds) {
    if (!ordered()) {
        return REAL(sleep)(seconds);
    }
    return (unsigned) sleeping((long) seconds * 1000000000L, really_sleep, &seconds);
}

static int really_usleep(void *a) {
    return REAL(usleep)(*(useconds_t *) a);
}

int usleep(useconds_t micros) {
    if (!ordered()) {
        return REAL(usleep)(micros);
    }
    return sleeping((long) micros * 1000L, really_usleep, &micros);
}

/* ---- output to standard output and error: one write(2) each, a scheduling point ---- */

static int console_fd(FILE *stream) {
    if (stream == stdout) {
        return 1;
    }
    if (stream == stderr) {
        return 2;
    }
    return -1;
}

/* Writes what the program printed as one write(2) of its own, after what stdio holds. */
static ssize_t emit(FILE *stream, int fd, const char *bytes, size_t length) {
    if (stream != NULL) {
        inside = 1;
        fflush(stream);
        inside = 0;
    }
    char shown[SHMLAB_CALL_TEXT_BYTES - 48], text[SHMLAB_CALL_TEXT_BYTES];
    quoted(shown, sizeof shown, bytes, length);
    snprintf(text, sizeof text, "write(%d, %s, %zu)", fd, shown, length);
    park("write", text);
    size_t done = 0;
    ssize_t r = 0;
    while (done < length) {
        r = REAL(write)(fd, bytes + done, length - done);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        done += (size_t) r;
    }
    int e = errno;
    ssize_t result = r < 0 ? -1 : (ssize_t) done;
    result_number(result, e);
    errno = e;
    return result;
}

ssize_t write(int fd, const void *bytes, size_t length) {
    if (!ordered() || (fd != 1 && fd != 2)) {
        return REAL(write)(fd, bytes, length);
    }
    return emit(NULL, fd, bytes, length);
}

static int formatted(FILE *stream, const char *format, va_list ap) {
    char *text = NULL;
    int n = vasprintf(&text, format, ap);
    if (n < 0) {
        return n;
    }
    ssize_t r = emit(stream, console_fd(stream), text, (size_t) n);
    free(text);
    return r < 0 ? -1 : n;
}

int vprintf(const char *format, va_list ap) {
    if (!ordered()) {
        return REAL(vprintf)(format, ap);
    }
    return formatted(stdout, format, ap);
}

int printf(const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    int r = vprintf(format, ap);
    va_end(ap);
    return r;
}

int __printf_chk(int flag, const char *format, ...) {
    (void) flag;
    va_list ap;
    va_start(ap, format);
    int r = vprintf(format, ap);
    va_end(ap);
    return r;
}

int vfprintf(FILE *stream, const char *format, va_list ap) {
    if (!ordered() || console_fd(stream) < 0) {
        return REAL(vfprintf)(stream, format, ap);
    }
    return formatted(stream, format, ap);
}

int fprintf(FILE *stream, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    int r = vfprintf(stream, format, ap);
    va_end(ap);
    return r;
}

int __fprintf_chk(FILE *stream, int flag, const char *format, ...) {
    (void) flag;
    va_list ap;
    va_start(ap, format);
    int r = vfprintf(stream, format, ap);
    va_end(ap);
    return r;
}

int puts(const char *s) {
    if (!ordered()) {
        return REAL(puts)(s);
    }
    size_t n = strlen(s);
    char *line = malloc(n + 1);
    if (line == NULL) {
        return REAL(puts)(s);
    }
    memcpy(line, s, n);
    line[n] = '\n';
    ssize_t r = emit(stdout, 1, line, n + 1);
    free(line);
    return r < 0 ? EOF : (int) r;
}

int fputs(const char *s, FILE *stream) {
    if (!ordered() || console_fd(stream) < 0) {
        return REAL(fputs)(s, stream);
    }
    return emit(stream, console_fd(stream), s, strlen(s)) < 0 ? EOF : 1;
}

size_t fwrite(const void *bytes, size_t size, size_t count, FILE *stream) {
    if (!ordered() || console_fd(stream) < 0 || size == 0 || count == 0) {
        return REAL(fwrite)(bytes, size, count, stream);
    }
    ssize_t r = emit(stream, console_fd(stream), bytes, size * count);
    return r < 0 ? 0 : (size_t) r / size;
}

static int one_char(FILE *stream, int c) {
    char b = (char) c;
    return emit(stream, console_fd(stream), &b, 1) < 0 ? EOF : (unsigned char) c;
}

int putchar(int c) {
    if (!ordered()) {
        return REAL(putchar)(c);
    }
    return one_char(stdout, c);
}

int fputc(int c, FILE *stream) {
    if (!ordered() || console_fd(stream) < 0) {
        return REAL(fputc)(c, stream);
    }
    return one_char(stream, c);
}

int putc(int c, FILE *stream) {
    if (!ordered() || console_fd(stream) < 0) {
        return REAL(putc)(c, stream);
    }
    return one_char(stream, c);
}

/* ---- attaching ---- */

__attribute__((constructor)) static void attach(void) {
    const char *name = getenv("SHMLAB_TURNS");
    const char *slot = getenv("SHMLAB_SLOT");
    if (name == NULL || slot == NULL) {
        return;
    }
    int fd = REAL(shm_open)(name, O_RDWR, 0);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        dprintf(2, "shmlab turnstile: cannot open the control block %s: %s\n", name, strerror(errno));
        _exit(125);
    }
    char *mapped = REAL(mmap)(NULL, (size_t) st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    REAL(close)(fd);
    if (mapped == MAP_FAILED || st.st_size < SHMLAB_TURNSTILES_OFFSET || *(int32_t *) mapped != SHMLAB_MAGIC) {
        dprintf(2, "shmlab turnstile: %s is not a control block\n", name);
        _exit(125);
    }
    block = mapped;
    capacity = *i32(SHMLAB_PROCESSES_OFFSET);
    me = atoi(slot);
    if (me < 0 || me >= capacity || st.st_size < shmlab_name_offset(capacity, SHMLAB_MAX_NAMES)) {
        dprintf(2, "shmlab turnstile: slot %s does not fit the control block %s\n", slot, name);
        _exit(125);
    }
    real_time = (*i32(conductor() + SHMLAB_FLAGS) & SHMLAB_FLAG_REAL_TIME) != 0;
    my_tid = (pid_t) syscall(SYS_gettid);
    lock();
    *i32(process(me) + SHMLAB_PROCESS_PID) = getpid();
    *i32(process(me) + SHMLAB_PROCESS_TID) = my_tid;
    unlock();
    unsetenv("SHMLAB_TURNS");
    unsetenv("SHMLAB_SLOT");
    on_exit(at_end, NULL);
}
