chmod 0666 tuning.cnf
