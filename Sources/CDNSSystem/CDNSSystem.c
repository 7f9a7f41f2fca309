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

unsigned int cdns_reply_pktinfo(const struct msghdr *received, void *control) {
    memset(control, 0, CDNS_PKTINFO_SPACE);
    for (struct cmsghdr *in = CMSG_FIRSTHDR((struct msghdr *)received); in; in = CMSG_NXTHDR((struct msghdr *)received, in)) {
        struct cmsghdr *out = (struct cmsghdr *)control;
        if (in->cmsg_level == IPPROTO_IP && in->cmsg_type == IP_PKTINFO) {
            struct in_pktinfo info;
            memcpy(&info, CMSG_DATA(in), sizeof(info));
            // Leave from the address the query went to; let routing pick the interface.
            info.ipi_spec_dst = info.ipi_addr;
            info.ipi_ifindex = 0;
            out->cmsg_level = IPPROTO_IP;
            out->cmsg_type = IP_PKTINFO;
            out->cmsg_len = CMSG_LEN(sizeof(info));
            memcpy(CMSG_DATA(out), &info, sizeof(info));
            return CMSG_SPACE(sizeof(info));
        }
        if (in->cmsg_level == IPPROTO_IPV6 && in->cmsg_type == IPV6_PKTINFO) {
            // The destination address and the interface it came in on, as they were.
            out->cmsg_level = IPPROTO_IPV6;
            out->cmsg_type = IPV6_PKTINFO;
            out->cmsg_len = CMSG_LEN(sizeof(struct in6_pktinfo));
            memcpy(CMSG_DATA(out), CMSG_DATA(in), sizeof(struct in6_pktinfo));
            return CMSG_SPACE(sizeof(struct in6_pktinfo));
        }
    }
    return 0;
}

int cdns_destination(const struct msghdr *received, unsigned short port, struct sockaddr_storage *address) {
    memset(address, 0, sizeof(*address));
    for (struct cmsghdr *in = CMSG_FIRSTHDR((struct msghdr *)received); in; in = CMSG_NXTHDR((struct msghdr *)received, in)) {
        if (in->cmsg_level == IPPROTO_IP && in->cmsg_type == IP_PKTINFO) {
            struct in_pktinfo info;
            memcpy(&info, CMSG_DATA(in), sizeof(info));
            struct sockaddr_in *v4 = (struct sockaddr_in *)address;
            v4->sin_family = AF_INET;
            v4->sin_port = htons(port);
            v4->sin_addr = info.ipi_addr;
            return 1;
        }
        if (in->cmsg_level == IPPROTO_IPV6 && in->cmsg_type == IPV6_PKTINFO) {
            struct in6_pktinfo info;
            memcpy(&info, CMSG_DATA(in), sizeof(info));
            struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)address;
            v6->sin6_family = AF_INET6;
            v6->sin6_port = htons(port);
            v6->sin6_addr = info.ipi6_addr;
            return 1;
        }
    }
    return 0;
}
#endif
