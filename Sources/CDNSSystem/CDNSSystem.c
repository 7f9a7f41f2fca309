#define _GNU_SOURCE
#include <pthread.h>
#include <netinet/in.h>
#include <string.h>
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

int cdns_enable_pktinfo(int fd, int family) {
    int on = 1;
    if (family == AF_INET6) return setsockopt(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &on, sizeof(on));
    return setsockopt(fd, IPPROTO_IP, IP_PKTINFO, &on, sizeof(on));
}

_Static_assert(CMSG_SPACE(sizeof(struct in6_pktinfo)) <= CDNS_PKTINFO_SPACE, "CDNS_PKTINFO_SPACE too small");
_Static_assert(CMSG_SPACE(sizeof(struct in_pktinfo)) <= CDNS_PKTINFO_SPACE, "CDNS_PKTINFO_SPACE too small");

/// The packet info of a received message: AF_INET with `v4` filled, AF_INET6 with
/// `v6` filled, or 0 when it carried none.
static int find_pktinfo(const struct msghdr *received, struct in_pktinfo *v4, struct in6_pktinfo *v6) {
    for (struct cmsghdr *in = CMSG_FIRSTHDR((struct msghdr *)received); in; in = CMSG_NXTHDR((struct msghdr *)received, in)) {
        if (in->cmsg_level == IPPROTO_IP && in->cmsg_type == IP_PKTINFO) {
            memcpy(v4, CMSG_DATA(in), sizeof(*v4));
            return AF_INET;
        }
        if (in->cmsg_level == IPPROTO_IPV6 && in->cmsg_type == IPV6_PKTINFO) {
            memcpy(v6, CMSG_DATA(in), sizeof(*v6));
            return AF_INET6;
        }
    }
    return 0;
}

unsigned int cdns_reply_pktinfo(const struct msghdr *received, void *control) {
    memset(control, 0, CDNS_PKTINFO_SPACE);
    struct in_pktinfo v4;
    struct in6_pktinfo v6;
    struct cmsghdr *out = (struct cmsghdr *)control;
    switch (find_pktinfo(received, &v4, &v6)) {
    case AF_INET:
        // Leave from the address the query went to; let routing pick the interface.
        v4.ipi_spec_dst = v4.ipi_addr;
        v4.ipi_ifindex = 0;
        out->cmsg_level = IPPROTO_IP;
        out->cmsg_type = IP_PKTINFO;
        out->cmsg_len = CMSG_LEN(sizeof(v4));
        memcpy(CMSG_DATA(out), &v4, sizeof(v4));
        return CMSG_SPACE(sizeof(v4));
    case AF_INET6:
        // The destination address and the interface it came in on, as they were.
        out->cmsg_level = IPPROTO_IPV6;
        out->cmsg_type = IPV6_PKTINFO;
        out->cmsg_len = CMSG_LEN(sizeof(v6));
        memcpy(CMSG_DATA(out), &v6, sizeof(v6));
        return CMSG_SPACE(sizeof(v6));
    default:
        return 0;
    }
}

int cdns_destination(const struct msghdr *received, unsigned short port, struct sockaddr_storage *address) {
    memset(address, 0, sizeof(*address));
    struct in_pktinfo v4;
    struct in6_pktinfo v6;
    switch (find_pktinfo(received, &v4, &v6)) {
    case AF_INET: {
        struct sockaddr_in *out = (struct sockaddr_in *)address;
        out->sin_family = AF_INET;
        out->sin_port = htons(port);
        out->sin_addr = v4.ipi_addr;
        return 1;
    }
    case AF_INET6: {
        struct sockaddr_in6 *out = (struct sockaddr_in6 *)address;
        out->sin6_family = AF_INET6;
        out->sin6_port = htons(port);
        out->sin6_addr = v6.ipi6_addr;
        return 1;
    }
    default:
        return 0;
    }
}
#endif
