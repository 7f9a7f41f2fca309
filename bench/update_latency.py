#!/usr/bin/env python3
"""Latency from UPDATE to visible on a secondary, for bench/update.sh.

For each sample: send one TSIG-signed (hmac-sha256) UPDATE adding a new A record to
the primary over UDP, wait for its answer (the acknowledgement: durable on the
primary), then ask the secondary for the name every millisecond until it answers it.
Prints one line: samples, then ack and visible latencies (p50, p99, max) in ms.
With SECONDARY_PORT 0, only the acknowledgement is measured. With RAW_FILE, each
sample's two latencies (ms; -1 when never visible) are appended to it as a line.

Standard library only (the machine has no dnspython); the DNS and TSIG encoding
below is the minimum RFC 1035, 2136 and 8945 ask for.
"""
import base64
import hashlib
import hmac
import random
import socket
import struct
import sys
import time


def wire_name(name):
    out = b""
    for label in name.rstrip(".").split("."):
        out += bytes([len(label)]) + label.encode()
    return out + b"\x00"


def signed_update(zone, owner, address, key_name, secret, message_id):
    header = struct.pack(">HHHHHH", message_id, 0x2800, 1, 0, 1, 0)  # opcode UPDATE
    zone_section = wire_name(zone) + struct.pack(">HH", 6, 1)  # SOA, IN
    rdata = socket.inet_aton(address)
    update = wire_name(owner) + struct.pack(">HHIH", 1, 1, 300, len(rdata)) + rdata
    message = header + zone_section + update
    # RFC 8945 §4.3.3: the message, then the TSIG variables.
    algorithm = wire_name("hmac-sha256")
    now = int(time.time())
    fudge = 300
    variables = (wire_name(key_name) + struct.pack(">HI", 255, 0) + algorithm
                 + struct.pack(">HIH", now >> 32, now & 0xFFFFFFFF, fudge) + struct.pack(">HH", 0, 0))
    mac = hmac.new(secret, message + variables, hashlib.sha256).digest()
    tsig_rdata = (algorithm + struct.pack(">HIH", now >> 32, now & 0xFFFFFFFF, fudge)
                  + struct.pack(">H", len(mac)) + mac + struct.pack(">HHH", message_id, 0, 0))
    tsig = wire_name(key_name) + struct.pack(">HHIH", 250, 255, 0, len(tsig_rdata)) + tsig_rdata
    header = struct.pack(">HHHHHH", message_id, 0x2800, 1, 0, 1, 1)
    return header + zone_section + update + tsig


def query(name, message_id):
    header = struct.pack(">HHHHHH", message_id, 0x0000, 1, 0, 0, 0)
    return header + wire_name(name) + struct.pack(">HH", 1, 1)


def answer_count(response):
    return struct.unpack(">H", response[6:8])[0] if len(response) >= 12 else 0


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    if len(sys.argv) not in (9, 10):
        sys.exit("usage: update_latency.py PRIMARY_PORT SECONDARY_PORT ZONE KEYNAME SECRET SAMPLES LABEL TIMEOUT_S [RAW_FILE]")
    raw = open(sys.argv[9], "a") if len(sys.argv) == 10 else None
    primary_port, secondary_port = int(sys.argv[1]), int(sys.argv[2])
    zone, key_name, secret = sys.argv[3], sys.argv[4], base64.b64decode(sys.argv[5])
    samples, label, timeout = int(sys.argv[6]), sys.argv[7], float(sys.argv[8])

    updates = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    updates.connect(("127.0.0.1", primary_port))
    queries = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    queries.connect(("127.0.0.1", secondary_port))
    queries.setblocking(False)

    acks, visible, lost = [], [], 0
    run = random.randrange(1 << 30)
    for n in range(samples):
        owner = f"lat-{run}-{n}.{zone}"
        message_id = random.randrange(1 << 16)
        start = time.monotonic()
        updates.settimeout(5)
        updates.send(signed_update(zone, owner, f"10.99.{n // 250}.{n % 250}", key_name, secret, message_id))
        while True:
            response = updates.recv(4096)
            if struct.unpack(">H", response[:2])[0] == message_id:
                break
        rcode = response[3] & 0x0F
        if rcode != 0:
            sys.exit(f"{label}: UPDATE answered rcode {rcode}")
        acked = time.monotonic()
        acks.append((acked - start) * 1000)
        if secondary_port == 0:
            time.sleep(0.005)
            continue
        seen = None
        deadline = start + timeout
        qid = 0
        while time.monotonic() < deadline and seen is None:
            qid = (qid + 1) & 0xFFFF
            queries.send(query(owner, qid))
            wait_until = time.monotonic() + 0.001
            while time.monotonic() < wait_until:
                try:
                    response = queries.recv(4096)
                except BlockingIOError:
                    time.sleep(0.0002)
                    continue
                if struct.unpack(">H", response[:2])[0] == qid and answer_count(response) > 0:
                    seen = time.monotonic()
                    break
        if seen is None:
            lost += 1
        else:
            visible.append((seen - start) * 1000)
        if raw:
            raw.write(f"{acks[-1]:.3f} {visible[-1] if seen is not None else -1:.3f}\n")
        time.sleep(0.02)

    if raw:
        raw.close()
    if secondary_port == 0:
        print(f"{label}: {samples} samples; ack p50 {percentile(acks, 0.5):.2f} ms p90 {percentile(acks, 0.9):.2f} ms "
              f"p99 {percentile(acks, 0.99):.2f} ms max {max(acks):.2f} ms")
        return
    if not visible:
        sys.exit(f"{label}: no update became visible on the secondary")
    print(f"{label}: {samples} samples; ack p50 {percentile(acks, 0.5):.1f} ms p99 {percentile(acks, 0.99):.1f} ms; "
          f"visible p50 {percentile(visible, 0.5):.1f} ms p99 {percentile(visible, 0.99):.1f} ms "
          f"max {max(visible):.1f} ms; not visible within {timeout:g} s: {lost}")


if __name__ == "__main__":
    main()
