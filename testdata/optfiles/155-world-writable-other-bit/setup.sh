chmod 602 my.cnf
