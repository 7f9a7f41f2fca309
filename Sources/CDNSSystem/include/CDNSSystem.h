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

/// Room for one IPv4 or IPv6 packet-info control message.
#define CDNS_PKTINFO_SPACE 64

/// Asks the kernel to report each datagram's destination address (IP_PKTINFO,
/// IPV6_RECVPKTINFO). Returns 0, or -1 with errno set.
int cdns_enable_pktinfo(int fd, int family);

/// From the control data of a received message, writes into `control` (at least
/// CDNS_PKTINFO_SPACE bytes) a control message that makes a reply leave from the
/// address the datagram was sent to. Returns its length, or 0 when the message
/// carried no packet info.
unsigned int cdns_reply_pktinfo(const struct msghdr *received, void *control);

/// The address a received datagram was sent to, with `port`, into `address`. Returns
/// 1 when the message carried packet info, else 0.
int cdns_destination(const struct msghdr *received, unsigned short port, struct sockaddr_storage *address);

#endif
