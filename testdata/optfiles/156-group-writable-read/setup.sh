chmod 664 my.cnf
