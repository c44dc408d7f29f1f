chmod 0664 tuning.cnf
