chmod 666 my.cnf
