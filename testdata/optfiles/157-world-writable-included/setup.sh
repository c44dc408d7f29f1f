chmod 666 ww.cnf
