chmod 666 d/b.cnf
