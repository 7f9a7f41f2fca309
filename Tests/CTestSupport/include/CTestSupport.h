#ifndef CTESTSUPPORT_H
#define CTESTSUPPORT_H

/// Moves the calling thread into the network namespace at `path` (as `ip netns`
/// names them, /var/run/netns/NAME): sockets it makes from then on belong there.
/// Returns 0, or -1 with errno set. setns(2) is a GNU extension Swift's Glibc module
/// leaves out.
int cts_join_network_namespace(const char *path);

#endif
