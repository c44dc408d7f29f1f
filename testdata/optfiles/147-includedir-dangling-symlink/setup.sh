ln -s ../missing.cnf d/b.cnf
