ln -s missing.cnf link.cnf
