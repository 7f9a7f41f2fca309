print("dnsplane")
