chmod 0666 my.cnf
