#!/usr/bin/env python3
"""Writes N bundles as customers send them, for mysizer review's test and benchmark: each a
folder with my.cnf, a deployment file and the running server's variables and status (the
real dumps of testdata/dumps/mariadb-10.11, with this bundle's values), the sizes varied
from bundle to bundle by a fixed seed so that runs compare.

usage: make-bundles.py SOURCE_DIR OUT_DIR N [--broken K]   (K bundles with malformed JSON)"""
import os
import random
import sys


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    source, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    broken = int(sys.argv[sys.argv.index("--broken") + 1]) if "--broken" in sys.argv else 0
    dumps = os.path.join(source, "testdata", "dumps", "mariadb-10.11")
    variables = [line.rstrip("\n").split("\t", 1)
                 for line in open(os.path.join(dumps, "vars.batch-nh"))]
    status = [line.rstrip("\n").split("\t", 1)
              for line in open(os.path.join(dumps, "status.batch-nh"))]
    rng = random.Random(20261125)
    for i in range(n):
        bundle = os.path.join(out, "customer-%04d" % i)
        os.makedirs(bundle, exist_ok=True)
        max_connections = rng.choice([151, 200, 300, 500, 1000, 2000])
        pool = rng.choice([5, 10, 20, 40])
        replicas = rng.randint(1, 12)
        pool_gib = rng.choice([1, 2, 4, 8, 16])
        wait = rng.choice([300, 600, 28800])
        with open(os.path.join(bundle, "my.cnf"), "w") as f:
            f.write("[mysqld]\nmax_connections = %d\ninnodb_buffer_pool_size = %dG\n"
                    "wait_timeout = %d\n" % (max_connections, pool_gib, wait))
        own = {"max_connections": str(max_connections), "wait_timeout": str(wait),
               "innodb_buffer_pool_size": str(pool_gib << 30)}
        with open(os.path.join(bundle, "variables.txt"), "w") as f:
            f.write("Variable_name\tValue\n")
            f.writelines("%s\t%s\n" % (k, own.get(k, v)) for k, v in variables)
        counters = {"Max_used_connections": str(rng.randint(10, max_connections)),
                    "Uptime": str(rng.randint(3600, 40 * 86400)),
                    "Connections": str(rng.randint(1000, 900000)),
                    "Aborted_clients": str(rng.randint(0, 5000))}
        with open(os.path.join(bundle, "status.txt"), "w") as f:
            f.write("Variable_name\tValue\n")
            f.writelines("%s\t%s\n" % (k, counters.get(k, v)) for k, v in status)
        with open(os.path.join(bundle, "deploy.json"), "w") as f:
            if i < broken:
                f.write('{ "server": { "memory": "16G" }, "apps": [ { "name": \n')
                continue
            f.write('{\n  "server": { "memory": "%dG", "nofile": 65535 },\n'
                    '  "apps": [\n    { "name": "api", "library": "hikari", "replicas": %d,\n'
                    '      "pool": { "maximumPoolSize": %d, "maxLifetime": 1800000 } }\n'
                    '  ]\n}\n' % (rng.choice([8, 16, 32, 64]), replicas, pool))


if __name__ == "__main__":
    main()
