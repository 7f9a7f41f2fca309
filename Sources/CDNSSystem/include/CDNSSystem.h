#ifndef CDNSSYSTEM_H
#define CDNSSYSTEM_H

// The Linux system calls the UDP listener uses that Swift's Glibc module does not
// expose (they are GNU extensions, declared only with _GNU_SOURCE).

#include <sys/socket.h>

/// Laid out as `struct mmsghdr` (checked in the .c file).
typedef struct {
    struct msghdr msg_hdr;
    unsigned int msg_len;
} cdns_mmsghdr;

/// recvmmsg(2) without a timeout.
int cdns_recvmmsg(int fd, cdns_mmsghdr *messages, unsigned int count, int flags);

/// sendmmsg(2).
int cdns_sendmmsg(int fd, cdns_mmsghdr *messages, unsigned int count, int flags);

/// Names the calling thread (15 characters at most), for top and perf.
void cdns_name_thread(const char *name);

#endif
