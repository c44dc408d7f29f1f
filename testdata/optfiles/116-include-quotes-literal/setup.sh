printf '[mysqld]\nfrom=quoted\n' > '"x.cnf"'
