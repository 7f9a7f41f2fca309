#define _GNU_SOURCE
#include <pthread.h>
#include <sys/socket.h>
#include "CDNSSystem.h"

#ifdef __linux__
_Static_assert(sizeof(cdns_mmsghdr) == sizeof(struct mmsghdr), "cdns_mmsghdr is not laid out as struct mmsghdr");

int cdns_recvmmsg(int fd, cdns_mmsghdr *messages, unsigned int count, int flags) {
    return recvmmsg(fd, (struct mmsghdr *)messages, count, flags, NULL);
}

int cdns_sendmmsg(int fd, cdns_mmsghdr *messages, unsigned int count, int flags) {
    return sendmmsg(fd, (struct mmsghdr *)messages, count, flags);
}

void cdns_name_thread(const char *name) {
    pthread_setname_np(pthread_self(), name);
}
#endif
