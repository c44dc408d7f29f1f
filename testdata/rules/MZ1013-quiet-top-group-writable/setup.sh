chmod 0664 my.cnf
